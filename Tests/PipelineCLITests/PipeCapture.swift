import Foundation
import Synchronization

/// Everything a process writes to one of its pipes, read on a thread of its own: a test awaits a given line while
/// the process keeps running, or the whole text once the pipe ends, without blocking a thread of Swift's cooperative
/// pool (tests run in parallel on it, and a blocked pool would stall every test's time limit).
final class PipeCapture: Sendable {
    private let state = Mutex<(bytes: [UInt8], ended: Bool)>(([], false))

    /// Starts reading `handle` until its end.
    init(reading handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                state.withLock { state in
                    if data.isEmpty { state.ended = true } else { state.bytes += data }
                }
                if data.isEmpty { return }
            }
        }
    }

    /// The complete lines read so far.
    var lines: [String] {
        state.withLock { state in
            guard let last = state.bytes.lastIndex(of: 0x0A) else { return [] }
            return state.bytes[..<last].split(separator: 0x0A, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// Waits for the line at `index` (0-based) and returns it.
    /// - Throws: ``Readiness/Timeout`` when the pipe ends first or `limit` passes.
    func line(at index: Int, within limit: Duration = .seconds(45)) async throws -> String {
        var found: String?
        try await Readiness.wait(for: "line \(index + 1) of the output", within: limit) {
            let (lines, ended) = (self.lines, state.withLock { $0.ended })
            if lines.count > index { found = lines[index] }
            if found == nil, ended { throw Readiness.Timeout(description: "the output ended before line \(index + 1)") }
            return found != nil
        }
        return found!
    }

    /// The whole text, once the pipe has ended (the process exited and closed it).
    func text() async throws -> String {
        try await Readiness.wait(for: "the end of the output", within: .seconds(3_600)) { state.withLock { $0.ended } }
        return state.withLock { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
