import ArgumentParser
import Foundation
import Logging
import Pipeline
import Stages

/// `pipeline-run dedupe signatures|buckets|cluster`: near-duplicate detection across the shards of a job.
///
/// ```
///  dedupe signatures FILE --shard i/N --dir DIR   (N processes)  stages before dedupe, then signatures and bands
///  dedupe buckets FILE --task j/M --dir DIR       (M processes)  bands b ≡ j (mod M) merged over shards → groups
///  dedupe cluster FILE --dir DIR                  (1 process)    groups verified and decided → DIR/remove-list.tsv
///  run FILE --shard i/N --remove-list DIR         (N processes)  the dedupe stage applies the list
/// ```
/// Each step writes its completion marker under `DIR/_completions/` last; a matching marker makes a rerun a no-op,
/// a missing one stops the next step. See `docs/scale-out.md`.
struct DedupeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Find near-duplicates across the shards of a job, in three file-joined steps.",
        discussion: """
            1. dedupe signatures FILE --shard i/N --dir DIR (every shard): runs the stages before the dedupe stage \
            and writes the signatures and LSH band files of the shard's documents.
            2. dedupe buckets FILE --task j/M --dir DIR (every task): merges bands b with b mod M = j over all \
            shards into groups of candidates.
            3. dedupe cluster FILE --dir DIR: verifies the candidates and decides, writing DIR/remove-list.tsv.
            Then run FILE --shard i/N --remove-list DIR applies the list in the dedupe stage, so the output equals a \
            single-machine run's.
            """,
        subcommands: [Signatures.self, Buckets.self, Cluster.self]
    )

    /// `dedupe signatures`: one shard's signatures.
    struct Signatures: AsyncParsableCommand, RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "signatures",
            abstract: "Write the signatures and band files of one shard's documents.",
            discussion: """
                Runs the stages before the pipeline's dedupe stage over the shard's input (assigned as run --shard \
                assigns it; export stages are skipped), computes each surviving document's signature with the \
                dedupe stage's options, and writes DIR/signatures/part-i-of-N.tsv and \
                DIR/bands/band-B/part-i-of-N.tsv, then the marker DIR/_completions/signatures-i-of-N.json.
                """
        )

        @OptionGroup var step: DedupeStepOptions

        @Option(
            name: .long,
            help:
                "Sign shard i of N (i/N), as run --shard (also PIPELINE_SHARD, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID with PIPELINE_SHARD_COUNT)."
        )
        var shard: String?

        @Option(name: .long, help: "Run every stage with this many documents in flight.")
        var concurrency: Int?

        @Flag(help: "Run even when the shard's marker was written for another configuration or input.")
        var force = false

        func validate() throws {
            if let concurrency, !(1...1024).contains(concurrency) {
                throw ValidationError("--concurrency must be between 1 and 1024")
            }
        }

        func run() async throws {
            throw ValidationError("internal error: dedupe signatures needs a stage registry")
        }

        func run(registry: StageRegistry) async throws {
            let logger = step.logging.makeLogger()
            let setup = try step.setUp(registry: registry, logger: logger)
            let resolution = try ShardResolver.resolveForThisProcess(flag: shard)
            let shard = resolution.shard
            let directory = step.directory
            var identity = setup.baseIdentity
            identity["shard_index"] = .integer(Int64(shard.index))
            identity["shard_count"] = .integer(Int64(shard.count))
            let markerPath = directory.signaturesMarkerPath(shard)
            try await CrossShardDedupeSetup.runStep(
                "signatures",
                what: "signatures of shard \(shard)",
                markerPath: markerPath,
                identity: identity,
                force: force,
                logger: logger
            ) {
                try await sign(
                    setup: setup,
                    directory: directory,
                    shard: shard,
                    source: resolution.source,
                    logger: logger
                )
            }
        }

        /// Runs the stages before `dedupe` over the shard and signs what reaches it.
        private func sign(
            setup: CrossShardDedupeSetup,
            directory: DedupeWorkDirectory,
            shard: Shard,
            source: String,
            logger: Logger
        ) async throws -> (results: [String: JSONValue], summary: String) {
            let dedupe = setup.plan.stages[setup.dedupePosition]
            let result = DedupeSignatureStage.Result()
            let signing = PipelinePlan.PlannedStage(
                name: dedupe.name,
                typeName: dedupe.typeName,
                concurrency: dedupe.concurrency,
                stage: DedupeSignatureStage(
                    options: setup.options,
                    directory: directory,
                    shard: shard,
                    order: setup.order,
                    split: setup.plan.input.split,
                    result: result
                ),
                location: dedupe.location
            )
            var output = setup.plan.output
            output.deadLetterPath = directory.deadLetterPath(shard)
            output.statsPath = nil
            let plan = setup.plan
                .replacingStages(setup.plan.stages[..<setup.dedupePosition].filter { !$0.isDocumentSink } + [signing])
                .replacingOutput(output)

            let shutdown = ShutdownSignal()
            let trap = SignalTrap(shutdown: shutdown, logger: logger)
            defer { trap.cancel() }
            var runner = PipelineRunner(plan: plan, logger: logger, concurrencyOverride: concurrency)
            runner.shard = shard
            logger.info(
                "signing",
                metadata: [
                    "shard": "\(shard)", "source": "\(source)",
                    "stages": "\(plan.stages.map(\.name).joined(separator: ","))",
                ]
            )
            let report: RunReport
            do {
                report = try await runner.run(shutdown: shutdown)
            } catch let error as FileAccessError where error.operation == "expand" || error.operation == "read" {
                logger.error("cannot read the input: \(error)")
                throw PipelineExitCode.configuration
            } catch {
                logger.error("signatures failed: \(error)")
                throw CrossShardDedupeSetup.exitCode(for: error)
            }
            if let reason = report.interruption {
                logger.notice("stopped by \(reason): no completion marker written; run the shard again")
                throw PipelineExitCode.interrupted(by: reason)
            }
            guard report.isBalanced, let summary = result.summary else {
                logger.critical("accounting mismatch: input != signed + dropped + dead-lettered")
                throw PipelineExitCode.internalError
            }
            let results: [String: JSONValue] = [
                "documents": .integer(Int64(summary.documents)),
                "empty_signatures": .integer(Int64(summary.emptySignatures)),
                "band_entries": .integer(Int64(summary.bandEntries)),
                "content_hash": .string(summary.contentHash),
                "input_records": .integer(Int64(report.inputRecords)),
                "dropped_before_dedupe": .integer(Int64(report.droppedTotal)),
                "dead_lettered_before_dedupe": .integer(Int64(report.deadLettered)),
            ]
            return (
                results,
                "signatures \(shard): \(report.inputRecords) in = \(summary.documents) signed + "
                    + "\(report.droppedTotal) dropped + \(report.deadLettered) dead-lettered before dedupe → "
                    + directory.signaturesPath(shard)
            )
        }
    }

    /// `dedupe buckets`: one task's groups of candidates.
    struct Buckets: AsyncParsableCommand, RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "buckets",
            abstract: "Merge the band files of every shard into groups of candidates, for bands b with b mod M = j.",
            discussion: """
                Needs the signatures marker of every shard (and says which are missing). Writes \
                DIR/buckets/part-j-of-M.tsv, then DIR/_completions/buckets-j-of-M.json. With --index, the documents \
                of a persistent dedupe index (earlier runs) join the groups; they sort before every current \
                document and are always kept.
                """
        )

        @OptionGroup var step: DedupeStepOptions

        @Option(name: .long, help: "Merge the bands of task j of M (j/M).")
        var task: String

        @OptionGroup var indexOptions: DedupeIndexOptions

        @Flag(help: "Run even when the task's marker was written for another configuration, input or signatures.")
        var force = false

        func validate() throws {
            do {
                _ = try Shard(parsing: task)
            } catch {
                throw ValidationError("--task: \(error.description)")
            }
        }

        func run() async throws {
            throw ValidationError("internal error: dedupe buckets needs a stage registry")
        }

        func run(registry: StageRegistry) async throws {
            let logger = step.logging.makeLogger()
            let task = try Shard(parsing: self.task)
            let inputs = try DedupeMergeInputs(
                step: step,
                indexOptions: indexOptions,
                registry: registry,
                logger: logger
            )
            let directory = step.directory
            let signatures = inputs.signatures
            var identity = inputs.bucketIdentity
            identity["task_index"] = .integer(Int64(task.index))
            identity["task_count"] = .integer(Int64(task.count))
            let markerPath = directory.bucketsMarkerPath(task)
            try await CrossShardDedupeSetup.runStep(
                "buckets",
                what: "buckets task \(task)",
                markerPath: markerPath,
                identity: identity,
                force: force,
                logger: logger
            ) {
                let summary = try DedupeBucketMerge(
                    options: inputs.setup.options,
                    directory: directory,
                    shardCount: signatures.count,
                    task: task,
                    index: inputs.persistentIndex
                ).run()
                return (
                    summary.json.objectValue ?? [:],
                    "buckets \(task): \(summary.bands) bands of \(signatures.count) shards, \(summary.entries) entries → "
                        + "\(summary.buckets) buckets (largest \(summary.largestBucket)) → \(directory.bucketsPath(task))"
                )
            }
        }
    }

    /// `dedupe cluster`: the decisions.
    struct Cluster: AsyncParsableCommand, RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "cluster",
            abstract: "Verify the candidates of every bucket and decide which documents to remove.",
            discussion: """
                Needs the marker of every buckets task. keep-first (default) replays the single-machine dedupe rule \
                in global order, chains included, so run --remove-list gives exactly the single-machine output; \
                union-find removes every document connected to an earlier one through verified pairs (in a chain \
                A~B~C with A !~ C it also removes C, which keep-first keeps). Writes DIR/remove-list.tsv and \
                DIR/cluster-summary.json, then DIR/_completions/cluster.json.
                """
        )

        @OptionGroup var step: DedupeStepOptions

        @Option(name: .long, help: "keep-first (the single-machine rule) or union-find (connected components).")
        var method: String = DedupeClusterMethod.keepFirst.rawValue

        @OptionGroup var indexOptions: DedupeIndexOptions

        @Flag(help: "Run even when the marker was written for another configuration, input, method or buckets.")
        var force = false

        func validate() throws {
            guard DedupeClusterMethod(rawValue: method) != nil else {
                throw ValidationError("--method must be keep-first or union-find, found '\(method)'")
            }
        }

        func run() async throws {
            throw ValidationError("internal error: dedupe cluster needs a stage registry")
        }

        func run(registry: StageRegistry) async throws {
            let logger = step.logging.makeLogger()
            let method = DedupeClusterMethod(rawValue: self.method) ?? .keepFirst
            let inputs = try DedupeMergeInputs(
                step: step,
                indexOptions: indexOptions,
                registry: registry,
                logger: logger
            )
            let directory = step.directory
            let signatures = inputs.signatures
            let buckets = try CrossShardDedupeSetup.completedParts(
                of: "buckets",
                in: directory,
                identity: inputs.bucketIdentity,
                logger: logger
            )
            var identity = inputs.bucketIdentity
            identity["task_count"] = .integer(Int64(buckets.count))
            identity["method"] = .string(method.rawValue)
            identity["upstream"] = .string(
                DedupeCompletionMarker.upstreamHash(of: signatures.markers + buckets.markers)
            )
            let markerPath = directory.clusterMarkerPath
            try await CrossShardDedupeSetup.runStep(
                "cluster",
                what: "the cluster step",
                markerPath: markerPath,
                identity: identity,
                force: force,
                logger: logger
            ) {
                let summary = try DedupeCluster(
                    options: inputs.setup.options,
                    directory: directory,
                    shardCount: signatures.count,
                    taskCount: buckets.count,
                    method: method,
                    index: inputs.persistentIndex
                ).run()
                return (
                    summary.json.objectValue ?? [:],
                    "cluster (\(method.rawValue)): \(summary.documents) documents in \(summary.buckets) buckets → "
                        + "\(summary.removed) removed (\(summary.exactDuplicates) exact, \(summary.nearDuplicates) "
                        + "near), \(summary.seenBefore) seen before, \(summary.pairsVerified) pairs verified "
                        + "(\(summary.pairsRejected) below the threshold) → \(directory.removeListPath)"
                )
            }
        }
    }
}
