import Foundation
import Testing

/// `pipeline-run watch`: a service over a folder, waited on through its status files and outputs, never by sleeping.
@Suite(.timeLimit(.minutes(5))) struct WatchCommandTests {
    let tool = Executable("pipeline-run")

    func lines(_ prefix: String, _ range: Range<Int>) -> String {
        range.map { #"{"id":"\#(prefix)-\#($0)","text":"Story \#($0) from \#(prefix): the minister spoke."}"# }
            .joined(separator: "\n") + "\n"
    }

    func ids(in scratch: Scratch) -> [String] {
        guard let text = try? String(contentsOfFile: scratch.path("out/docs.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? String ?? "?"
        }
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Ready, a dropped file, appended lines (one half-written, completed later), SIGTERM: exit 0, every document
    /// exactly once, in arrival order, and the status folder says the service stopped.
    @Test func watchPicksUpNewFilesAndAppendedLinesAndStopsCleanlyOnSIGTERM() async throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write(
            "p.yaml",
            """
            name: w
            input: {path: in/}
            stages:
              - {type: clean, minimum_length: 0}
              - {type: export, path: out/docs.jsonl}
            output: {dead_letter: out/dead.jsonl, state: out/w.state.json}
            """
        )
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["watch", "p.yaml", "--interval", "0.05", "--log-format", "json"]
        process.currentDirectoryURL = scratch.url
        let error = Pipe()
        process.standardError = error
        let errors = PipeCapture(reading: error.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        defer { if process.isRunning { process.terminate() } }
        let status = scratch.path("out/w.status")
        try await Readiness.wait(for: "the ready file", unless: exit) {
            FileManager.default.fileExists(atPath: status + "/ready")
        }
        #expect(FileManager.default.fileExists(atPath: status + "/alive"))

        scratch.write("in/a.jsonl", lines("a", 0..<20))
        try await Readiness.wait(for: "the first file's documents", unless: exit) { ids(in: scratch).count == 20 }

        try append(lines("a", 20..<25) + #"{"id":"a-25","text":"Half wri"#, to: scratch.path("in/a.jsonl"))
        try await Readiness.wait(for: "the appended complete lines", unless: exit) { ids(in: scratch).count == 25 }
        try append(#"tten, then finished."}"# + "\n", to: scratch.path("in/a.jsonl"))
        scratch.write("in/b.jsonl", lines("b", 0..<10))
        try await Readiness.wait(for: "the finished line and the second file", unless: exit) {
            ids(in: scratch).count == 36
        }
        try await Readiness.wait(for: "the batches in the metrics", unless: exit) {
            (Readiness.metric("pipeline_input_records_total", inFile: status + "/metrics.prom") ?? 0) == 36
        }

        process.terminate()
        let code = try await exit.wait()
        let stderr = try await errors.text()
        #expect(code == 0, "\(stderr)")
        #expect(stderr.contains("stopped: every finished document is committed"))
        let want = (0..<26).map { "a-\($0)" } + (0..<10).map { "b-\($0)" }
        #expect(ids(in: scratch).sorted() == want.sorted(), "exactly once")
        #expect(Set(ids(in: scratch).prefix(25)) == Set((0..<25).map { "a-\($0)" }), "in the order they arrived")
        #expect(!FileManager.default.fileExists(atPath: status + "/ready"))
        #expect(Readiness.metric("pipeline_watch_batches_total", inFile: status + "/metrics.prom") ?? 0 >= 3)

        // A restart finds nothing new: the ledger holds everything, and the output is unchanged.
        let again = Process()
        again.executableURL = tool.url
        again.arguments = ["watch", "p.yaml", "--interval", "0.05"]
        again.currentDirectoryURL = scratch.url
        again.standardError = FileHandle.nullDevice
        let againExit = try ProcessExit(starting: again)
        defer { if again.isRunning { again.terminate() } }
        try await Readiness.wait(for: "the ready file after a restart", unless: againExit) {
            FileManager.default.fileExists(atPath: status + "/ready")
        }
        again.terminate()
        #expect(try await againExit.wait() == 0)
        #expect(ids(in: scratch).count == 36)
    }

    /// SIGTERM while a batch runs: what was finished is committed and the ledger advances over exactly that, so a
    /// restart reads the rest (of the file it was in the middle of, and of the files after it).
    @Test func sigtermDuringABatchCommitsWhatWasFinishedAndARestartReadsTheRest() async throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write(
            "p.yaml",
            """
            name: w
            input: {path: in/}
            stages: [{type: export, path: out/docs.jsonl}]
            output: {state: out/w.state.json}
            """
        )
        scratch.write("in/a.jsonl", lines("a", 0..<150_000))
        scratch.write("in/b.jsonl", lines("b", 0..<100))
        func start() throws -> (Process, ProcessExit, PipeCapture) {
            let process = Process()
            process.executableURL = tool.url
            process.arguments = [
                "watch", "p.yaml", "--interval", "0.05", "--log-format", "json", "--batch-documents", "1000000",
            ]
            process.currentDirectoryURL = scratch.url
            let error = Pipe()
            process.standardError = error
            let errors = PipeCapture(reading: error.fileHandleForReading)
            return (process, try ProcessExit(starting: process), errors)
        }
        let (first, firstExit, firstErrors) = try start()
        defer { if first.isRunning { first.terminate() } }
        try await Readiness.wait(for: "the first batch", unless: firstExit) {
            firstErrors.lines.contains { $0.contains("incremental input: reading what is new") }
        }
        first.terminate()
        let firstCode = try await firstExit.wait()
        let firstText = try await firstErrors.text()
        #expect(firstCode == 0, "\(firstText)")
        let committed = ids(in: scratch).count

        let (second, secondExit, secondErrors) = try start()
        defer { if second.isRunning { second.terminate() } }
        try await Readiness.wait(for: "the rest", unless: secondExit) { ids(in: scratch).count >= 150_100 }
        second.terminate()
        let secondCode = try await secondExit.wait()
        let secondText = try await secondErrors.text()
        #expect(secondCode == 0, "\(secondText)")
        let all = ids(in: scratch)
        #expect(all.count == 150_100, "the first run committed \(committed)")
        #expect(Set(all).count == 150_100, "exactly once")
    }

    /// A backlog is taken `--batch-documents` at a time, one commit each, without waiting `--interval` between
    /// them; a text file counts as one document.
    @Test func aBacklogIsCommittedInBatchesOfAtMostBatchDocuments() async throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write(
            "p.yaml",
            """
            name: w
            input: {path: in/}
            stages: [{type: export, path: out/docs.jsonl}]
            output: {state: out/w.state.json}
            """
        )
        scratch.write("in/a.jsonl", lines("a", 0..<25))
        scratch.write("in/b.txt", "A text file: one document.")
        let process = Process()
        process.executableURL = tool.url
        // An interval far longer than the test: only batches that start at once can finish it.
        process.arguments = ["watch", "p.yaml", "--interval", "600", "--batch-documents", "10", "--log-format", "json"]
        process.currentDirectoryURL = scratch.url
        let error = Pipe()
        process.standardError = error
        let errors = PipeCapture(reading: error.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        defer { if process.isRunning { process.terminate() } }
        try await Readiness.wait(for: "every document", unless: exit) { ids(in: scratch).count == 26 }
        process.terminate()
        let code = try await exit.wait()
        let stderr = try await errors.text()
        #expect(code == 0, "\(stderr)")
        let batches = stderr.split(separator: "\n").filter { $0.contains("batch committed") }
        #expect(batches.map { $0.contains(#""documents":"10""#) } == [true, true, false])
        #expect(batches.last?.contains(#""documents":"6""#) == true, "5 lines and the text file")
        #expect(Set(ids(in: scratch)).count == 26, "exactly once")
    }

    @Test func watchWithoutAnExportStageIsAConfigurationError() async throws {
        let scratch = Scratch()
        scratch.write("p.yaml", "input: {path: in/}\nstages: [{type: clean}]\n")
        let result = try await tool.run(["watch", "p.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("watch needs an export stage"))
    }
}
