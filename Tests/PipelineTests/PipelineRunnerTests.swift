import Foundation
import Synchronization
import Testing

@testable import Pipeline

/// Appends the stage's name to the text after a delay that varies by document, so concurrent batches finish out
/// of order.
private struct JitterStage: DocumentStage {
    let tag: String

    func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let number = Int(document.id.split(separator: "-").last ?? "0") ?? 0
        try await Task.sleep(for: .microseconds((number * 7919) % 5 * 200))
        var result = document
        result.text += " " + tag
        return .keep(result)
    }
}

/// Fails on documents whose number is a multiple of `every`.
private struct FailingStage: DocumentStage {
    struct Boom: Error, CustomStringConvertible {
        let id: String
        var description: String { "boom on \(id)" }
    }
    let every: Int

    func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let number = Int(document.id.split(separator: "-").last ?? "0") ?? 0
        if number % every == 0 { throw Boom(id: document.id) }
        return .keep(document)
    }
}

/// Drops documents with an odd number.
private struct OddDropStage: DocumentStage {
    func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let number = Int(document.id.split(separator: "-").last ?? "0") ?? 0
        return number % 2 == 1 ? .drop(reason: "odd") : .keep(document)
    }
}

/// Records the largest gap between documents the first stage has seen and documents the last stage has finished.
private final class Gauge: Sendable {
    private let state = Mutex<(seen: Int, done: Int, maxGap: Int)>((0, 0, 0))
    func saw() {
        state.withLock {
            $0.seen += 1; $0.maxGap = max($0.maxGap, $0.seen - $0.done)
        }
    }
    func finished() { state.withLock { $0.done += 1 } }
    var maxGap: Int { state.withLock { $0.maxGap } }
}

private struct CountingStage: DocumentStage {
    let gauge: Gauge
    func process(_ document: Document, context: StageContext) async throws -> StageResult {
        gauge.saw()
        return .keep(document)
    }
}

private struct SlowSinkStage: Stage {
    let gauge: Gauge
    func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        for try await document in input {
            try await Task.sleep(for: .microseconds(50))
            gauge.finished()
            await output.emit(document)
        }
    }
}

/// Requests a graceful stop once it has seen `after` documents.
private struct StopAfterStage: DocumentStage {
    let shutdown: ShutdownSignal
    let after: Int
    let seen = StageCounters()
    func process(_ document: Document, context: StageContext) async throws -> StageResult {
        seen.add(to: "seen")
        let count = seen.snapshot["seen"] ?? 0
        if count == after { shutdown.request(reason: "SIGTERM") }
        return .keep(document)
    }
}

/// Signals once it has passed its first document on, so a test knows the run is under way.
private struct StartedStage: DocumentStage {
    let started: AsyncStream<Void>.Continuation

    func process(_ document: Document, context: StageContext) async throws -> StageResult {
        started.yield()
        return .keep(document)
    }
}

@Suite(.timeLimit(.minutes(5))) struct PipelineRunnerTests {
    func run(
        _ plan: PipelinePlan,
        documents: [Document],
        concurrency: Int? = nil,
        shutdown: ShutdownSignal = ShutdownSignal()
    ) async throws -> RunReport {
        let runner = PipelineRunner(plan: plan, logger: quietLogger, concurrencyOverride: concurrency)
        return try await runner.run(reader: { ArrayDocumentReader(documents: documents) }, shutdown: shutdown)
    }

    @Test(arguments: [1, 8])
    func keepsInputOrderAtAnyConcurrency(concurrency: Int) async throws {
        let folder = TemporaryFolder()
        let collected = CollectedDocuments()
        let plan = makePlan(
            [
                ("a", JitterStage(tag: "a"), .fail, nil), ("b", JitterStage(tag: "b"), .fail, nil),
                ("collect", CollectingStage(collected: collected), .fail, nil),
            ],
            deadLetter: folder.file("dead.jsonl")
        )
        let report = try await run(plan, documents: makeDocuments(500), concurrency: concurrency)
        #expect(collected.documents.map(\.id) == (0..<500).map { "doc-\($0)" })
        #expect(collected.documents.map(\.text) == (0..<500).map { "text \($0) a b" })
        #expect(report.written == 500)
        #expect(report.isBalanced)
    }

    @Test func boundsDocumentsInFlight() async throws {
        let folder = TemporaryFolder()
        let gauge = Gauge()
        let plan = makePlan(
            [("count", CountingStage(gauge: gauge), .fail, 2), ("sink", SlowSinkStage(gauge: gauge), .fail, nil)],
            deadLetter: folder.file("dead.jsonl")
        )
        let report = try await run(plan, documents: makeDocuments(3_000))
        #expect(report.written == 3_000)
        // Reader batch + 2 in the counting stage + 1 waiting to be sent + 1 being consumed + the sink's pending batch.
        let bound = BatchLimit.standard.entries * 6
        #expect(gauge.maxGap <= bound, "gap \(gauge.maxGap) exceeds \(bound)")
        #expect(gauge.maxGap >= BatchLimit.standard.entries)
    }

    @Test func failPolicyStopsTheRunWithTheDocument() async throws {
        let folder = TemporaryFolder()
        folder.write("dead.jsonl", "previous\n")
        let plan = makePlan([("fragile", FailingStage(every: 250), .fail, nil)], deadLetter: folder.file("dead.jsonl"))
        let failure = await #expect(throws: StageFailure.self) {
            try await run(plan, documents: makeDocuments(100_000))
        }
        #expect(failure?.description == "stage 'fragile' failed on document 'doc-0' (<memory>): boom on doc-0")
        #expect(folder.read("dead.jsonl") == "previous\n", "a failed run leaves the previous dead-letter file")
    }

    @Test func deadLetterPolicyWritesRecordsInInputOrder() async throws {
        let folder = TemporaryFolder()
        let plan = makePlan(
            [("jitter", JitterStage(tag: "j"), .fail, nil), ("fragile", FailingStage(every: 100), .deadLetter, nil)],
            deadLetter: folder.file("dead.jsonl")
        )
        let report = try await run(plan, documents: makeDocuments(1_000), concurrency: 4)
        #expect(report.written == 990)
        #expect(report.deadLettered == 10)
        #expect(report.isBalanced)
        let lines = folder.read("dead.jsonl")!.split(separator: "\n").map(String.init)
        #expect(lines.count == 10)
        #expect(
            lines.first
                == #"{"document":{"id":"doc-0","text":"text 0 j"},"error":"boom on doc-0","id":"doc-0","source":{"path":"<memory>"},"stage":"fragile"}"#
        )
        let ids = try lines.map { try JSONParser().parse($0).objectValue!["id"]!.stringValue! }
        #expect(ids == (0..<10).map { "doc-\($0 * 100)" })
        #expect(report.stages[1].deadLettered == 10)
        #expect(report.stages[1].failed == 10)
    }

    @Test func skipPolicyDropsAndCounts() async throws {
        let folder = TemporaryFolder()
        let plan = makePlan([("fragile", FailingStage(every: 10), .skip, nil)], deadLetter: folder.file("dead.jsonl"))
        let report = try await run(plan, documents: makeDocuments(100))
        #expect(report.written == 90)
        #expect(report.dropped == ["fragile: error": 10])
        #expect(report.deadLettered == 0)
        #expect(report.isBalanced)
        #expect(folder.read("dead.jsonl") == "")
    }

    @Test func accountingHoldsWithDropsInvalidInputAndFailures() async throws {
        let folder = TemporaryFolder()
        var records = makeDocuments(200).map(InputRecord.document)
        records.insert(
            .invalid(
                RemovedDocument(
                    id: "bad",
                    source: DocumentSource(path: "x.jsonl", line: 3),
                    stage: "input",
                    disposition: .deadLettered(error: "line 3: invalid JSON"),
                    document: nil
                )
            ),
            at: 50
        )
        let plan = makePlan(
            [("odd", OddDropStage(), .fail, nil), ("fragile", FailingStage(every: 10), .deadLetter, nil)],
            deadLetter: folder.file("dead.jsonl")
        )
        let runner = PipelineRunner(plan: plan, logger: quietLogger)
        let input = records
        let report = try await runner.run(reader: { ArrayDocumentReader(input) })
        #expect(report.inputRecords == 201)
        #expect(report.invalidInput == 1)
        #expect(report.dropped == ["odd: odd": 100])
        #expect(report.deadLettered == 1 + 20)
        #expect(report.written == 80)
        #expect(report.isBalanced)
        #expect(report.stages[0].documentsIn == 200)
        #expect(report.stages[0].documentsOut == 100)
        #expect(report.stages[1].documentsIn == 100)
        let ids = folder.read("dead.jsonl")!.split(separator: "\n").map {
            try! JSONParser().parse(String($0)).objectValue!["id"]!.stringValue!
        }
        #expect(ids.prefix(6) == ["doc-0", "doc-10", "doc-20", "doc-30", "doc-40", "bad"])
    }

    @Test func gracefulStopDrainsWhatWasRead() async throws {
        let folder = TemporaryFolder()
        let shutdown = ShutdownSignal()
        let collected = CollectedDocuments()
        let plan = makePlan(
            [
                ("stop", StopAfterStage(shutdown: shutdown, after: 100), .fail, 1),
                ("collect", CollectingStage(collected: collected), .fail, nil),
            ],
            deadLetter: folder.file("dead.jsonl")
        )
        let report = try await run(plan, documents: makeDocuments(1_000_000), shutdown: shutdown)
        #expect(report.interruption == "SIGTERM")
        #expect(report.inputRecords < 1_000)
        #expect(report.inputRecords >= 100)
        #expect(report.written == report.inputRecords)
        #expect(collected.documents.map(\.id) == (0..<report.inputRecords).map { "doc-\($0)" })
    }

    @Test func cancellationReachesEveryTask() async throws {
        let folder = TemporaryFolder()
        let (started, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let plan = makePlan(
            [("started", StartedStage(started: signal), .fail, nil), ("jitter", JitterStage(tag: "j"), .fail, nil)],
            deadLetter: folder.file("dead.jsonl")
        )
        let task = Task { try await run(plan, documents: makeDocuments(1_000_000)) }
        var iterator = started.makeAsyncIterator()
        #expect(await iterator.next() != nil, "the run started")
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!FileManager.default.fileExists(atPath: folder.file("dead.jsonl")))
    }
}
