import Foundation
import Synchronization
import Logging
import Pipeline
import Testing

@testable import Stages

/// Its runs go through the concurrent runner, so a deadlock fails the suite instead of hanging it. The limit leaves
/// room for the full suite on 2 busy cores, where a run of a few hundred documents waited 88 s for the shared pool
/// (it takes well under a second alone).
@Suite(.timeLimit(.minutes(5))) struct DedupeStageTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func seed(_ name: String) throws -> String {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Dedupe")
        return try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The first seed with ad markers and a newsletter block added, as an aggregator republishes it.
    static func republished(_ text: String) -> String {
        "[ad_1]\nAdvertisement\n"
            + text.replacingOccurrences(of: "\n\n", with: "\n\n[ad_2]\n\n", options: [], range: nil)
            + "\n\nSign Up for Our Newsletters\nGet the best of the news delivered to your inbox every morning.\n"
    }

    func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dedupe-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func options(_ yaml: String) throws -> DedupeStage.Options {
        guard let node = try YAMLParser().parse(yaml, file: "t.yaml") else { return DedupeStage.Options() }
        return try YAMLNodeDecoder().decode(DedupeStage.Options.self, from: node)
    }

    func run(
        _ options: DedupeStage.Options,
        _ documents: [Document],
        concurrency: Int = 2,
        folder: String
    ) async throws -> (RunReport, [Document]) {
        let collected = Collected()
        let plan = PipelinePlan(
            name: "t",
            input: InputOptions(paths: []),
            output: OutputOptions(deadLetterPath: folder + "/dead.jsonl"),
            stages: [
                .init(name: "dedupe", typeName: "dedupe", stage: DedupeStage(options: options)),
                .init(name: "collect", typeName: "collect", stage: Collect(collected: collected)),
            ]
        )
        let report = try await PipelineRunner(plan: plan, logger: logger, concurrencyOverride: concurrency)
            .run(reader: { ArrayDocumentReader(documents: documents) })
        return (report, collected.documents)
    }

    @Test(arguments: [false, true])
    func republishedSeedIsADuplicateInEitherOrder(republishedFirst: Bool) async throws {
        let original = Document(id: "original", text: try Self.seed("000_b91e1b26261307a9.txt"))
        let copy = Document(id: "copy", text: Self.republished(original.text))
        let other = Document(id: "other", text: try Self.seed("002_b572a6a0bfdea77a.txt"))
        let documents = republishedFirst ? [copy, other, original] : [original, other, copy]
        let (report, output) = try await run(try options("action: mark"), documents, folder: folder())
        let first = republishedFirst ? "copy" : "original"
        let second = republishedFirst ? "original" : "copy"
        let byID = Dictionary(uniqueKeysWithValues: output.map { ($0.id, $0) })
        #expect(byID[first]?.fields["duplicate_of"] == .null)
        #expect(byID["other"]?.fields["duplicate_of"] == .null)
        #expect(byID[second]?.fields["duplicate_of"] == .string(first))
        #expect((byID[second]?.fields["similarity"]?.doubleValue ?? 0) > 0.85)
        #expect(report.stages[0].counters["near_duplicates"] == 1)
        #expect(report.stages[0].counters["index_size"] == 2)
    }

    @Test func dropRemovesDuplicatesAndCountsThem() async throws {
        let documents = [
            Document(id: "a", text: "The minister said the talks would resume next week in Seoul."),
            Document(id: "b", text: "THE MINISTER SAID: the talks would resume, next week in Seoul!"),
            Document(id: "c", text: "Completely different story about the weather in Tokyo today."),
        ]
        let (report, output) = try await run(try options("action: drop"), documents, folder: folder())
        #expect(output.map(\.id) == ["a", "c"])
        #expect(report.dropped == ["dedupe: duplicate": 1])
        #expect(report.stages[0].counters["exact_duplicates"] == 1)
        #expect(report.isBalanced)
    }

    @Test func resultsDoNotDependOnConcurrency() async throws {
        let base = try Self.seed("000_b91e1b26261307a9.txt")
        let documents = (0..<300).map { number in
            Document(
                id: "d\(number)",
                text: number % 3 == 0 ? base + " Update \(number / 30)." : "Story \(number) " + base.suffix(200)
            )
        }
        let (_, one) = try await run(try options("action: mark"), documents, concurrency: 1, folder: folder())
        let (_, eight) = try await run(try options("action: mark"), documents, concurrency: 8, folder: folder())
        #expect(one == eight)
        #expect(one.filter { $0.fields["duplicate_of"] != .null }.count > 100)
    }

    @Test func aSharedIndexRemembersEarlierRuns() async throws {
        let dir = folder()
        let options = try options("action: mark\nindex: \(dir)/index.sqlite")
        let first = try Self.seed("000_b91e1b26261307a9.txt")
        let second = try Self.seed("002_b572a6a0bfdea77a.txt")
        let (report1, output1) = try await run(
            options,
            [Document(id: "one", text: first), Document(id: "two", text: second)],
            folder: dir
        )
        #expect(output1.map { $0.fields["duplicate_of"] } == [.null, .null])
        #expect(report1.stages[0].counters["index_loaded"] == 0)
        let (report2, output2) = try await run(
            options,
            [Document(id: "two-again", text: second), Document(id: "one-republished", text: Self.republished(first))],
            folder: dir
        )
        #expect(report2.stages[0].counters["index_loaded"] == 2)
        #expect(output2.map { $0.fields["duplicate_of"] } == [.string("two"), .string("one")])
        #expect(report2.stages[0].counters["index_size"] == 2)
    }

    @Test func rerunningTheSameInputWithAnIndexGivesTheSameOutput() async throws {
        let dir = folder()
        let options = try options("action: mark\nindex: \(dir)/index.sqlite")
        let first = try Self.seed("000_b91e1b26261307a9.txt")
        let documents = [
            Document(id: "one", text: first), Document(id: "copy", text: Self.republished(first)),
            Document(id: "two", text: try Self.seed("002_b572a6a0bfdea77a.txt")),
        ]
        let (_, run1) = try await run(options, documents, folder: dir)
        let (report2, run2) = try await run(options, documents, folder: dir)
        #expect(run1 == run2)
        #expect(run2.map { $0.fields["duplicate_of"] } == [.null, .string("one"), .null])
        #expect(report2.stages[0].counters["seen_before"] == 2)
        #expect(report2.stages[0].counters["index_size"] == 2)
    }

    @Test func anIndexMadeWithOtherSettingsIsRefused() async throws {
        let dir = folder()
        _ = try await run(
            try options("index: \(dir)/i.sqlite"),
            [Document(id: "a", text: "Some text here.")],
            folder: dir
        )
        let error = await #expect(throws: SQLiteDatabase.Failure.self) {
            _ = try await run(
                try options("index: \(dir)/i.sqlite\nshingle_size: 3"),
                [Document(id: "a", text: "x")],
                folder: dir
            )
        }
        #expect(
            error?.description
                == "SQLite database '\(dir)/i.sqlite': cannot use the dedupe index: it holds signatures made with "
                + "minhash32;shingle=5;permutations=128;seed=110386639892581, this stage makes "
                + "minhash32;shingle=3;permutations=128;seed=110386639892581; use the same shingle_size and "
                + "permutations, or another index file"
        )
    }

    @Test func optionsAreRangeChecked() {
        let threshold = #expect(throws: ConfigurationError.self) { try options("threshold: 1.5") }
        #expect(
            threshold?.description == "t.yaml:1:12: error: threshold: expected a value between 0.05 and 1.0, found 1.5"
        )
        let action = #expect(throws: ConfigurationError.self) { try options("action: remove") }
        #expect(action?.description == #"t.yaml:1:9: error: action: expected one of mark, drop, found "remove""#)
    }
}

/// Collects what reaches it.
private final class Collected: Sendable {
    private let storage = Mutex<[Document]>([])
    var documents: [Document] { storage.withLock { $0 } }
    func append(_ document: Document) { storage.withLock { $0.append(document) } }
}

private struct Collect: Stage {
    let collected: Collected
    func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        for try await document in input {
            collected.append(document)
            await output.emit(document)
        }
    }
}
