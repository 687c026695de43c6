import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A run stopped by SIGTERM while it is certainly still reading, for `--resume` tests: its input is a named pipe
/// the test writes and keeps open, and the signal comes once the run's metrics file shows a first batch read.
struct InterruptedRun {
    /// The exit status (143 after a graceful stop).
    let status: Int32
    /// What the run wrote to standard error (JSON log lines, then the summary).
    let stderr: String

    /// The input records of the run's closing summary (`total: N in = ...`): those it committed.
    var inputRecords: Int? { ResumeTests.inputRecords(in: stderr) }

    /// Replaces the file at `pipe` by a named pipe holding `firstPart`, runs `tool run ARGUMENTS` on it, and stops
    /// the run with SIGTERM once it has read a first batch, the pipe still open.
    /// - Parameters:
    ///   - tool: The binary.
    ///   - arguments: The arguments after `run` (the pipeline file first).
    ///   - pipe: The input path of the pipeline.
    ///   - firstPart: What the pipe holds; under 60 KB, so writing it does not wait for the run.
    ///   - directory: The folder the run starts in.
    /// - Throws: When the pipe cannot be made or the run ends before it has read a batch.
    init(tool: Executable, arguments: [String], pipe: String, firstPart: String, in directory: URL) async throws {
        precondition(firstPart.utf8.count < 60_000, "the first part must fit in the pipe's buffer")
        try? FileManager.default.removeItem(atPath: pipe)
        guard mkfifo(pipe, 0o600) == 0 else { throw FileAccessFailure(path: pipe, operation: "mkfifo") }
        // Open for reading and writing: opening does not wait for the run, and a write never fails for want of a
        // reader.
        let writer = open(pipe, O_RDWR)
        guard writer >= 0 else { throw FileAccessFailure(path: pipe, operation: "open") }
        defer { close(writer) }
        let bytes = Array(firstPart.utf8)
        guard bytes.withUnsafeBytes({ write(writer, $0.baseAddress, $0.count) }) == bytes.count else {
            throw FileAccessFailure(path: pipe, operation: "write")
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments =
            ["run"] + arguments + ["--log-format", "json", "--metrics-file", "metrics.prom", "--metrics-interval", "1"]
        process.currentDirectoryURL = directory
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        let errors = PipeCapture(reading: error.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        let metrics = directory.appendingPathComponent("metrics.prom").path
        try await Readiness.wait(for: "a first batch read", unless: exit) {
            (Readiness.metric("pipeline_input_records_total", inFile: metrics) ?? 0) > 0
        }
        process.terminate()
        status = try await exit.wait()
        stderr = try await errors.text()
    }

    /// Writes `text` to the named pipe on a thread of its own, since the pipe holds only part of it until a run
    /// reads, then closes it.
    /// - Parameters:
    ///   - text: The whole input.
    ///   - pipe: The named pipe.
    static func feed(_ text: String, to pipe: String) {
        Thread.detachNewThread {
            let feeder = open(pipe, O_RDWR)
            guard feeder >= 0 else { return }
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(feeder, $0.baseAddress, $0.count) }
                guard written > 0 else { break }
                bytes = bytes.dropFirst(written)
            }
            close(feeder)
        }
    }

    /// A system call on the pipe failed.
    struct FileAccessFailure: Error, CustomStringConvertible {
        let path: String
        let operation: String
        let reason = String(cString: strerror(errno))
        var description: String { "cannot \(operation) \(path): \(reason)" }
    }
}
