import ArgumentParser
import Foundation
import Logging
import Pipeline

/// `pipeline-run run FILE`: runs a pipeline.
struct RunCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over its input.",
        discussion: """
            Reads the input the pipeline file names (or --input), runs every stage, writes the outputs, and prints a \
            summary per stage on standard error. SIGINT or SIGTERM stops reading, lets in-flight documents finish and \
            commits the outputs; a second signal aborts at once.
            """
    )

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    @Option(
        name: .long,
        help: "Read this input instead of the file's (repeatable; a folder, file, glob, or - for stdin)."
    )
    var input: [String] = []

    @Option(
        name: .long,
        help:
            "Write documents here: replaces the path of the last export stage, or adds a JSON Lines export (- is stdout)."
    )
    var output: String?

    @Option(name: .long, help: "Write the run's statistics as JSON to this file.")
    var statsJSON: String?

    @Option(name: .long, help: "Write dead letters to this file instead of the one the pipeline file names.")
    var deadLetter: String?

    @Option(
        name: .long,
        help:
            "Run every stage with this many documents in flight (default: each stage's setting, or the number of cores)."
    )
    var concurrency: Int?

    @Option(
        name: .long,
        help:
            "Write Prometheus text-format metrics (per-stage counters and durations) to this file, at intervals and at the end."
    )
    var metricsFile: String?

    @Option(name: .long, help: "Seconds between two writes of the metrics file.")
    var metricsInterval: Int = 10

    @Option(
        name: .long,
        help:
            "Run shard i of N (i/N): file k of the sorted input goes to shard k mod N; outputs are written as parts (also PIPELINE_SHARD, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID with PIPELINE_SHARD_COUNT)."
    )
    var shard: String?

    @Flag(
        help: "Run a shard even when its completion marker was written for another configuration, input or shard count."
    )
    var force = false

    @Flag(
        help:
            "Continue after the input records that the last committed run completed (see output.state), adding to its outputs."
    )
    var resume = false

    @Option(
        name: .long,
        help:
            "Let the dedupe stage apply the remove list of `pipeline-run dedupe cluster` in this folder (cross-shard near-duplicates) instead of deciding by itself."
    )
    var removeList: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let concurrency, !(1...1024).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and 1024")
        }
        if !(1...86_400).contains(metricsInterval) {
            throw ValidationError("--metrics-interval must be between 1 and 86400 seconds")
        }
        if resume, removeList != nil {
            throw ValidationError("--resume cannot be combined with --remove-list: run the shard from the start")
        }
    }

    func run() async throws {
        throw ValidationError("internal error: run needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        let logger = logging.makeLogger()
        let plan = try loadPlan(registry: registry, logger: logger)
        let resolution = try resolveShard(logger: logger)
        let marker = ShardedOutputs(shard: resolution.shard, plan: plan)
        let shutdown = ShutdownSignal()
        let (shardPlan, overrides) = try shardPlan(plan, shard: resolution.shard, shutdown: shutdown, logger: logger)
        let trap = SignalTrap(shutdown: shutdown, logger: logger)
        defer { trap.cancel() }
        let state = try readState(of: shardPlan, overrides: overrides, logger: logger)
        if try isAlreadyComplete(marker, state: state, logger: logger) { return }
        var runner = try makeRunner(for: shardPlan, shard: resolution.shard, state: state, logger: logger)
        let incremental = try planIncrementalInput(of: &runner, shard: resolution.shard, state: state, logger: logger)
        let report = try await execute(runner, shutdown: shutdown, expectedBytes: state.inputFileBytes, logger: logger)
        try record(report, of: runner, state: state, marker: marker, incremental: incremental, logger: logger)
        if let reason = report.interruption {
            throw PipelineExitCode.interrupted(by: reason)
        }
    }

    /// Compiles the pipeline file with `--input`, `--output` and `--dead-letter` applied.
    /// - Throws: ``PipelineExitCode/configuration`` (after printing the errors) when the file is invalid.
    private func loadPlan(registry: StageRegistry, logger: Logger) throws -> PipelinePlan {
        let compiled = try CommandPlan.load(file: file, registry: registry, inputs: input, deliversDocuments: false)
        if output == nil && !compiled.hasDocumentSink {
            logger.notice("the pipeline has no export stage: writing JSON Lines to standard output")
        }
        let plan = compiled.directingDocuments(to: output, defaultSink: registry.defaultSink)
        guard let deadLetter else { return plan }
        var outputOptions = plan.output
        outputOptions.deadLetterPath = deadLetter
        return plan.replacingOutput(outputOptions)
    }

    /// Works out which shard this process runs, from `--shard` and the environment.
    /// - Throws: `ValidationError` when the sources are incomplete or disagree.
    private func resolveShard(logger: Logger) throws -> ShardResolver.Resolution {
        let resolution = try ShardResolver.resolveForThisProcess(flag: shard)
        if resolution.source != "default" {
            logger.notice("running shard \(resolution.shard)", metadata: ["source": "\(resolution.source)"])
        }
        return resolution
    }

    /// The plan this process runs: the shard's parts, and the cross-shard remove list when `--remove-list` is
    /// given; with the overrides the configuration hash covers.
    private func shardPlan(
        _ plan: PipelinePlan,
        shard: Shard,
        shutdown: ShutdownSignal,
        logger: Logger
    ) throws -> (PipelinePlan, overrides: [String]) {
        let sharded = plan.sharded(shard)
        let overrides = input + [output ?? "", deadLetter ?? ""]
        guard let removeList else { return (sharded, overrides) }
        let (withList, removeListHash) = try CrossShardRemoveList(folder: removeList, file: file, inputs: input)
            .apply(to: sharded, shard: shard, shutdown: shutdown, logger: logger)
        return (withList, overrides + ["remove-list", removeListHash])
    }

    /// Lists the input and prepares the run state behind `--resume`.
    /// - Throws: ``PipelineExitCode/configuration`` when the input cannot be listed.
    private func readState(of plan: PipelinePlan, overrides: [String], logger: Logger) throws -> ResumeState {
        do {
            return try ResumeState(plan: plan, pipelineFile: file, overrides: overrides)
        } catch {
            logger.error("cannot read the input: \(error)")
            throw PipelineExitCode.configuration
        }
    }

    /// Checks a shard's completion marker: `true` when this shard already completed with this configuration and
    /// input; a marker for something else is removed under `--force`.
    /// - Throws: ``PipelineExitCode/configuration`` for a mismatched marker without `--force`.
    private func isAlreadyComplete(_ marker: ShardedOutputs, state: ResumeState, logger: Logger) throws -> Bool {
        guard marker.shard.count > 1 else { return false }
        switch marker.checkMarker(configurationHash: state.configurationHash, inputHash: state.inputHash) {
        case .absent:
            return false
        case .complete:
            logger.notice("shard \(marker.shard) is already complete (\(marker.markerPath)); nothing to do")
            return true
        case .mismatched(let reason):
            guard force else {
                logger.error("\(reason); run with --force to replace it")
                throw PipelineExitCode.configuration
            }
            try? FileManager.default.removeItem(atPath: marker.markerPath)
            return false
        }
    }

    /// The runner for the plan: its shard, and under `--resume` where to continue.
    /// - Throws: ``PipelineExitCode/configuration`` when the run state forbids resuming.
    private func makeRunner(
        for plan: PipelinePlan,
        shard: Shard,
        state: ResumeState,
        logger: Logger
    ) throws -> PipelineRunner {
        var runner = PipelineRunner(plan: plan, logger: logger, concurrencyOverride: concurrency)
        runner.shard = shard
        if resume {
            do {
                switch try state.decide() {
                case .resume(let after):
                    runner.resumeAfter = after
                case .startOver(let reason):
                    logger.notice("\(reason): running from the start")
                }
            } catch {
                logger.error("cannot resume: \(error)")
                throw PipelineExitCode.configuration
            }
        }
        return runner
    }

    /// Under `input.incremental: true`, settles the ledger's pending run, narrows the runner's input to what is new
    /// and records what this run will consume; `nil` for an ordinary run.
    /// - Throws: ``PipelineExitCode/configuration`` when incremental input is combined with `--resume`, `--shard` or
    ///   `--remove-list`, or the outputs do not tell whether the last run committed; the failure's exit code for an
    ///   unreadable ledger or input.
    private func planIncrementalInput(
        of runner: inout PipelineRunner,
        shard: Shard,
        state: ResumeState,
        logger: Logger
    ) throws -> IncrementalInput? {
        let plan = runner.plan
        guard plan.input.incremental else { return nil }
        guard !resume, shard.count == 1, removeList == nil else {
            logger.error(
                "input.incremental continues by its ledger: it does not combine with --resume, --shard or --remove-list"
            )
            throw PipelineExitCode.configuration
        }
        do {
            return try IncrementalInput.prepare(&runner, state: state, logger: logger)
        } catch let error as IncrementalInput.Refusal {
            logger.error("cannot run incrementally: \(error)")
            throw PipelineExitCode.configuration
        } catch {
            logger.error("cannot run incrementally: \(error)")
            throw PipelineExitCode.forFailure(error)
        }
    }

    /// Runs the pipeline with progress and metrics observed, and maps a failure to its exit code.
    /// - Throws: ``PipelineExitCode/configuration`` for unreadable input or a remove list that does not fit, the
    ///   failure's exit code otherwise.
    private func execute(
        _ runner: PipelineRunner,
        shutdown: ShutdownSignal,
        expectedBytes: Int?,
        logger: Logger
    ) async throws -> RunReport {
        var runner = runner
        let plan = runner.plan
        logger.info(
            "starting",
            metadata: [
                "pipeline": "\(plan.name)", "run_id": "\(runner.runID)",
                "stages": "\(plan.stages.map(\.name).joined(separator: ","))",
            ]
        )
        let monitor = RunMonitor()
        runner.monitor = monitor
        let observer = RunObserver(
            monitor: monitor,
            pipeline: plan.name,
            logger: logger,
            isTerminal: isatty(2) != 0,
            expectedBytes: expectedBytes,
            metricsPath: metricsFile,
            metricsInterval: .seconds(metricsInterval)
        )
        let observing = Task { await observer.run() }
        let outcome: Result<RunReport, any Error>
        do {
            outcome = .success(try await runner.run(shutdown: shutdown))
        } catch {
            outcome = .failure(error)
        }
        observing.cancel()
        await observing.value
        observer.finish()
        do {
            return try outcome.get()
        } catch let error as FileAccessError where error.operation == "expand" || error.operation == "read" {
            logger.error("cannot read the input: \(error)")
            throw PipelineExitCode.configuration
        } catch let error where CrossShardRemoveList.rejects(error) {
            logger.error("the remove list does not fit this run: \(error)")
            throw PipelineExitCode.configuration
        } catch {
            logger.error("run failed: \(error)")
            throw PipelineExitCode.forFailure(error)
        }
    }

    /// Records a finished run: the summary line, the run state, the input ledger, the statistics, and (for a shard that was not
    /// interrupted) the completion marker, last.
    /// - Throws: The exit code of a write that failed, or ``PipelineExitCode/internalError`` when the accounting
    ///   does not balance.
    private func record(
        _ report: RunReport,
        of runner: PipelineRunner,
        state: ResumeState,
        marker: ShardedOutputs,
        incremental: IncrementalInput?,
        logger: Logger
    ) throws {
        StandardError.writeLine(report.summary)
        if !runner.plan.input.paths.contains("-") {
            do {
                if let incremental {
                    try incremental.commit(after: report, runID: runner.runID, state: state)
                } else {
                    try state.save(after: report, runID: runner.runID)
                }
            } catch {
                logger.error("cannot write the run state or the input ledger: \(error)")
                throw PipelineExitCode.forFailure(error)
            }
        }
        let statsPaths = [statsJSON.map(marker.shard.partPath(for:)), runner.plan.output.statsPath]
        for path in statsPaths.compactMap({ $0 }) {
            do {
                let writer = try AtomicFileWriter(path: path)
                try writer.write(report.json.serialized() + "\n")
                try writer.commit()
            } catch {
                logger.error("cannot write statistics: \(error)")
                throw PipelineExitCode.forFailure(error)
            }
        }
        if !report.isBalanced {
            logger.critical("accounting mismatch: input != written + dropped + dead-lettered")
            throw PipelineExitCode.internalError
        }
        guard marker.shard.count > 1, report.interruption == nil else { return }
        do {
            try marker.writeMarker(
                report: report,
                configurationHash: state.configurationHash,
                inputHash: state.inputHash
            )
        } catch {
            logger.error("cannot write the completion marker: \(error)")
            throw PipelineExitCode.forFailure(error)
        }
    }
}
