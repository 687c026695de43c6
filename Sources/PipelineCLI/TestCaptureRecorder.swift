import Pipeline
import Synchronization

/// What the ``TestCaptureStage``s of one test run saw: how far each document got, and the documents that reached
/// the end, in order.
///
/// # Thread safety
/// Every capture stage of a run records into the same recorder from its own task; the state lives in a `Mutex`.
final class TestCaptureRecorder: Sendable {
    /// The recorded state.
    struct Snapshot: Sendable {
        /// For each document id, the index of the last checkpoint it passed (`-1`: just after the input).
        var lastCheckpoint: [String: Int] = [:]
        /// The documents that passed the final checkpoint, in output order.
        var finished: [Document] = []
    }

    private let state = Mutex(Snapshot())

    /// Creates an empty recorder.
    init() {}

    /// Notes that a document passed a checkpoint.
    /// - Parameters:
    ///   - document: The document as it is at the checkpoint.
    ///   - checkpoint: The checkpoint's index: the index of the stage it follows, `-1` for the input.
    ///   - isFinal: Whether this is the checkpoint after the last stage.
    func record(_ document: Document, checkpoint: Int, isFinal: Bool) {
        state.withLock { state in
            state.lastCheckpoint[document.id] = max(state.lastCheckpoint[document.id] ?? checkpoint, checkpoint)
            if isFinal { state.finished.append(document) }
        }
    }

    /// What was recorded so far.
    var snapshot: Snapshot {
        state.withLock { $0 }
    }
}
