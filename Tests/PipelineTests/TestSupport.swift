import Foundation
import Logging
import Synchronization

@testable import Pipeline

/// A fresh temporary folder for one test.
struct TemporaryFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-tests-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = file(name)
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A logger that discards everything.
let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// Collects the documents that reach it, in order, and passes them on.
final class CollectedDocuments: Sendable {
    private let storage = Mutex<[Document]>([])
    var documents: [Document] { storage.withLock { $0 } }
    func append(_ document: Document) { storage.withLock { $0.append(document) } }
}

/// A sequential test stage that records what it sees.
struct CollectingStage: Stage {
    let collected: CollectedDocuments

    func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        for try await document in input {
            collected.append(document)
            await output.emit(document)
        }
    }
}

/// Makes a plan from stages for tests.
func makePlan(_ stages: [(String, any Stage, ErrorPolicy, Int?)], deadLetter: String) -> PipelinePlan {
    PipelinePlan(
        name: "test",
        input: InputOptions(paths: []),
        output: OutputOptions(deadLetterPath: deadLetter),
        stages: stages.map { name, stage, policy, concurrency in
            PipelinePlan.PlannedStage(
                name: name,
                typeName: name,
                concurrency: concurrency,
                errorPolicy: policy,
                stage: stage
            )
        }
    )
}

/// Documents `doc-0` ... `doc-(n-1)` with text "text i".
func makeDocuments(_ count: Int) -> [Document] {
    (0..<count).map { Document(id: "doc-\($0)", text: "text \($0)") }
}
