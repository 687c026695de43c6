import Synchronization

/// What one stage did during a run: documents in and out, what it removed and why, and the time it took.
public struct StageStatistics: Sendable, Hashable {
    /// The stage's name.
    public var name: String
    /// The stage's type name.
    public var typeName: String
    /// Documents the stage received.
    public var documentsIn = 0
    /// Documents the stage passed on.
    public var documentsOut = 0
    /// UTF-8 bytes of text the stage received.
    public var bytesIn = 0
    /// Documents dropped, by reason.
    public var dropped: [String: Int] = [:]
    /// Documents whose processing threw (dead-lettered or skipped).
    public var failed = 0
    /// Documents sent to the dead-letter output by this stage.
    public var deadLettered = 0
    /// Seconds spent processing (summed over concurrent tasks), excluding waits for input and output.
    public var busySeconds = 0.0
    /// Seconds from the stage's start to its end.
    public var wallSeconds = 0.0
    /// The stage's own counters (see ``StageCounters``).
    public var counters: [String: Int] = [:]

    /// Creates empty statistics for a stage.
    /// - Parameters:
    ///   - name: The stage's name.
    ///   - typeName: The stage's type name.
    public init(name: String, typeName: String) {
        self.name = name
        self.typeName = typeName
    }

    /// All documents dropped, whatever the reason.
    public var droppedTotal: Int { dropped.values.reduce(0, +) }

    /// Documents per second of busy time (0 when no time was measured).
    public var documentsPerSecond: Double { busySeconds > 0 ? Double(documentsIn) / busySeconds : 0 }

    /// Megabytes (10^6 bytes) of text per second of busy time.
    public var megabytesPerSecond: Double { busySeconds > 0 ? Double(bytesIn) / 1e6 / busySeconds : 0 }
}

/// Collects a stage's statistics from its concurrent tasks.
final class StageStatisticsRecorder: Sendable {
    private let state: Mutex<StageStatistics>
    private let busyMeasured = Mutex(false)

    /// Adds measured processing time, and marks busy time as measured rather than derived from waits.
    func addBusy(_ duration: Duration) {
        busyMeasured.withLock { $0 = true }
        state.withLock { $0.busySeconds += duration.seconds }
    }

    /// Whether busy time was measured by the processing code itself.
    var isBusyMeasured: Bool { busyMeasured.withLock { $0 } }

    init(name: String, typeName: String) {
        state = Mutex(StageStatistics(name: name, typeName: typeName))
    }

    func update(_ body: (inout StageStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    var snapshot: StageStatistics { state.withLock { $0 } }
}
