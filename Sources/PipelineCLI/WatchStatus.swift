import Foundation
import Logging
import Pipeline
import Prometheus
import Synchronization

/// The status folder of `pipeline-run watch`: health signals and metrics as files, for a supervisor.
///
/// ```
/// out/news.status/
///   ready        present once the plan is loaded and the first poll is done; removed when the service stops
///   alive        modification time renewed every poll and every interval during a batch
///   metrics.prom Prometheus text: the run metrics of `run --metrics-file`, summed over the batches, and
///                pipeline_watch_{polls,batches,batch_failures}_total, pipeline_watch_last_poll_timestamp_seconds,
///                pipeline_watch_last_commit_timestamp_seconds, pipeline_watch_last_batch_seconds,
///                pipeline_watch_last_batch_documents
/// ```
/// Files rather than an HTTP endpoint: a Kubernetes exec probe or a systemd `ExecStartPost`/timer reads them with
/// `test` and `stat`, node_exporter's textfile collector (or a sidecar) serves `metrics.prom`, and the process needs
/// no server dependency (hummingbird or swift-nio's HTTP stack would add minutes to every clean build).
/// `metrics.prom` is written atomically (temporary file, rename), so a reader never sees half of it.
///
/// # Thread safety
/// The figures live behind a `Mutex`; the heartbeat task and the command loop may call it at once.
final class WatchStatus: Sendable {
    /// The folder.
    let folder: String
    private let pipeline: String
    private let logger: Logger
    private let figures = Mutex(Figures())

    private struct Figures {
        var totals = RunMonitor.Snapshot()
        var polls = 0
        var batches = 0
        var failures = 0
        var lastPoll: Double?
        var lastCommit: Double?
        var lastBatchSeconds = 0.0
        var lastBatchDocuments = 0
        let started = ContinuousClock.now
    }

    /// The default status folder beside a run state: `out/news.state.json` → `out/news.status`.
    static func defaultFolder(forState statePath: String) -> String {
        statePath.hasSuffix(".state.json")
            ? String(statePath.dropLast(".state.json".count)) + ".status" : statePath + ".status"
    }

    /// Creates the folder, removes a `ready` file a killed service left, and writes empty metrics.
    /// - Parameters:
    ///   - folder: The status folder.
    ///   - pipeline: The pipeline's name (a metrics label).
    ///   - logger: Where a failed write is logged.
    /// - Throws: ``FileAccessError`` when the folder cannot be created.
    init(folder: String, pipeline: String, logger: Logger) throws {
        self.folder = folder
        self.pipeline = pipeline
        self.logger = logger
        try AtomicFileWriter.createParentDirectory(of: folder + "/ready")
        unlink(path("ready"))
        writeMetrics()
    }

    /// The path of one of the folder's files.
    func path(_ name: String) -> String { folder + "/" + name }

    /// Renews `alive` (creating it if needed).
    func touchAlive() { touch("alive") }

    /// Creates `ready` if it is not there.
    func markReady() {
        if access(path("ready"), F_OK) != 0 { touch("ready") }
    }

    /// Removes `ready` and `alive`: the service has stopped.
    func stop() {
        unlink(path("ready"))
        unlink(path("alive"))
        writeMetrics()
    }

    /// Counts a poll of the input.
    func recordPoll() {
        figures.withLock {
            $0.polls += 1
            $0.lastPoll = Date().timeIntervalSince1970
        }
        writeMetrics()
    }

    /// Counts a batch that failed.
    func recordFailure() {
        figures.withLock { $0.failures += 1 }
        writeMetrics()
    }

    /// Adds a committed batch's figures.
    /// - Parameter report: The batch's report.
    func record(_ report: RunReport) {
        figures.withLock { figures in
            figures.batches += 1
            figures.lastCommit = Date().timeIntervalSince1970
            figures.lastBatchSeconds = report.wallSeconds
            figures.lastBatchDocuments = report.inputRecords
            figures.totals.inputRecords += report.inputRecords
            figures.totals.inputBytes += report.inputBytes
            figures.totals.written += report.written
            figures.totals.dropped += report.droppedTotal
            figures.totals.deadLettered += report.deadLettered
            if figures.totals.stages.isEmpty {
                figures.totals.stages = report.stages
            } else {
                for (index, stage) in report.stages.enumerated() where index < figures.totals.stages.count {
                    figures.totals.stages[index].add(stage)
                }
            }
        }
        writeMetrics()
    }

    /// The Prometheus text: the run metrics summed over the batches, then the service's own.
    func exposition() -> String {
        let figures = self.figures.withLock { figures in
            var copy = figures
            let elapsed = (ContinuousClock.now - figures.started).components
            copy.totals.elapsedSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            return copy
        }
        let registry = PrometheusCollectorRegistry()
        let labels = [("pipeline", pipeline)]
        func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "pipeline_watch", metricName: name, unitName: unit, helpText: help)
        }
        func counter(_ name: String, _ help: String, _ value: Int) {
            registry.makeCounter(descriptor: descriptor(name, "total", help), labels: labels)
                .increment(by: Int64(value))
        }
        func gauge(_ name: String, _ unit: String, _ help: String, _ value: Double) {
            registry.makeGauge(descriptor: descriptor(name, unit, help), labels: labels).set(value)
        }
        counter("polls", "Polls of the input.", figures.polls)
        counter("batches", "Batches committed.", figures.batches)
        counter("batch_failures", "Batches that failed (retried when transient).", figures.failures)
        gauge("last_poll_timestamp", "seconds", "When the input was last polled (Unix time).", figures.lastPoll ?? 0)
        gauge(
            "last_commit_timestamp",
            "seconds",
            "When a batch was last committed (Unix time; 0 before the first).",
            figures.lastCommit ?? 0
        )
        gauge("last_batch", "seconds", "How long the last batch took.", figures.lastBatchSeconds)
        gauge("last_batch_documents", "", "Input records in the last batch.", Double(figures.lastBatchDocuments))
        return RunObserver.exposition(of: figures.totals, pipeline: pipeline) + registry.emitToString()
    }

    private func writeMetrics() {
        do {
            let writer = try AtomicFileWriter(path: path("metrics.prom"))
            try writer.write(exposition())
            try writer.commit()
        } catch {
            logger.warning("cannot write the metrics: \(error)")
        }
    }

    private func touch(_ name: String) {
        let descriptor = open(path(name), O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            logger.warning("cannot touch \(path(name)): \(String(cString: strerror(errno)))")
            return
        }
        futimens(descriptor, nil)
        close(descriptor)
    }
}
