import ArgumentParser
import Logging
import Pipeline
import Stages

/// `run --remove-list DIR`: the remove list of `pipeline-run dedupe cluster`, applied by the plan's `dedupe`
/// stage in place of its own decisions, so a sharded run's output equals a single-machine run's.
///
/// ```
///  dedupe cluster ──▶ DIR/remove-list.tsv + DIR/_completions/cluster.json
///  run --shard i/N --remove-list DIR ──▶ marker checked against this configuration and input
///                                    ──▶ dedupe stage replaced by DedupeRemoveListStage (this shard's entries)
/// ```
struct CrossShardRemoveList {
    /// The `--remove-list` folder (the dedupe steps' `--dir`).
    let folder: String
    /// The pipeline file.
    let file: String
    /// The `--input` overrides.
    let inputs: [String]

    /// Whether a run failed because the remove list does not fit it (a ``CrossShardDedupeError``: the input or the
    /// list changed), which rerunning the dedupe steps fixes and retrying the run does not.
    /// - Parameter error: The run's error.
    /// - Returns: Whether the error is the remove list's.
    static func rejects(_ error: any Error) -> Bool {
        error is CrossShardDedupeError
    }

    /// The plan with its `dedupe` stage swapped for one that applies the remove list (the entries of the documents
    /// this shard reads), after checking that the list was made for this configuration and input.
    ///
    /// - Parameters:
    ///   - plan: The plan, with the shard's outputs applied.
    ///   - shard: The shard.
    ///   - shutdown: The run's stop signal.
    ///   - logger: Where problems are logged.
    /// - Returns: The plan and the remove list's content hash (for the run state and the shard marker).
    /// - Throws: ``PipelineExitCode/configuration`` when the cluster step has not completed, was run for another
    ///   configuration or input, or the list is unreadable.
    func apply(
        to plan: PipelinePlan,
        shard: Shard,
        shutdown: ShutdownSignal,
        logger: Logger
    ) throws -> (PipelinePlan, removeListHash: String) {
        let setup = try CrossShardDedupeSetup(plan: plan, file: file, inputs: inputs, logger: logger)
        let directory = DedupeWorkDirectory(path: folder)
        let marker: DedupeCompletionMarker
        do {
            guard let read = try DedupeCompletionMarker.read(path: directory.clusterMarkerPath) else {
                logger.error(
                    "no completed cluster step in \(folder) (\(directory.clusterMarkerPath) is missing): run `pipeline-run dedupe cluster` first"
                )
                throw PipelineExitCode.configuration
            }
            marker = read
        } catch let error as CrossShardDedupeError {
            logger.error("\(error)")
            throw PipelineExitCode.configuration
        }
        for (name, value) in setup.baseIdentity where marker.identity[name] != value {
            let what = name == "input_hash" ? "another input list" : "another configuration"
            logger.error(
                "the remove list in \(folder) was made for \(what); run the dedupe steps again with this pipeline file and input"
            )
            throw PipelineExitCode.configuration
        }
        let removeListHash = marker.results["remove_list_hash"]?.stringValue ?? ""
        let removeList: DedupeRemoveList
        do {
            guard (try RunState.Fingerprint.of(path: directory.removeListPath))?.hash == removeListHash else {
                logger.error(
                    "\(directory.removeListPath) is missing or not the file the cluster step wrote; run `pipeline-run dedupe cluster --force`"
                )
                throw PipelineExitCode.configuration
            }
            let order = setup.order
            let split = plan.input.split
            removeList = try DedupeRemoveList(path: directory.removeListPath) { entry in
                order.shard(shard, split: split, takes: entry.key, id: entry.id)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            logger.error("cannot read the remove list: \(error)")
            throw PipelineExitCode.configuration
        }
        let dedupe = plan.stages[setup.dedupePosition]
        if setup.options.index != nil {
            logger.notice(
                "with --remove-list the dedupe stage's index is neither read nor updated; pass it to `dedupe buckets` and `dedupe cluster` with --index"
            )
        }
        let replaced = plan.replacingStage(
            at: setup.dedupePosition,
            with: DedupeRemoveListStage(
                options: setup.options,
                removeList: removeList,
                keys: setup.order.keyAssigner(shard: shard, split: plan.input.split),
                shutdown: shutdown
            )
        )
        logger.info(
            "applying the cross-shard remove list",
            metadata: [
                "stage": "\(dedupe.name)", "entries": "\(removeList.count)",
                "method": "\(marker.results["method"]?.stringValue ?? "?")",
            ]
        )
        return (replaced, removeListHash)
    }
}
