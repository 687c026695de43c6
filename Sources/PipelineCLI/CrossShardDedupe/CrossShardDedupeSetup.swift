import ArgumentParser
import Foundation
import Logging
import Pipeline
import Stages

/// What the cross-shard dedupe commands (`dedupe signatures|buckets|cluster` and `run --remove-list`) derive from a
/// pipeline file and its input: the plan, its `dedupe` stage, the single-machine input order, and the hashes that
/// identify the configuration and the input in completion markers.
struct CrossShardDedupeSetup {
    /// The compiled pipeline (with `--input` applied).
    let plan: PipelinePlan
    /// The position of the `dedupe` stage in the plan's stages.
    let dedupePosition: Int
    /// The `dedupe` stage's options.
    let options: DedupeStage.Options
    /// The input files in single-machine order.
    let order: DedupeInputOrder
    /// Hash of the pipeline file's text and the `--input` overrides.
    let configurationHash: String
    /// Hash of the expanded input list (paths and sizes), as in run states and shard markers.
    let inputHash: String

    /// Loads a pipeline for cross-shard deduplication.
    ///
    /// - Parameters:
    ///   - file: The pipeline file.
    ///   - inputs: The `--input` overrides.
    ///   - registry: The stage registry.
    ///   - logger: Where problems are logged.
    /// - Throws: ``PipelineExitCode/configuration`` (after printing why) when the file is invalid, has no or several
    ///   `dedupe` stages, or the input cannot be listed or ordered.
    init(file: String, inputs: [String], registry: StageRegistry, logger: Logger) throws {
        let plan = try CommandPlan.load(file: file, registry: registry, inputs: inputs)
        try self.init(plan: plan, file: file, inputs: inputs, logger: logger)
    }

    /// Prepares cross-shard deduplication for an already compiled plan (the one `run` executes).
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - file: The pipeline file it was compiled from.
    ///   - inputs: The `--input` overrides.
    ///   - logger: Where problems are logged.
    /// - Throws: ``PipelineExitCode/configuration`` when the plan has no or several `dedupe` stages, or the input
    ///   cannot be listed or ordered.
    init(plan: PipelinePlan, file: String, inputs: [String], logger: Logger) throws {
        let targets = CrossShardDedupeTarget.all(in: plan)
        guard let target = targets.first else {
            logger.error("the pipeline has no dedupe stage: there is nothing to deduplicate across shards")
            throw PipelineExitCode.configuration
        }
        guard targets.count == 1 else {
            logger.error(
                "the pipeline has \(targets.count) dedupe stages; cross-shard deduplication supports exactly one"
            )
            throw PipelineExitCode.configuration
        }
        do {
            let files = try InputExpander(options: plan.input, formats: plan.inputFormats).expand().files
            order = try DedupeInputOrder(files: files)
            inputHash = try ResumeState(plan: plan, pipelineFile: file, overrides: []).inputHash
        } catch {
            logger.error("cannot order the input: \(error)")
            throw PipelineExitCode.configuration
        }
        do {
            configurationHash = try ConfigurationHash.of(
                file: file,
                overrides: inputs,
                environment: ProcessInfo.processInfo.environment,
                salt: "cross-shard-dedupe"
            )
        } catch {
            logger.error("\(error)")
            throw PipelineExitCode.configuration
        }
        self.plan = plan
        dedupePosition = target.position
        options = target.options
    }

    /// The exit code of a step that failed with an error: 1 for a problem of the shared files or the input order
    /// (``CrossShardDedupeError``: rerunning the earlier steps fixes it, retrying this one does not), otherwise as
    /// for a run (2 for a document failing under `on_error: fail`, 75 for I/O, 70 for anything else).
    ///
    /// - Parameter error: The error.
    /// - Returns: The exit code.
    static func exitCode(for error: any Error) -> ExitCode {
        error is CrossShardDedupeError ? PipelineExitCode.configuration : PipelineExitCode.forFailure(error)
    }

    /// The identity every step's marker starts from.
    var baseIdentity: [String: JSONValue] {
        ["configuration_hash": .string(configurationHash), "input_hash": .string(inputHash)]
    }

    /// Runs one step between its markers: checks the step's marker (a matching one makes the step a no-op), runs
    /// `body`, then writes the marker with the results `body` returns, last, and prints its summary line.
    ///
    /// - Parameters:
    ///   - step: The step's name in the marker ("signatures", "buckets", "cluster").
    ///   - what: The step, for messages (e.g. "buckets task 1/4").
    ///   - markerPath: The marker's path.
    ///   - identity: What the marker must match.
    ///   - force: Whether `--force` was given.
    ///   - logger: Where to log.
    ///   - body: The step's work; returns the marker's results and the summary line for standard error. An error
    ///     other than an exit code is logged as the step's failure and mapped to an exit code.
    /// - Throws: An exit code: ``PipelineExitCode/configuration`` for a mismatched marker without `--force`, or the
    ///   code of the step's failure.
    static func runStep(
        _ step: String,
        what: String,
        markerPath: String,
        identity: [String: JSONValue],
        force: Bool,
        logger: Logger,
        body: () async throws -> (results: [String: JSONValue], summary: String)
    ) async throws {
        let check = DedupeCompletionMarker.check(path: markerPath, step: step, identity: identity)
        if try isComplete(check, what: what, path: markerPath, force: force, logger: logger) { return }
        let outcome: (results: [String: JSONValue], summary: String)
        do {
            outcome = try await body()
        } catch let code as ExitCode {
            throw code
        } catch {
            logger.error("\(step) failed: \(error)")
            throw exitCode(for: error)
        }
        do {
            try DedupeCompletionMarker(step: step, identity: identity, results: outcome.results).write(to: markerPath)
        } catch {
            logger.error("cannot write the completion marker: \(error)")
            throw exitCode(for: error)
        }
        StandardError.writeLine(outcome.summary)
    }

    /// Acts on an existing marker: returns `true` when the step is already complete (after logging so), removes a
    /// mismatched marker under `--force`, and otherwise refuses.
    ///
    /// - Parameters:
    ///   - check: The marker check.
    ///   - what: The step, for messages (e.g. "signatures of shard 1/4").
    ///   - path: The marker's path.
    ///   - force: Whether `--force` was given.
    ///   - logger: Where to log.
    /// - Returns: Whether the step is already complete.
    /// - Throws: ``PipelineExitCode/configuration`` for a mismatched marker without `--force`.
    static func isComplete(
        _ check: DedupeCompletionMarker.Check,
        what: String,
        path: String,
        force: Bool,
        logger: Logger
    ) throws -> Bool {
        switch check {
        case .absent: return false
        case .complete:
            logger.notice("\(what) is already complete (\(path)); nothing to do")
            return true
        case .mismatched(let reason):
            guard force else {
                logger.error("\(reason); run with --force to replace it")
                throw PipelineExitCode.configuration
            }
            try? FileManager.default.removeItem(atPath: path)
            return false
        }
    }

    /// The completed markers of every part of a step, all from one part count, or a refusal naming what is missing.
    ///
    /// - Parameters:
    ///   - step: `signatures` or `buckets`.
    ///   - directory: The shared folder.
    ///   - identity: The identity the markers must carry (apart from their own index).
    ///   - logger: Where to log.
    /// - Returns: The part count and the markers in part order.
    /// - Throws: ``PipelineExitCode/configuration`` when no marker exists, markers of several counts exist, a part is
    ///   missing, or a marker was written for another configuration or input.
    static func completedParts(
        of step: String,
        in directory: DedupeWorkDirectory,
        identity: [String: JSONValue],
        logger: Logger
    ) throws -> (count: Int, markers: [DedupeCompletionMarker]) {
        let parts = directory.completedParts(of: step)
        let counts = Set(parts.map(\.count)).sorted()
        guard let count = counts.first else {
            logger.error("no \(step) step has completed in \(directory.completionsPath); run `dedupe \(step)` first")
            throw PipelineExitCode.configuration
        }
        guard counts.count == 1 else {
            let found = counts.map(String.init).joined(separator: ", ")
            logger.error(
                "\(directory.completionsPath) holds \(step) markers for \(found) parts; remove the stale ones (or the folder) and run the \(step) step again"
            )
            throw PipelineExitCode.configuration
        }
        let present = Set(parts.map(\.index))
        let missing = (0..<count).filter { !present.contains($0) }
        guard missing.isEmpty else {
            let noun = step == "signatures" ? "shards" : "tasks"
            let parts = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            logger.error(
                "the \(step) step is not complete: no marker for \(noun) \(parts) in \(directory.completionsPath)"
            )
            throw PipelineExitCode.configuration
        }
        var markers: [DedupeCompletionMarker] = []
        for index in 0..<count {
            let part = try Shard(index: index, count: count)
            let path =
                step == "signatures" ? directory.signaturesMarkerPath(part) : directory.bucketsMarkerPath(part)
            var expected = identity
            expected[step == "signatures" ? "shard_index" : "task_index"] = .integer(Int64(index))
            expected[step == "signatures" ? "shard_count" : "task_count"] = .integer(Int64(count))
            switch DedupeCompletionMarker.check(path: path, step: step, identity: expected) {
            case .complete(let marker): markers.append(marker)
            case .absent:
                logger.error("the \(step) marker \(path) disappeared; run the \(step) step again")
                throw PipelineExitCode.configuration
            case .mismatched(let reason):
                logger.error("\(reason); run the \(step) step again (with --force)")
                throw PipelineExitCode.configuration
            }
        }
        return (count, markers)
    }
}
