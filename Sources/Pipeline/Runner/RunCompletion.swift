import Synchronization

/// Lets a stage hold back committing its outputs until the whole run has succeeded.
///
/// A stage whose input has ended cannot know whether a later stage will still fail; committing then could replace
/// a good previous output with the result of a failed run. Such a stage closes its output and waits:
///
/// ```swift
/// await output.close()
/// try await context.completion.waitForSuccess()   // throws if the run fails or is cancelled
/// try writer.commit()
/// ```
public final class RunCompletion: Sendable {
    private enum State {
        case running([UnsafeContinuation<Void, any Error>])
        case succeeded
    }

    private let state = Mutex<State>(.running([]))

    /// Creates a pending completion.
    public init() {}

    /// Waits until every stage has finished and the last one's output has been collected.
    /// - Throws: `CancellationError` when the run fails or is cancelled while waiting.
    public func waitForSuccess() async throws {
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                let resumeNow: Bool = state.withLock { state in
                    switch state {
                    case .succeeded: return true
                    case .running(var waiting):
                        if Task.isCancelled { return true }
                        waiting.append(continuation)
                        state = .running(waiting)
                        return false
                    }
                }
                if resumeNow { continuation.resume() }
            }
            try Task.checkCancellation()
        } onCancel: {
            let waiting: [UnsafeContinuation<Void, any Error>] = state.withLock { state in
                guard case .running(let waiting) = state else { return [] }
                state = .running([])
                return waiting
            }
            for continuation in waiting { continuation.resume(throwing: CancellationError()) }
        }
    }

    /// Marks the run as successful and wakes every waiting stage.
    func succeed() {
        let waiting: [UnsafeContinuation<Void, any Error>] = state.withLock { state in
            guard case .running(let waiting) = state else { return [] }
            state = .succeeded
            return waiting
        }
        for continuation in waiting { continuation.resume() }
    }
}
