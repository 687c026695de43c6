/// What a run did: the accounting of every input record, per-stage statistics, time and memory.
///
/// Every input record is accounted for: `inputRecords == written + droppedTotal + deadLettered`
/// (``isBalanced``).
public struct RunReport: Sendable, Hashable {
    /// The pipeline's name.
    public var pipeline: String
    /// The run's identifier.
    public var runID: String
    /// Records read from the input: documents plus unreadable input.
    public var inputRecords = 0
    /// Input that could not become a document (dead-lettered by the reader).
    public var invalidInput = 0
    /// UTF-8 bytes of text of the documents read.
    public var inputBytes = 0
    /// Documents that came out of the last stage.
    public var written = 0
    /// Documents dropped, by "stage: reason".
    public var dropped: [String: Int] = [:]
    /// Documents sent to the dead-letter output (including unreadable input).
    public var deadLettered = 0
    /// Each stage's statistics, in pipeline order.
    public var stages: [StageStatistics] = []
    /// Seconds from start to end.
    public var wallSeconds = 0.0
    /// CPU seconds used by the process during the run.
    public var cpuSeconds = 0.0
    /// Peak resident memory of the process, in bytes.
    public var peakResidentBytes = 0
    /// Why the run stopped early, if it was interrupted (e.g. "SIGTERM").
    public var interruption: String?
    /// Where dead letters were written.
    public var deadLetterPath: String?
    /// Input records skipped because an earlier run completed them (see ``PipelineRunner/resumeAfter``).
    public var resumedAfter = 0

    /// Creates an empty report.
    /// - Parameters:
    ///   - pipeline: The pipeline's name.
    ///   - runID: The run's identifier.
    public init(pipeline: String, runID: String) {
        self.pipeline = pipeline
        self.runID = runID
    }

    /// All dropped documents.
    public var droppedTotal: Int { dropped.values.reduce(0, +) }

    /// Whether every input record is accounted for as written, dropped or dead-lettered.
    public var isBalanced: Bool { inputRecords == written + droppedTotal + deadLettered }

    /// Documents per second over the whole run.
    public var documentsPerSecond: Double { wallSeconds > 0 ? Double(inputRecords) / wallSeconds : 0 }

    /// Megabytes of text per second over the whole run.
    public var megabytesPerSecond: Double { wallSeconds > 0 ? Double(inputBytes) / 1e6 / wallSeconds : 0 }
}
