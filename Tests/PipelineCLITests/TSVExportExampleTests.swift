import Foundation
import Testing

/// The example TSV sink (`Examples/TSVExport`) through its own binary: it declares its file and its stream mode and
/// nothing else, and works with `run --shard`, `run --resume` and `stream` as the built-in export does.
@Suite(.timeLimit(.minutes(5))) struct TSVExportExampleTests {
    let tool = Executable("tsv-pipeline-run")

    static let header = "id\tn\ttext"

    /// Document `n` as a JSON line; every fifth text holds a tab and a line break.
    static func line(_ n: Int) -> String {
        let text = n % 5 == 0 ? "Report \(n):\\tfigures\\nfollow." : "Report \(n): the minister spoke."
        return #"{"id":"d\#(n)","text":"\#(text)","n":\#(n)}"# + "\n"
    }

    /// The TSV row of document `n`, its tab and line break escaped.
    static func row(_ n: Int) -> String {
        n % 5 == 0 ? "d\(n)\t\(n)\tReport \(n):\\tfigures\\nfollow." : "d\(n)\t\(n)\tReport \(n): the minister spoke."
    }

    /// A header and the rows of `documents`, as the sink writes them.
    static func file(_ documents: some Sequence<Int>) -> String {
        ([header] + documents.map(row)).joined(separator: "\n") + "\n"
    }

    func writePipeline(_ scratch: Scratch, input: String) {
        scratch.write(
            "p.yaml",
            """
            name: rows
            input: {path: \(input)}
            stages:
              - {type: tsv, path: out/rows.tsv, fields: [id, n, text]}
            output: {dead_letter: out/dead.jsonl, state: out/state.json}
            """
        )
    }

    /// Four files of three documents: file k holds documents 3k, 3k+1, 3k+2.
    func writeFiles(_ scratch: Scratch) throws {
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        for file in 0..<4 {
            scratch.write("in/f\(file).jsonl", (3 * file..<3 * file + 3).map(Self.line).joined())
        }
        writePipeline(scratch, input: "in/")
    }

    @Test func aRunWritesOneRowPerDocumentAndEachShardItsOwnPart() async throws {
        let whole = Scratch()
        try writeFiles(whole)
        let run = try await tool.run(["run", "p.yaml"], in: whole.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(whole.read("out/rows.tsv") == Self.file(0..<12))

        let scratch = Scratch()
        try writeFiles(scratch)
        for index in 0..<2 {
            let shard = try await tool.run(["run", "p.yaml", "--shard", "\(index)/2"], in: scratch.url)
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        // Files go to shards by position (file k to shard k mod 2), each shard's rows to its own part.
        #expect(scratch.read("out/rows/part-00000-of-00002.tsv") == Self.file([0, 1, 2, 6, 7, 8]))
        #expect(scratch.read("out/rows/part-00001-of-00002.tsv") == Self.file([3, 4, 5, 9, 10, 11]))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/rows.tsv")))
    }

    /// The stopped run commits the rows of what it read; the resumed run adds the others, each once, after them.
    @Test func anInterruptedRunResumedWritesEveryRowOnce() async throws {
        let documents = 1_200
        let input = (0..<documents).map(Self.line).joined()
        let scratch = Scratch()
        writePipeline(scratch, input: "in.jsonl")
        let pipe = scratch.path("in.jsonl")
        let stopped = try await InterruptedRun(
            tool: tool,
            arguments: ["p.yaml"],
            pipe: pipe,
            firstPart: (0..<300).map(Self.line).joined(),
            in: scratch.url
        )
        #expect(stopped.status == 143, "\(stopped.stderr)")
        let committed = try #require(stopped.inputRecords, "\(stopped.stderr)")
        #expect(committed > 0 && committed <= 300)
        #expect(scratch.read("out/rows.tsv") == Self.file(0..<committed))

        InterruptedRun.feed(input, to: pipe)
        let resumed = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resumed after \(committed) input records completed by an earlier run"))
        #expect(scratch.read("out/rows.tsv") == Self.file(0..<documents))
    }

    /// The TSV file must not be what the earlier run committed: the run state's fingerprint tells.
    @Test func aResumeRefusesARowsFileChangedSinceTheRun() async throws {
        let scratch = Scratch()
        try writeFiles(scratch)
        #expect(try await tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        scratch.write("out/rows.tsv", Self.file(0..<3))
        let resumed = try await tool.run(["run", "p.yaml", "--resume"], in: scratch.url)
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("'out/rows.tsv' is not the version the state 'out/state.json' records"))
    }

    @Test func aStreamLeavesTheSinkOutAndWritesNoFile() async throws {
        let scratch = Scratch()
        writePipeline(scratch, input: "in/")
        let input = (0..<3).map(Self.line).joined()
        let result = try await tool.run(["stream", "p.yaml"], stdin: input, in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == input, "the documents, on standard output instead of rows in a file")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }
}
