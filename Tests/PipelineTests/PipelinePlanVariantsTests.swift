import Testing

@testable import Pipeline

/// The plan's variants ask stages through their capabilities, so a user's stage gets shard parts, resume
/// fingerprints and stream handling exactly as a built-in one.
@Suite struct PipelinePlanVariantsTests {
    /// A user's sink: a TSV file appended to on resume, plus an SQLite-like file updated in place.
    struct TSVSinkStage: DocumentSinkStage {
        let path: String
        let lookup: String

        var fileOutputs: [StageFileOutput] {
            [
                StageFileOutput(path: path, resumption: .appended),
                StageFileOutput(path: lookup, resumption: .updatedInPlace),
            ]
        }

        func relocatingFileOutputs(_ relocate: (String) -> String) -> TSVSinkStage {
            TSVSinkStage(path: relocate(path), lookup: relocate(lookup))
        }

        func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
            for try await document in input { await output.emit(document) }
        }
    }

    /// A stage that keeps a file between runs and runs without it in a stream.
    struct IndexedStage: FileOutputStage, StreamModeStage {
        let index: String?

        var fileOutputs: [StageFileOutput] {
            index.map { [StageFileOutput(path: $0, resumption: .updatedInPlace)] } ?? []
        }

        func relocatingFileOutputs(_ relocate: (String) -> String) -> IndexedStage {
            IndexedStage(index: index.map(relocate))
        }

        func streamMode() -> StreamMode { index == nil ? .unchanged : .replaced(by: IndexedStage(index: nil)) }

        func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
            for try await document in input { await output.emit(document) }
        }
    }

    /// A stage that cannot run in a stream.
    struct LedgerStage: StreamModeStage {
        func streamMode() -> StreamMode { .refused(reason: "it needs the whole input; use run") }
        func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
            for try await document in input { await output.emit(document) }
        }
    }

    func plan(_ stages: [(String, any Stage)]) -> PipelinePlan {
        PipelinePlan(
            name: "news",
            input: InputOptions(paths: ["seeds/*.txt"]),
            output: OutputOptions(deadLetterPath: "out/news.dead.jsonl", statsPath: "out/news.stats.json"),
            stages: stages.map { PipelinePlan.PlannedStage(name: $0.0, typeName: $0.0, stage: $0.1) }
        )
    }

    /// A user's sink writing one file it appends to (the shape `--output` can redirect).
    struct JSONLinesSinkStage: DocumentSinkStage {
        let path: String
        var fileOutputs: [StageFileOutput] { [StageFileOutput(path: path, resumption: .appended)] }
        func relocatingFileOutputs(_ relocate: (String) -> String) -> JSONLinesSinkStage {
            JSONLinesSinkStage(path: relocate(path))
        }
        func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
            for try await document in input { await output.emit(document) }
        }
    }

    /// The registry's default sink, as `StageRegistry.builtIn` registers `export`.
    let defaultSink = DefaultDocumentSink(typeName: "export") { JSONLinesSinkStage(path: $0) }

    @Test func outputRedirectsTheLastSinkThatAppendsToOneFile() {
        let original = plan([
            ("first", JSONLinesSinkStage(path: "out/a.jsonl")),
            ("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db")),
            ("last", JSONLinesSinkStage(path: "out/b.jsonl")),
        ])
        let directed = original.directingDocuments(to: "elsewhere.jsonl", defaultSink: defaultSink)
        #expect(directed.stages.map(\.name) == ["first", "tsv", "last"])
        #expect(
            directed.fileOutputs.map(\.path) == ["out/a.jsonl", "out/news.tsv", "out/lookup.db", "elsewhere.jsonl"]
        )
    }

    @Test func outputAddsTheDefaultSinkWhenNoSinkCanTakeIt() {
        let original = plan([("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db"))])
        #expect(original.directingDocuments(to: nil, defaultSink: defaultSink).stages.map(\.name) == ["tsv"])
        let directed = original.directingDocuments(to: "all.jsonl", defaultSink: defaultSink)
        #expect(directed.stages.map(\.name) == ["tsv", "export"])
        #expect(directed.fileOutputs.map(\.path) == ["out/news.tsv", "out/lookup.db", "all.jsonl"])
    }

    @Test func aPlanWithoutSinkWritesToStandardOutputUnderAFreeName() {
        let original = plan([("export", CollectingStage(collected: CollectedDocuments()))])
        let directed = original.directingDocuments(to: nil, defaultSink: defaultSink)
        #expect(directed.stages.map(\.name) == ["export", "export#1"])
        #expect(directed.fileOutputs.map(\.path) == ["-"])
        #expect(directed.hasDocumentSink)
        #expect(original.directingDocuments(to: nil, defaultSink: nil).stages.count == 1)
    }

    @Test func aShardWritesEveryFileOutputOfEveryStageAsItsPart() throws {
        let original = plan([
            ("indexed", IndexedStage(index: "out/index.sqlite")),
            ("plain", CollectingStage(collected: CollectedDocuments())),
            ("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db")),
        ])
        let sharded = original.sharded(try Shard(index: 2, count: 8))
        #expect(
            sharded.fileOutputs.map(\.path) == [
                "out/index/part-00002-of-00008.sqlite", "out/news/part-00002-of-00008.tsv",
                "out/lookup/part-00002-of-00008.db",
            ]
        )
        #expect(sharded.deadLetterPath == "out/news.dead/part-00002-of-00008.jsonl")
        #expect(sharded.statePath == "out/news.state/part-00002-of-00008.json")
        #expect(sharded.output.statsPath == "out/news.stats/part-00002-of-00008.json")
        #expect(sharded.stages.map(\.name) == ["indexed", "plain", "tsv"])
        // The original plan is unchanged.
        #expect(original.fileOutputs.map(\.path) == ["out/index.sqlite", "out/news.tsv", "out/lookup.db"])
        #expect(original.deadLetterPath == "out/news.dead.jsonl")
    }

    @Test func theWholeInputKeepsThePaths() {
        let original = plan([("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db"))])
        #expect(original.sharded(.whole).fileOutputs.map(\.path) == ["out/news.tsv", "out/lookup.db"])
        #expect(original.sharded(.whole).deadLetterPath == "out/news.dead.jsonl")
    }

    @Test func onlyAppendedFilesAreFingerprinted() {
        let original = plan([
            ("indexed", IndexedStage(index: "out/index.sqlite")),
            ("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db")),
            ("stdout", TSVSinkStage(path: "-", lookup: "out/other.db")),
        ])
        #expect(original.fileOutputs.filter(\.isFingerprinted).map(\.path) == ["out/news.tsv"])
        #expect(original.sharded(try! Shard(index: 0, count: 2)).fileOutputs.contains { $0.path == "-" })
    }

    @Test func aStreamLeavesSinksOutReplacesAndReadsStandardInput() throws {
        let original = plan([
            ("indexed", IndexedStage(index: "out/index.sqlite")),
            ("plain", CollectingStage(collected: CollectedDocuments())),
            ("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db")),
        ])
        let stream = try original.forStream(textField: "body")
        #expect(stream.stages.map(\.name) == ["indexed", "plain"])
        #expect(stream.fileOutputs.isEmpty)
        #expect(!stream.hasDocumentSink)
        #expect(original.hasDocumentSink)
        #expect(stream.input.paths == ["-"])
        #expect(stream.input.format == .jsonl)
        #expect(stream.input.textField == "body")
        #expect(try original.forStream().input.textField == original.input.textField)
    }

    @Test func isolatingFromFilesKeepsTheInput() throws {
        let original = plan([
            ("indexed", IndexedStage(index: "out/index.sqlite")),
            ("tsv", TSVSinkStage(path: "out/news.tsv", lookup: "out/lookup.db")),
        ])
        let isolated = try original.isolatedFromFiles()
        #expect(isolated.stages.map(\.name) == ["indexed"])
        #expect(isolated.fileOutputs.isEmpty)
        #expect(isolated.input.paths == ["seeds/*.txt"])
        #expect(isolated.input.format == original.input.format)
    }

    @Test func aStageCanRefuseToRunInAStream() {
        let original = plan([("ledger", LedgerStage())])
        let error = #expect(throws: StreamModeRefusal.self) { try original.forStream() }
        #expect(error?.description == "stage 'ledger' cannot run in a stream: it needs the whole input; use run")
    }

    @Test func replacingAStageKeepsItsEntry() {
        let original = PipelinePlan(
            name: "news",
            input: InputOptions(paths: []),
            stages: [
                PipelinePlan.PlannedStage(
                    name: "dedupe",
                    typeName: "dedupe",
                    concurrency: 3,
                    errorPolicy: .deadLetter,
                    stage: IndexedStage(index: nil)
                )
            ]
        )
        let replaced = original.replacingStage(at: 0, with: TSVSinkStage(path: "a.tsv", lookup: "b.db"))
        #expect(replaced.stages[0].name == "dedupe")
        #expect(replaced.stages[0].concurrency == 3)
        #expect(replaced.stages[0].errorPolicy == .deadLetter)
        #expect(replaced.stages[0].isDocumentSink)
        #expect(!original.stages[0].isDocumentSink)
    }
}
