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

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let concurrency, !(1...1024).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and 1024")
        }
        if !(1...86_400).contains(metricsInterval) {
            throw ValidationError("--metrics-interval must be between 1 and 86400 seconds")
        }
    }

    func run() async throws {
        throw ValidationError("internal error: run needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        let logger = logging.makeLogger()
        let loader = PipelineLoader(registry: registry)
        var plan: PipelinePlan
        do {
            var (root, source) = try loader.parse(contentsOf: file)
            root = PipelineOverrides(inputPaths: input, outputPath: output).apply(to: root)
            plan = try loader.plan(from: root, source: source)
        } catch {
            StandardError.writeLine(error.description)
            throw PipelineExitCode.configuration
        }
        if let deadLetter { plan.output.deadLetterPath = deadLetter }
        let resolution: ShardResolver.Resolution
        do {
            resolution = try ShardResolver(environment: ProcessInfo.processInfo.environment).resolve(flag: shard)
        } catch {
            throw ValidationError(error.description)
        }
        if resolution.source != "default" {
            logger.notice("running shard \(resolution.shard)", metadata: ["source": "\(resolution.source)"])
        }
        let sharded = ShardedOutputs(shard: resolution.shard, plan: plan)
        plan = try sharded.apply(to: plan)
        if !plan.stages.contains(where: { $0.typeName == "export" }) {
            logger.notice("the pipeline has no export stage: writing JSON Lines to standard output")
        }

        let shutdown = ShutdownSignal()
        let trap = SignalTrap(shutdown: shutdown, logger: logger)
        defer { trap.cancel() }
        var runner = PipelineRunner(plan: plan, logger: logger, concurrencyOverride: concurrency)
        runner.shard = resolution.shard
        let state: ResumeState
        do {
            state = try ResumeState(
                plan: plan,
                pipelineFile: file,
                overrides: input + [output ?? "", deadLetter ?? ""]
            )
        } catch {
            logger.error("cannot read the input: \(error)")
            throw PipelineExitCode.configuration
        }
        if resolution.shard.count > 1 {
            switch sharded.checkMarker(configurationHash: state.configurationHash, inputHash: state.inputHash) {
            case .absent: break
            case .complete:
                logger.notice("shard \(resolution.shard) is already complete (\(sharded.markerPath)); nothing to do")
                return
            case .mismatched(let reason):
                guard force else {
                    logger.error("\(reason); run with --force to replace it")
                    throw PipelineExitCode.configuration
                }
                try? FileManager.default.removeItem(atPath: sharded.markerPath)
            }
        }
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
            expectedBytes: state.inputFileBytes,
            metricsPath: metricsFile,
            metricsInterval: .seconds(metricsInterval)
        )
        let observing = Task { await observer.run() }
        var outcome: Result<RunReport, any Error>
        do {
            outcome = .success(try await runner.run(shutdown: shutdown))
        } catch {
            outcome = .failure(error)
        }
        observing.cancel()
        await observing.value
        observer.finish()
        let report: RunReport
        do {
            report = try outcome.get()
        } catch let error as FileAccessError where error.operation == "expand" || error.operation == "read" {
            logger.error("cannot read the input: \(error)")
            throw PipelineExitCode.configuration
        } catch {
            logger.error("run failed: \(error)")
            throw PipelineExitCode.runFailed
        }
        StandardError.writeLine(report.summary)
        if !plan.input.paths.contains("-") {
            do {
                try state.save(after: report, runID: runner.runID)
            } catch {
                logger.error("cannot write the run state: \(error)")
                throw PipelineExitCode.runFailed
            }
        }
        for path in [statsJSON.map(resolution.shard.partPath(for:)), plan.output.statsPath].compactMap({ $0 }) {
            do {
                let writer = try AtomicFileWriter(path: path)
                try writer.write(report.json.serialized() + "\n")
                try writer.commit()
            } catch {
                logger.error("cannot write statistics: \(error)")
                throw PipelineExitCode.runFailed
            }
        }
        if !report.isBalanced {
            logger.critical("accounting mismatch: input != written + dropped + dead-lettered")
            throw PipelineExitCode.runFailed
        }
        if resolution.shard.count > 1, report.interruption == nil {
            do {
                try sharded.writeMarker(
                    report: report,
                    configurationHash: state.configurationHash,
                    inputHash: state.inputHash
                )
            } catch {
                logger.error("cannot write the completion marker: \(error)")
                throw PipelineExitCode.runFailed
            }
        }
        if let reason = report.interruption {
            throw PipelineExitCode.interrupted(by: reason)
        }
    }
}
