import Foundation
import Logging
import Pipeline
import Testing

@testable import Stages

/// Its runs go through the concurrent runner, so a deadlock fails the suite instead of hanging it. The limit leaves
/// room for the full suite on 2 busy cores, where a run of a few hundred documents waited 88 s for the shared pool
/// (it takes well under a second alone).
@Suite(.timeLimit(.minutes(5))) struct ExportStageTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func run(_ stages: [any Stage], documents: [Document], deadLetter: String) async throws -> RunReport {
        let plan = PipelinePlan(
            name: "t",
            input: InputOptions(paths: []),
            output: OutputOptions(deadLetterPath: deadLetter),
            stages: stages.enumerated().map {
                PipelinePlan.PlannedStage(name: "s\($0.offset)", typeName: "s", stage: $0.element)
            }
        )
        return try await PipelineRunner(plan: plan, logger: logger).run(reader: {
            ArrayDocumentReader(documents: documents)
        })
    }

    /// The stage's options, decoded from a YAML mapping as a pipeline file would give them.
    func options(_ yaml: String) throws -> ExportStage.Options {
        let node = try #require(try YAMLParser().parse(yaml, file: "t.yaml"))
        return try YAMLNodeDecoder().decode(ExportStage.Options.self, from: node)
    }

    @Test func writesCSVWithQuotingAndFormulaEscaping() async throws {
        let dir = folder()
        let documents = [
            Document(id: "a", text: "plain", fields: ["n": .integer(1)]),
            Document(id: "=HYPERLINK(\"x\")", text: "has, comma\nand \"quotes\"", fields: ["n": .string("+1")]),
            Document(id: "-2", text: "@user", fields: [:]),
        ]
        let stage = ExportStage(options: try options("{format: csv, path: '\(dir)/out.csv', fields: [id, text, n]}"))
        let report = try await run([stage], documents: documents, deadLetter: dir + "/dead.jsonl")
        #expect(report.written == 3)
        let csv = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8)
        #expect(
            csv
                == "id,text,n\r\nа,plain,1\r\n".replacingOccurrences(of: "а", with: "a")
                + "\"'=HYPERLINK(\"\"x\"\")\",\"has, comma\nand \"\"quotes\"\"\",'+1\r\n'-2,'@user,\r\n"
        )
    }

    @Test func csvSafetyCanBeTurnedOff() async throws {
        let dir = folder()
        let stage = ExportStage(
            options: try options("{format: csv, path: '\(dir)/out.csv', fields: [id], csv_safe: false}")
        )
        _ = try await run([stage], documents: [Document(id: "=1+1", text: "x")], deadLetter: dir + "/dead.jsonl")
        #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8) == "id\r\n=1+1\r\n")
    }

    /// Fails on the document with id "boom".
    struct Bomb: DocumentStage {
        struct Boom: Error {}
        func process(_ document: Document, context: StageContext) async throws -> StageResult {
            if document.id == "boom" { throw Boom() }
            return .keep(document)
        }
    }

    @Test func aFailedRunLeavesThePreviousFileAndNoTemporaryFile() async throws {
        let dir = folder()
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: dir + "/out.jsonl"))
        let export = ExportStage(options: .init(path: dir + "/out.jsonl"))
        var documents = (0..<500).map { Document(id: "d\($0)", text: "t") }
        documents.append(Document(id: "boom", text: "t"))
        let failure = await #expect(throws: StageFailure.self) {
            _ = try await run([export, Bomb()], documents: documents, deadLetter: dir + "/dead.jsonl")
        }
        #expect(failure?.description == "stage 's1' failed on document 'boom' (<memory>): Boom()")
        #expect(try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["out.jsonl"])
    }

    @Test func jsonLinesOutputReplacesThePreviousFileOnSuccess() async throws {
        let dir = folder()
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: dir + "/out.jsonl"))
        let export = ExportStage(options: .init(path: dir + "/out.jsonl"))
        _ = try await run(
            [export],
            documents: [Document(id: "x", text: "T", fields: ["b": .bool(true)])],
            deadLetter: dir + "/dead.jsonl"
        )
        #expect(
            try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8)
                == "{\"id\":\"x\",\"text\":\"T\",\"b\":true}\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["dead.jsonl", "out.jsonl"])
    }

    @Test func anUnwritableDestinationFailsBeforeReading() async throws {
        let dir = folder()
        try Data().write(to: URL(fileURLWithPath: dir + "/file"))
        let export = ExportStage(options: .init(path: dir + "/file/out.jsonl"))
        await #expect(
            throws: FileAccessError(
                path: dir + "/file",
                operation: "create folder",
                reason: "a file of that name exists"
            )
        ) {
            _ = try await run([export], documents: [Document(id: "x", text: "T")], deadLetter: dir + "/dead.jsonl")
        }
    }

    @Test func sqliteExportUpsertsByIDAndIndexesText() async throws {
        let dir = folder()
        let path = dir + "/news.db"
        let export = ExportStage(options: try options("{format: sqlite, path: '\(path)'}"))
        let tricky = "x'); DROP TABLE documents; --"
        let first = [
            Document(
                id: "a",
                text: "Mike Pompeo met the foreign minister.",
                fields: [
                    "summary": .string("Pompeo met."), "duplicate_of": .null, "topic": .string("diplomacy"),
                    "entity_summary": .array([
                        .object(["name": .string("Mike Pompeo"), "label": .string("PERSON"), "count": .integer(2)])
                    ]),
                ]
            ),
            Document(
                id: tricky,
                text: "Robert'); DROP TABLE entities;-- \"quoted\"",
                fields: ["duplicate_of": .string("a")]
            ),
        ]
        _ = try await run([export], documents: first, deadLetter: dir + "/dead.jsonl")
        let rerun = [Document(id: "a", text: "Updated text about Biden.", fields: ["summary": .string("Biden.")])]
        _ = try await run([export], documents: rerun, deadLetter: dir + "/dead.jsonl")

        let database = try SQLiteDatabase(path: path)
        #expect(try database.query("SELECT count(*) FROM documents") == [[.integer(2)]])
        #expect(
            try database.query("SELECT text, summary, duplicate_of FROM documents WHERE id = ?", [.text(tricky)])
                == [[.text("Robert'); DROP TABLE entities;-- \"quoted\""), .null, .text("a")]]
        )
        #expect(
            try database.query("SELECT text, summary FROM documents WHERE id = 'a'") == [
                [.text("Updated text about Biden."), .text("Biden.")]
            ]
        )
        #expect(try database.query("SELECT id FROM documents_fts WHERE documents_fts MATCH 'Biden'") == [[.text("a")]])
        #expect(try database.query("SELECT id FROM documents_fts WHERE documents_fts MATCH 'Pompeo'").isEmpty)
        #expect(try database.query("SELECT count(*) FROM entities") == [[.integer(0)]])
        #expect(try database.query("PRAGMA integrity_check") == [[.text("ok")]])
    }

    @Test func sqliteExportKeepsThePreviousDatabaseWhenTheRunFails() async throws {
        let dir = folder()
        let path = dir + "/news.db"
        let export = ExportStage(options: try options("{format: sqlite, path: '\(path)'}"))
        _ = try await run(
            [export],
            documents: [Document(id: "kept", text: "First run.")],
            deadLetter: dir + "/dead.jsonl"
        )
        let documents = (0..<300).map { Document(id: "d\($0)", text: "t") } + [Document(id: "boom", text: "t")]
        let failure = await #expect(throws: StageFailure.self) {
            _ = try await run([export, Bomb()], documents: documents, deadLetter: dir + "/dead.jsonl")
        }
        #expect(failure?.description == "stage 's1' failed on document 'boom' (<memory>): Boom()")
        let database = try SQLiteDatabase(path: path)
        #expect(try database.query("SELECT id FROM documents") == [[.text("kept")]])
    }
}
