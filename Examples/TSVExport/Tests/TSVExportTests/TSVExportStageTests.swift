import Foundation
import Logging
import Pipeline
import Testing

@testable import TSVExport

/// The example sink, run in process through a real plan; `TSVExportExampleTests` (PipelineCLITests) runs its binary
/// with `run --shard`, `run --resume` and `stream`.
@Suite struct TSVExportStageTests {
    let registry = try! StageRegistry().registering(TSVExportStage.self)

    func plan(_ stage: String) throws -> PipelinePlan {
        let loader = PipelineLoader(registry: registry, environment: [:])
        let (root, source) = try loader.parse(text: "input: {path: in.jsonl}\nstages:\n  - \(stage)\n", file: "p.yaml")
        return try loader.plan(from: root, source: source)
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tsv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAHeaderThenOneEscapedRowPerDocument() async throws {
        let path = try folder().appendingPathComponent("out/rows.tsv").path
        let plan = try plan("{type: tsv, path: '\(path)', fields: [id, text, n, tags, missing]}")
        var tagged = Document(id: "b", text: #"Two\lines:"# + "\nsecond\tcolumn?")
        tagged.fields["n"] = .integer(2)
        tagged.fields["tags"] = .array([.string("x"), .string("y")])
        var plain = Document(id: "a", text: "Plain text.")
        plain.fields["n"] = .string("one")
        let documents = [plain, tagged]
        let runner = PipelineRunner(plan: plan, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        let report = try await runner.run(reader: { ArrayDocumentReader(documents: documents) })
        #expect(report.written == 2)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            written == """
                id\ttext\tn\ttags\tmissing
                a\tPlain text.\tone\t\t
                b\tTwo\\\\lines:\\nsecond\\tcolumn?\t2\t["x","y"]\t

                """
        )
    }

    @Test func aShardWritesItsPartAndAStreamLeavesTheSinkOut() throws {
        let plan = try plan("{type: tsv, path: out/rows.tsv}")
        #expect(plan.fileOutputs == [StageFileOutput(path: "out/rows.tsv", resumption: .appended)])
        let part = plan.sharded(try Shard(index: 1, count: 4)).fileOutputs.map(\.path)
        #expect(part == ["out/rows/part-00001-of-00004.tsv"])
        #expect(try plan.forStream().stages.isEmpty)
    }

    @Test func requiresAPath() {
        let error = #expect(throws: ConfigurationErrors.self) { try plan("{type: tsv, fields: [id]}") }
        #expect(error?.errors.map(\.message) == ["missing required key 'path'"])
    }

    @Test func rejectsAnEmptyFieldList() {
        let error = #expect(throws: ConfigurationErrors.self) { try plan("{type: tsv, path: o.tsv, fields: []}") }
        #expect(
            error?.errors.map(\.description) == [
                """
                p.yaml:3:38: error: stages[0].fields: expected at least one field
                  - {type: tsv, path: o.tsv, fields: []}
                                                     ^
                """
            ]
        )
    }
}
