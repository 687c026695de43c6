import Foundation
import Testing

/// `input.incremental: true`: each run reads only what the ledger says is new, outputs are added to, and a series of
/// runs leaves the same outputs as one run over everything.
@Suite(.timeLimit(.minutes(5))) struct IncrementalInputTests {
    let tool = Executable("pipeline-run")

    func lines(_ prefix: String, _ range: Range<Int>) -> String {
        range.map { #"{"id":"\#(prefix)-\#($0)","text":"Story \#($0) from \#(prefix): the minister spoke."}"# }
            .joined(separator: "\n") + "\n"
    }

    func pipeline(_ scratch: Scratch, incremental: Bool) {
        scratch.write(
            "p.yaml",
            """
            name: inc
            input: {path: in/, incremental: \(incremental)}
            stages:
              - {type: clean, minimum_length: 0}
              - {type: export, path: out/docs.jsonl}
              - {type: export, format: csv, path: out/docs.csv, fields: [id, text]}
            output: {dead_letter: out/dead.jsonl, state: out/inc.state.json}
            """
        )
    }

    func setUp(_ files: [(String, String)], incremental: Bool = true) -> Scratch {
        let scratch = Scratch()
        try! FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        for (name, text) in files { scratch.write("in/" + name, text) }
        pipeline(scratch, incremental: incremental)
        return scratch
    }

    func run(_ scratch: Scratch) async throws -> Executable.Result {
        let result = try await tool.run(["run", "p.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test func aSecondRunReadsOnlyTheNewFileAndTheOutputsEqualOneRunOverEverything() async throws {
        let scratch = setUp([("a.jsonl", lines("a", 0..<20))])
        #expect(try await run(scratch).stderr.contains("total: 20 in = 20 written + 0 dropped + 0 dead-lettered"))
        scratch.write("in/b.jsonl", lines("b", 0..<20))
        scratch.write("in/c.txt", "A text file that arrived later, with a story of its own.")
        let second = try await run(scratch)
        #expect(second.stderr.contains("total: 21 in = 21 written + 0 dropped + 0 dead-lettered"), "\(second.stderr)")
        let third = try await run(scratch)
        #expect(third.stderr.contains("total: 0 in = 0 written + 0 dropped + 0 dead-lettered"), "\(third.stderr)")

        let once = setUp(
            [
                ("a.jsonl", lines("a", 0..<20)), ("b.jsonl", lines("b", 0..<20)),
                ("c.txt", "A text file that arrived later, with a story of its own."),
            ],
            incremental: false
        )
        _ = try await run(once)
        #expect(scratch.read("out/docs.jsonl").split(separator: "\n").count == 41)
        #expect(scratch.read("out/docs.jsonl") == once.read("out/docs.jsonl"))
        #expect(scratch.read("out/docs.csv") == once.read("out/docs.csv"))
    }

    /// A run adds to the outputs in place, without copying them: the files keep their inode (a copy renamed over
    /// them would not), so a batch costs what it adds, not the size of everything before it.
    @Test func theOutputsAreAppendedToInPlace() async throws {
        let scratch = setUp([("a.jsonl", lines("a", 0..<5))])
        _ = try await run(scratch)
        func inode(_ name: String) -> UInt64 {
            var info = stat()
            #expect(stat(scratch.path(name), &info) == 0)
            return UInt64(info.st_ino)
        }
        let before = (inode("out/docs.jsonl"), inode("out/docs.csv"))
        scratch.write("in/b.jsonl", lines("b", 0..<5))
        #expect(try await run(scratch).stderr.contains("total: 5 in = 5 written"))
        #expect(inode("out/docs.jsonl") == before.0)
        #expect(inode("out/docs.csv") == before.1)
        #expect(scratch.read("out/docs.jsonl").split(separator: "\n").count == 10)
    }

    @Test func aGrowingJSONLinesFileIsReadUpToItsLastCompleteLineAndContinued() async throws {
        let partial = #"{"text":"A story without an id, still being wri"#
        let scratch = setUp([("feed.jsonl", lines("f", 0..<3) + partial)])
        #expect(try await run(scratch).stderr.contains("total: 3 in = 3 written"))
        let handle = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("in/feed.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("tten.\"}\n" + lines("f", 3..<5)).utf8))
        try handle.close()
        let second = try await run(scratch)
        #expect(second.stderr.contains("total: 3 in = 3 written"), "\(second.stderr)")
        let documents = scratch.read("out/docs.jsonl").split(separator: "\n")
        #expect(documents.count == 6)
        #expect(documents[3].hasPrefix(#"{"id":"feed.jsonl:4","text":"A story without an id, still being written."#))
        #expect(documents[5].hasPrefix(#"{"id":"f-4","#))

        let once = setUp(
            [("feed.jsonl", lines("f", 0..<3) + partial + "tten.\"}\n" + lines("f", 3..<5))],
            incremental: false
        )
        _ = try await run(once)
        #expect(scratch.read("out/docs.jsonl") == once.read("out/docs.jsonl"))
    }

    /// Files of 64 to 128 KiB are fingerprinted in one piece (this size once overran the read buffer and trapped).
    @Test(arguments: [40, 1_000, 1_400, 3_000]) func aGrowingFileOfAnySizeIsContinued(lines count: Int) async throws {
        let scratch = setUp([("feed.jsonl", lines("f", 0..<count))])
        #expect(try await run(scratch).stderr.contains("total: \(count) in = \(count) written"))
        let handle = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("in/feed.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines("f", count..<(count + 7)).utf8))
        try handle.close()
        let second = try await run(scratch)
        #expect(second.stderr.contains("total: 7 in = 7 written"), "\(second.stderr)")
        #expect(scratch.read("out/docs.jsonl").split(separator: "\n").count == count + 7)
    }

    @Test func aFileRewrittenInPlaceIsReadAgainInWholeWithAWarning() async throws {
        let scratch = setUp([("a.jsonl", lines("a", 0..<4))])
        _ = try await run(scratch)
        scratch.write("in/a.jsonl", lines("z", 0..<2))
        let second = try await run(scratch)
        #expect(second.stderr.contains("total: 2 in = 2 written"), "\(second.stderr)")
        #expect(
            second.stderr.contains("input file rewritten in place since it was consumed: reading it again in whole")
        )
        #expect(scratch.read("out/docs.jsonl").split(separator: "\n").count == 6)
    }

    @Test func incrementalInputRefusesResume() async throws {
        let scratch = setUp([("a.jsonl", lines("a", 0..<2))])
        let result = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("input.incremental continues by its ledger: it does not combine with --resume"))
    }
}
