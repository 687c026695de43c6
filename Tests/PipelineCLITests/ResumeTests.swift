import Foundation
import Testing

/// `--resume`: an interrupted run continues where the committed outputs end; a finished run resumed writes the
/// same output; outputs that do not match the recorded state are refused.
@Suite struct ResumeTests {
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

    @Test func aFinishedRunResumedWritesTheSameOutput() throws {
        let scratch = Scratch()
        setUp(scratch, documents: 300)
        #expect(try tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        let first = (scratch.read("out.jsonl"), scratch.read("out.csv"))
        let resumed = try tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resumed after 300 input records completed by an earlier run"))
        #expect(resumed.stderr.contains("total: 0 in = 0 written + 0 dropped + 0 dead-lettered"))
        #expect(scratch.read("out.jsonl") == first.0)
        #expect(scratch.read("out.csv") == first.1)
        let again = try tool.run(["run", "p.yaml"], in: scratch.url)
        #expect(again.status == 0)
        #expect(scratch.read("out.jsonl") == first.0, "a rerun without --resume rewrites the same output")
    }

    @Test func anInterruptedRunResumedEqualsAnUninterruptedRun() throws {
        let reference = Scratch()
        setUp(reference, documents: 60_000)
        #expect(try tool.run(["run", "p.yaml"], in: reference.url).status == 0)

        let scratch = Scratch()
        setUp(scratch, documents: 60_000)
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["run", "p.yaml", "--log-format", "json"]
        process.currentDirectoryURL = scratch.url
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.8)
        process.terminate()
        process.waitUntilExit()
        let stopped = process.terminationStatus
        #expect(stopped == 143 || stopped == 0)
        let resumed = try tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        if stopped == 143 { #expect(resumed.stderr.contains("resumed after")) }
        #expect(scratch.read("out.jsonl") == reference.read("out.jsonl"))
        #expect(scratch.read("out.csv") == reference.read("out.csv"))
    }

    @Test func outputsThatDoNotMatchTheStateAreRefused() throws {
        let scratch = Scratch()
        setUp(scratch, documents: 20)
        #expect(try tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        scratch.write("out.csv", "tampered\n")
        let resumed = try tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("'out.csv' is not the version the state 'state.json' records"))
    }

    @Test func aStateForOtherInputStartsOver() throws {
        let scratch = Scratch()
        setUp(scratch, documents: 20)
        #expect(try tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        setUp(scratch, documents: 25)
        let resumed = try tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("is for another input: running from the start"))
        #expect(scratch.read("out.jsonl").split(separator: "\n").count == 25)
    }
}
