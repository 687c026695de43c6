import Synchronization

/// A live view of a run in progress, for progress displays and metrics: read ``snapshot`` from any task while
/// the runner updates it.
public final class RunMonitor: Sendable {
    /// The run's figures at one moment.
    public struct Snapshot: Sendable {
        /// Input records read so far.
        public var inputRecords = 0
        /// UTF-8 bytes of text read so far.
        public var inputBytes = 0
        /// Documents out of the last stage so far.
        public var written = 0
        /// Documents dropped so far.
        public var dropped = 0
        /// Documents dead-lettered so far.
        public var deadLettered = 0
        /// Seconds since the run started.
        public var elapsedSeconds = 0.0
        /// Each stage's statistics so far, in pipeline order.
        public var stages: [StageStatistics] = []
        /// Whether the run has finished.
        public var finished = false

        /// Creates an empty snapshot.
        public init() {}
    }

    private struct State {
        var snapshot = Snapshot()
        var started: ContinuousClock.Instant?
        var recorders: [StageStatisticsRecorder] = []
        var counters: [StageCounters] = []
    }

    private let state = Mutex(State())

    /// Creates a monitor; hand it to ``PipelineRunner/monitor``.
    public init() {}

    /// The figures now.
    public var snapshot: Snapshot {
        let (base, started, recorders, counters) = state.withLock {
            ($0.snapshot, $0.started, $0.recorders, $0.counters)
        }
        var snapshot = base
        if let started, !snapshot.finished { snapshot.elapsedSeconds = (ContinuousClock.now - started).seconds }
        snapshot.stages = zip(recorders, counters).map { recorder, counters in
            var statistics = recorder.snapshot
            statistics.counters = counters.snapshot
            return statistics
        }
        return snapshot
    }

    func start(recorders: [StageStatisticsRecorder], counters: [StageCounters]) {
        state.withLock {
            $0.started = ContinuousClock.now
            $0.recorders = recorders
            $0.counters = counters
        }
    }

    func read(records: Int, bytes: Int) {
        state.withLock {
            $0.snapshot.inputRecords += records
            $0.snapshot.inputBytes += bytes
        }
    }

    func collected(written: Int, dropped: Int, deadLettered: Int) {
        state.withLock {
            $0.snapshot.written += written
            $0.snapshot.dropped += dropped
            $0.snapshot.deadLettered += deadLettered
        }
    }

    func finish() {
        state.withLock {
            if let started = $0.started { $0.snapshot.elapsedSeconds = (ContinuousClock.now - started).seconds }
            $0.snapshot.finished = true
        }
    }
}
