import Foundation
import Logging
import Pipeline
import Testing

@testable import KeywordTagger

@Suite struct KeywordTaggerStageTests {
    let context = StageContext(
        name: "keywords",
        typeName: "keywords",
        logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }
    )

    func stage(_ yaml: String) throws -> KeywordTaggerStage {
        let node = try YAMLParser().parse(yaml, file: "test.yaml")!
        return KeywordTaggerStage(options: try YAMLNodeDecoder().decode(KeywordTaggerStage.Options.self, from: node))
    }

    @Test func tagsWholeWordsIgnoringCase() async throws {
        let tagger = try stage("keywords: [Korea, sanctions, nuclear]")
        let text = "South KOREA and the US discussed nuclear talks; no sanction was announced."
        let result = try await tagger.process(Document(id: "a", text: text), context: context)
        guard case .keep(let document) = result else {
            Issue.record("expected the document to be kept")
            return
        }
        #expect(document.fields["keywords"] == .array([.string("Korea"), .string("nuclear")]))
    }

    @Test func dropsUntaggedDocumentsWhenAsked() async throws {
        let tagger = try stage("keywords: [election]\ndrop_untagged: true\nfield: tags")
        #expect(
            try await tagger.process(Document(id: "a", text: "Weather report."), context: context)
                == .drop(reason: "no keyword")
        )
    }

    @Test func rejectsAnEmptyKeywordList() {
        let error = #expect(throws: ConfigurationError.self) { try stage("keywords: []") }
        #expect(error?.message == "expected a non-empty list of non-empty keywords")
        #expect(error?.keyPath == "keywords")
        #expect(error?.location?.column == 11)
    }

    @Test func requiresKeywords() {
        let error = #expect(throws: ConfigurationError.self) { try stage("field: tags") }
        #expect(error?.message == "missing required key 'keywords'")
    }
}
