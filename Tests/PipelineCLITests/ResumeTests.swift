import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// `--resume`: an interrupted run continues where the committed outputs end; a finished run resumed writes the
/// same output; outputs that do not match the recorded state are refused.
@Suite(.timeLimit(.minutes(5))) struct ResumeTests {
    let tool = Executable("pipeline-run")

    func setUp(_ scratch: Scratch, documents: Int) {
        let lines = (0..<documents).map { number in
            #"{"id":"d\#(number)","text":"Report \#(number): the minister said talks on trade would resume. Officials in Seoul and Washington welcomed the news \#(number % 7 == 0 ? "again" : "today")."}"#
        }
        scratch.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        scratch.write(
            "p.yaml",
            """
            name: resumable
            input: {path: in.jsonl}
            stages:
              - {type: clean, minimum_length: 0}
              - {type: dedupe, index: index.db}
              - {type: summarize, sentences: 1}
              - {type: export, path: out.jsonl}
              - {type: export, format: csv, path: out.csv, fields: [id, summary]}
            output: {dead_letter: dead.jsonl, state: state.json}
            """
        )
    }

    @Test func aFinishedRunResumedWritesTheSameOutput() async throws {
        let scratch = Scratch()
        setUp(scratch, documents: 300)
        #expect(try await tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        let first = (scratch.read("out.jsonl"), scratch.read("out.csv"))
        let resumed = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resumed after 300 input records completed by an earlier run"))
        #expect(resumed.stderr.contains("total: 0 in = 0 written + 0 dropped + 0 dead-lettered"))
        #expect(scratch.read("out.jsonl") == first.0)
        #expect(scratch.read("out.csv") == first.1)
        let again = try await tool.run(["run", "p.yaml"], in: scratch.url)
        #expect(again.status == 0)
        #expect(scratch.read("out.jsonl") == first.0, "a rerun without --resume rewrites the same output")
    }

    /// The input is a named pipe the test writes, so the run is certainly still reading when it is stopped: it
    /// stops on SIGTERM once the metrics file shows it has read a first batch, while the pipe stays open. The
    /// resumed run reads the whole input again through the pipe and must skip exactly the records the first run
    /// committed.
    @Test func anInterruptedRunResumedEqualsAnUninterruptedRun() async throws {
        let documents = 1_200
        let reference = Scratch()
        setUp(reference, documents: documents)
        #expect(try await tool.run(["run", "p.yaml"], in: reference.url).status == 0)
        let input = reference.read("in.jsonl")
        let lines = input.split(separator: "\n").map { $0 + "\n" }
        // The first part fits in the pipe's buffer (64 KiB), so writing it does not wait for the run to read.
        let firstPart = lines.prefix(300).joined()
        #expect(firstPart.utf8.count < 60_000)

        let scratch = Scratch()
        setUp(scratch, documents: documents)
        let pipe = scratch.path("in.jsonl")
        try FileManager.default.removeItem(atPath: pipe)
        #expect(mkfifo(pipe, 0o600) == 0)
        // The test holds the pipe open for reading and writing: opening does not wait for the run, and a write
        // never fails for want of a reader.
        let writer = open(pipe, O_RDWR)
        #expect(writer >= 0)
        let firstBytes = Array(firstPart.utf8)
        #expect(firstBytes.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) } == firstBytes.count)
        let process = Process()
        process.executableURL = tool.url
        process.arguments = [
            "run", "p.yaml", "--log-format", "json", "--metrics-file", "metrics.prom", "--metrics-interval", "1",
        ]
        process.currentDirectoryURL = scratch.url
        let error = Pipe()
        process.standardError = error
        let errors = PipeCapture(reading: error.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        try await Readiness.wait(for: "a first batch read", unless: exit) {
            (Readiness.metric("pipeline_input_records_total", inFile: scratch.path("metrics.prom")) ?? 0) > 0
        }
        process.terminate()
        let status = try await exit.wait()
        let stopped = try await errors.text()
        close(writer)
        #expect(status == 143, "\(stopped)")
        #expect(stopped.contains("interrupted by SIGTERM"))
        let committed = try #require(Self.inputRecords(in: stopped), "\(stopped)")
        #expect(committed > 0 && committed <= 300)
        #expect(stopped.contains("total: \(committed) in = \(committed) written + 0 dropped + 0 dead-lettered"))

        // The resumed run reads the whole input through the pipe, written on a thread of its own since the pipe
        // holds only part of it until the run reads.
        Thread.detachNewThread {
            let feeder = open(pipe, O_RDWR)
            guard feeder >= 0 else { return }
            var bytes = Array(input.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(feeder, $0.baseAddress, $0.count) }
                guard written > 0 else { break }
                bytes = bytes.dropFirst(written)
            }
            close(feeder)
        }
        let resumed = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resumed after \(committed) input records completed by an earlier run"))
        let rest = documents - committed
        #expect(resumed.stderr.contains("total: \(rest) in = \(rest) written + 0 dropped + 0 dead-lettered"))
        #expect(scratch.read("out.jsonl") == reference.read("out.jsonl"))
        #expect(scratch.read("out.csv") == reference.read("out.csv"))
    }

    /// The input record count of a run's closing summary (`total: N in = ...`).
    static func inputRecords(in stderr: String) -> Int? {
        guard let range = stderr.range(of: "total: ") else { return nil }
        return Int(stderr[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func outputsThatDoNotMatchTheStateAreRefused() async throws {
        let scratch = Scratch()
        setUp(scratch, documents: 20)
        #expect(try await tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        scratch.write("out.csv", "tampered\n")
        let resumed = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("'out.csv' is not the version the state 'state.json' records"))
    }

    @Test func aStateForOtherInputStartsOver() async throws {
        let scratch = Scratch()
        setUp(scratch, documents: 20)
        #expect(try await tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        setUp(scratch, documents: 25)
        let resumed = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("is for another input: running from the start"))
        #expect(scratch.read("out.jsonl").split(separator: "\n").count == 25)
    }
}
