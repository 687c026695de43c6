import Foundation
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
        let firstPart = lines.prefix(300).joined()

        let scratch = Scratch()
        setUp(scratch, documents: documents)
        let pipe = scratch.path("in.jsonl")
        let stopped = try await InterruptedRun(
            tool: tool,
            arguments: ["p.yaml"],
            pipe: pipe,
            firstPart: firstPart,
            in: scratch.url
        )
        #expect(stopped.status == 143, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("interrupted by SIGTERM"))
        let committed = try #require(stopped.inputRecords, "\(stopped.stderr)")
        #expect(committed > 0 && committed <= 300)
        #expect(stopped.stderr.contains("total: \(committed) in = \(committed) written + 0 dropped + 0 dead-lettered"))

        // The resumed run reads the whole input again through the pipe.
        InterruptedRun.feed(input, to: pipe)
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
