import Foundation

/// Waits for a signal that a running process has reached a point (a value in a file it writes, a line it prints)
/// instead of sleeping for a guessed time: a fast run never races past the signal and a slow one is waited for.
enum Readiness {
    /// The signal did not come in time, or the process ended first.
    struct Timeout: Error, CustomStringConvertible {
        /// What was awaited and what was seen last.
        let description: String
    }

    /// Checks `condition` every 10 ms until it holds, suspending (not blocking a thread) in between.
    /// - Parameters:
    ///   - what: What is awaited, for the error message.
    ///   - exit: When given, waiting stops with an error as soon as the process has exited.
    ///   - limit: How long to wait at most (generous: the machine may be loaded).
    ///   - condition: The signal.
    /// - Throws: ``Timeout`` when the limit passes or the process exits before the condition holds.
    static func wait(
        for what: String,
        unless exit: ProcessExit? = nil,
        within limit: Duration = .seconds(45),
        until condition: () throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + limit
        while try !condition() {
            if let status = exit?.statusIfExited, try !condition() {
                throw Timeout(description: "the process exited (status \(status)) before \(what)")
            }
            guard ContinuousClock.now < deadline else { throw Timeout(description: "no \(what) within \(limit)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The value of a Prometheus counter or gauge in a metrics file the run writes (`--metrics-file`), or `nil`
    /// while the file or the sample is missing.
    /// - Parameters:
    ///   - name: The sample's name, e.g. `pipeline_input_records_total`.
    ///   - path: The metrics file.
    static func metric(_ name: String, inFile path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            guard let value = line.split(separator: " ").last.flatMap({ Double($0) }) else { return nil }
            return Int(value)
        }
        return nil
    }
}
