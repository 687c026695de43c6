import Foundation
import Logging
import Pipeline
import Prometheus

/// Watches a run while it goes on: a live progress line on a terminal, periodic log lines otherwise, and the
/// Prometheus metrics file (`--metrics-file`), rewritten at intervals and at the end.
///
/// The metrics use swift-prometheus's collector registry directly (no process-wide metrics bootstrap):
/// ```
/// pipeline_input_records_total / pipeline_input_bytes_total / pipeline_documents_written_total
/// pipeline_documents_dropped_total / pipeline_documents_dead_lettered_total / pipeline_elapsed_seconds
/// pipeline_stage_documents_in_total{stage} / _out_total{stage} / _dropped_total{stage} / _failed_total{stage}
/// pipeline_stage_busy_seconds_total{stage} / pipeline_stage_counter_total{stage,counter}
/// ```
final class RunObserver: Sendable {
    private let monitor: RunMonitor
    private let logger: Logger
    private let isTerminal: Bool
    private let expectedBytes: Int?
    private let metricsPath: String?
    private let metricsInterval: Duration
    private let pipeline: String

    /// Creates an observer.
    /// - Parameters:
    ///   - monitor: The run's monitor.
    ///   - pipeline: The pipeline's name (a metrics label).
    ///   - logger: Where periodic lines go when not on a terminal.
    ///   - isTerminal: Whether standard error is a terminal (progress line) or not (log lines).
    ///   - expectedBytes: The input's size in bytes when known, for a percentage and an ETA.
    ///   - metricsPath: The Prometheus text file, if any.
    ///   - metricsInterval: How often the metrics file is rewritten.
    init(
        monitor: RunMonitor,
        pipeline: String,
        logger: Logger,
        isTerminal: Bool,
        expectedBytes: Int?,
        metricsPath: String?,
        metricsInterval: Duration
    ) {
        self.monitor = monitor
        self.pipeline = pipeline
        self.logger = logger
        self.isTerminal = isTerminal
        self.expectedBytes = expectedBytes
        self.metricsPath = metricsPath
        self.metricsInterval = metricsInterval
    }

    /// Reports until cancelled: the progress line every 0.5 s on a terminal, a log line every 10 s otherwise, and
    /// the metrics file every `metricsInterval`.
    func run() async {
        let step: Duration = .milliseconds(500)
        let logEvery: Duration = .seconds(10)
        var sinceLog: Duration = .zero
        var sinceMetrics: Duration = .zero
        while !Task.isCancelled {
            do { try await Task.sleep(for: step) } catch { break }
            sinceLog += step
            sinceMetrics += step
            let snapshot = monitor.snapshot
            if metricsPath != nil, sinceMetrics >= metricsInterval {
                sinceMetrics = .zero
                writeMetrics(snapshot)
            }
            if isTerminal {
                StandardError.write("\r\u{1B}[2K" + progressLine(snapshot))
            } else if sinceLog >= logEvery {
                sinceLog = .zero
                logger.info(
                    "progress",
                    metadata: [
                        "documents": "\(snapshot.inputRecords)", "written": "\(snapshot.written)",
                        "documents_per_second": "\(Int(rate(snapshot.inputRecords, snapshot)))",
                        "mb": "\(String(format: "%.1f", Double(snapshot.inputBytes) / 1e6))",
                    ]
                )
            }
        }
    }

    /// Clears the progress line and writes the final metrics.
    func finish() {
        if isTerminal { StandardError.write("\r\u{1B}[2K") }
        if metricsPath != nil { writeMetrics(monitor.snapshot) }
    }

    /// "news: 12,345 documents, 3,210/s, 45.6 MB, 34% ~0:42 left".
    func progressLine(_ snapshot: RunMonitor.Snapshot) -> String {
        var line =
            "\(pipeline): \(snapshot.inputRecords) documents, \(Int(rate(snapshot.inputRecords, snapshot)))/s, "
            + String(format: "%.1f MB", Double(snapshot.inputBytes) / 1e6)
        if let expectedBytes, expectedBytes > 0, snapshot.inputBytes > 0 {
            let fraction = min(1, Double(snapshot.inputBytes) / Double(expectedBytes))
            let remaining = snapshot.elapsedSeconds * (1 - fraction) / fraction
            let seconds = Int(remaining.rounded())
            line += String(format: ", %.0f%% ~%d:%02d left", fraction * 100, seconds / 60, seconds % 60)
        }
        return line
    }

    private func rate(_ count: Int, _ snapshot: RunMonitor.Snapshot) -> Double {
        snapshot.elapsedSeconds > 0 ? Double(count) / snapshot.elapsedSeconds : 0
    }

    /// Renders the snapshot as Prometheus text exposition and writes it atomically.
    func writeMetrics(_ snapshot: RunMonitor.Snapshot) {
        guard let metricsPath else { return }
        let text = Self.exposition(of: snapshot, pipeline: pipeline)
        do {
            let writer = try AtomicFileWriter(path: metricsPath)
            try writer.write(text)
            try writer.commit()
        } catch {
            logger.warning("cannot write metrics: \(error)")
        }
    }

    /// The Prometheus text exposition of a snapshot.
    static func exposition(of snapshot: RunMonitor.Snapshot, pipeline: String) -> String {
        let registry = PrometheusCollectorRegistry()
        let base = [("pipeline", pipeline)]
        func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "pipeline", metricName: name, unitName: unit, helpText: help)
        }
        func counter(_ name: String, _ help: String, _ value: Int, _ labels: [(String, String)] = []) {
            registry.makeCounter(descriptor: descriptor(name, "total", help), labels: base + labels)
                .increment(by: Int64(value))
        }
        counter("input_records", "Input records read.", snapshot.inputRecords)
        counter("input_bytes", "UTF-8 bytes of text read.", snapshot.inputBytes)
        counter("documents_written", "Documents out of the last stage.", snapshot.written)
        counter("documents_dropped", "Documents dropped.", snapshot.dropped)
        counter("documents_dead_lettered", "Documents sent to the dead-letter output.", snapshot.deadLettered)
        registry.makeGauge(descriptor: descriptor("elapsed", "seconds", "Seconds since the run started."), labels: base)
            .set(snapshot.elapsedSeconds)
        registry.makeGauge(descriptor: descriptor("finished", "", "1 once the run has finished."), labels: base)
            .set(snapshot.finished ? 1.0 : 0.0)
        for stage in snapshot.stages {
            let labels = [("stage", stage.name)]
            counter("stage_documents_in", "Documents a stage received.", stage.documentsIn, labels)
            counter("stage_documents_out", "Documents a stage passed on.", stage.documentsOut, labels)
            counter("stage_documents_dropped", "Documents a stage dropped.", stage.droppedTotal, labels)
            counter("stage_documents_failed", "Documents whose processing threw.", stage.failed, labels)
            counter("stage_bytes_in", "Bytes of text a stage received.", stage.bytesIn, labels)
            registry.makeCounter(
                descriptor: descriptor("stage_busy", "seconds_total", "Seconds a stage spent processing."),
                labels: base + labels
            ).increment(by: stage.busySeconds)
            for (name, value) in stage.counters.sorted(by: { $0.key < $1.key }) {
                counter("stage_counter", "A stage's own counters.", value, labels + [("counter", name)])
            }
        }
        return registry.emitToString()
    }
}
