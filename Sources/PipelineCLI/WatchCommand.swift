import ArgumentParser
import Foundation
import Logging
import Pipeline

/// `pipeline-run watch FILE`: a long-running service that runs a pipeline over what arrives in its input folder.
///
/// Every `--interval` seconds it polls the input (a `stat` per file) and, when there is something new (a new file,
/// new complete lines at the end of a JSON Lines file), runs one batch over exactly that, as an incremental `run`
/// would (`input.incremental` is implied), and commits it through the same ledger:
/// ```
/// load the plan once ──▶ poll ──(nothing new)──▶ touch alive, wait ──▶ poll …
///                          └─(new input)──▶ batch: outputs commit → run state → ledger → metrics.prom
/// ```
/// A batch takes at most `--batch-documents` documents (the rest waits for the next batch, which starts at once), so
/// a kill loses at most one batch's work and a backlog is worked off in commits of bounded size. A document appended
/// just after a poll is committed within `--interval` plus one batch's processing time, once any backlog is done.
///
/// # Why polling
/// Polling works on every file system a crawler may write to (NFS, SMB, overlayfs in containers, bind mounts from
/// another host, where inotify sees nothing or only local writes) and needs no dependency; a `stat` per file per
/// poll is cheap next to processing. inotify would only shorten the wait, not change what is committed.
///
/// # Health
/// The status folder (`--status-dir`, default beside the run state: `out/news.status/`) holds `ready` (present once
/// the plan is loaded and the first poll is done, removed when the service stops), `alive` (its modification time is
/// renewed every poll and every `--interval` during a batch) and `metrics.prom` (Prometheus text, rewritten
/// atomically after each batch and poll): probes are a `test -e` or a file age, no HTTP server in the process.
///
/// # Stopping and failures
/// SIGTERM or SIGINT stops reading; the documents in flight drain through every stage, the outputs and the ledger
/// commit what was finished, and the process exits 0. A second signal aborts at once (the ledger then settles the
/// batch on the next start, as after a kill). A transient failure of a batch (a database that is down, a full disk)
/// is retried with exponential backoff up to `--max-backoff`, its input read again; a permanent one (configuration,
/// a document failing under `on_error: fail`) ends the service with its exit code.
struct WatchCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run a pipeline as a service over what arrives in its input: new files and appended lines.",
        discussion: """
            Polls the input every --interval seconds and runs a batch over what is new (input.incremental is \
            implied), committing it through the incremental ledger. Health for a supervisor is in --status-dir: \
            `ready`, `alive` (renewed every poll) and `metrics.prom`. SIGTERM drains, commits and exits 0. See \
            docs/service.md for a systemd unit and a Kubernetes Deployment.
            """
    )

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    @Option(name: .long, help: "Watch this input instead of the file's (repeatable; a folder, file or glob).")
    var input: [String] = []

    @Option(name: .long, help: "Seconds between two polls of the input (a fraction is allowed, e.g. 0.2).")
    var interval: Double = 1

    @Option(
        name: .long,
        help: """
            The most documents a batch takes (JSON Lines lines; a file of another format counts as one); the rest \
            waits for the next batch, which starts at once.
            """
    )
    var batchDocuments = 1000

    @Option(name: .long, help: "The status folder (ready, alive, metrics.prom); default: beside the run state.")
    var statusDir: String?

    @Option(name: .long, help: "The longest wait, in seconds, between two attempts of a batch that failed transiently.")
    var maxBackoff: Double = 60

    @Option(
        name: .long,
        help:
            "Run every stage with this many documents in flight (default: each stage's setting, or the number of cores)."
    )
    var concurrency: Int?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if !(0.01...3600).contains(interval) {
            throw ValidationError("--interval must be between 0.01 and 3600 seconds")
        }
        if !(0.1...86_400).contains(maxBackoff) {
            throw ValidationError("--max-backoff must be between 0.1 and 86400 seconds")
        }
        if !(1...10_000_000).contains(batchDocuments) {
            throw ValidationError("--batch-documents must be between 1 and 10000000")
        }
        if let concurrency, !(1...1024).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and 1024")
        }
    }

    func run() async throws {
        throw ValidationError("internal error: watch needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        let logger = logging.makeLogger()
        let plan = try loadPlan(registry: registry, logger: logger)
        let status = try WatchStatus(
            folder: statusDir ?? WatchStatus.defaultFolder(forState: plan.statePath),
            pipeline: plan.name,
            logger: logger
        )
        let shutdown = ShutdownSignal()
        let trap = SignalTrap(shutdown: shutdown, logger: logger)
        defer { trap.cancel() }
        logger.info(
            "watching",
            metadata: [
                "pipeline": "\(plan.name)", "input": "\(plan.input.paths.joined(separator: ","))",
                "interval_seconds": "\(interval)", "status": "\(status.folder)",
            ]
        )
        var failures = 0
        while !shutdown.isRequested {
            status.touchAlive()
            let moreIsWaiting: Bool
            do {
                moreIsWaiting = try await runBatch(of: plan, status: status, shutdown: shutdown, logger: logger)
                failures = 0
            } catch let failure as BatchFailure where failure.isTransient {
                failures += 1
                status.recordFailure()
                let wait = min(maxBackoff, interval * pow(2, Double(min(failures, 20))))
                logger.warning(
                    "batch failed, retrying: \(failure.message)",
                    metadata: ["attempt": "\(failures)", "retry_in_seconds": "\(wait)"]
                )
                status.markReady()
                await pause(seconds: wait, shutdown: shutdown, status: status)
                continue
            } catch let failure as BatchFailure {
                logger.error("batch failed: \(failure.message)")
                status.stop()
                throw failure.exitCode
            }
            status.markReady()
            if shutdown.isRequested { break }
            if moreIsWaiting { continue }
            await pause(seconds: interval, shutdown: shutdown, status: status)
        }
        logger.notice("stopped: every finished document is committed", metadata: ["reason": "\(shutdown.reason ?? "")"])
        status.stop()
    }

    /// Compiles the pipeline file with `--input` applied and `input.incremental` implied.
    /// - Throws: ``PipelineExitCode/configuration`` when the file is invalid, reads standard input or has no export.
    private func loadPlan(registry: StageRegistry, logger: Logger) throws -> PipelinePlan {
        let compiled = try CommandPlan.load(file: file, registry: registry, inputs: input, deliversDocuments: false)
        guard compiled.hasDocumentSink else {
            logger.error("watch needs an export stage (a file or a database): there is nowhere to commit documents")
            throw PipelineExitCode.configuration
        }
        guard !compiled.input.paths.contains("-") else {
            logger.error("watch reads a folder or files, not standard input: use `pipeline-run stream` for a pipe")
            throw PipelineExitCode.configuration
        }
        var options = compiled.input
        options.incremental = true
        return compiled.replacingInput(options)
    }

    /// A batch that failed, with the exit code it means and whether another attempt may succeed.
    private struct BatchFailure: Error {
        var message: String
        var exitCode: ExitCode
        var isTransient: Bool { exitCode == PipelineExitCode.transient }
    }

    /// Polls once and, when there is new input, runs and commits one batch over it (at most `--batch-documents`).
    /// - Returns: Whether new input was left for the next batch.
    /// - Throws: ``BatchFailure``.
    private func runBatch(
        of plan: PipelinePlan,
        status: WatchStatus,
        shutdown: ShutdownSignal,
        logger: Logger
    ) async throws -> Bool {
        var runner = PipelineRunner(plan: plan, logger: logger, concurrencyOverride: concurrency)
        let state: ResumeState
        let incremental: IncrementalInput
        do {
            state = try ResumeState(plan: plan, pipelineFile: file, overrides: input)
            incremental = try IncrementalInput.prepare(
                &runner,
                state: state,
                logger: logger,
                recordLimit: batchDocuments,
                quietWhenNothingIsNew: true
            )
        } catch let error as IncrementalInput.Refusal {
            throw BatchFailure(message: error.description, exitCode: PipelineExitCode.configuration)
        } catch {
            throw BatchFailure(message: "\(error)", exitCode: PipelineExitCode.forFailure(error))
        }
        status.recordPoll()
        guard !incremental.isEmpty else { return false }
        let heartbeat = Task { [interval] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(interval)) } catch { break }
                status.touchAlive()
            }
        }
        defer { heartbeat.cancel() }
        let report: RunReport
        do {
            report = try await runner.run(shutdown: shutdown)
            try incremental.commit(after: report, runID: runner.runID, state: state)
        } catch {
            throw BatchFailure(message: "\(error)", exitCode: PipelineExitCode.forFailure(error))
        }
        guard report.isBalanced else {
            throw BatchFailure(
                message: "accounting mismatch: input != written + dropped + dead-lettered",
                exitCode: PipelineExitCode.internalError
            )
        }
        status.record(report)
        logger.notice(
            "batch committed",
            metadata: [
                "documents": "\(report.inputRecords)", "written": "\(report.written)",
                "dropped": "\(report.droppedTotal)", "dead_lettered": "\(report.deadLettered)",
                "files": "\(incremental.entries.count)", "seconds": "\(String(format: "%.3f", report.wallSeconds))",
            ]
        )
        return incremental.isCapped
    }

    /// Waits `seconds`, or less when a stop is requested, renewing `alive` meanwhile.
    private func pause(seconds: Double, shutdown: ShutdownSignal, status: WatchStatus) async {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        var lastTouch = ContinuousClock.now
        while !shutdown.isRequested, ContinuousClock.now < deadline {
            try? await Task.sleep(for: min(.milliseconds(50), deadline - ContinuousClock.now))
            if ContinuousClock.now - lastTouch >= .seconds(interval) {
                status.touchAlive()
                lastTouch = ContinuousClock.now
            }
        }
    }
}
