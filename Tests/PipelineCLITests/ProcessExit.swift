import Foundation
import Synchronization

/// A started process's exit, awaited without blocking a thread of Swift's cooperative pool.
final class ProcessExit: Sendable {
    private let status = Mutex<Int32?>(nil)

    /// Starts `process` and watches for its exit.
    /// - Throws: The error of `Process.run()` when it cannot be started.
    init(starting process: Process) throws {
        process.terminationHandler = { [self] finished in
            let code = finished.terminationStatus
            status.withLock { $0 = code }
        }
        try process.run()
    }

    /// The exit status, or `nil` while the process runs.
    var statusIfExited: Int32? { status.withLock { $0 } }

    /// Waits for the exit and returns the status (for a signal, the signal's number, as `Process` reports it).
    func wait() async throws -> Int32 {
        try await Readiness.wait(for: "the exit", within: .seconds(3_600)) { statusIfExited != nil }
        return statusIfExited!
    }
}
