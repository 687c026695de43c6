import Foundation
import Logging
import Pipeline
import Testing

@testable import Stages

/// Inputs found by the fuzz targets (scripts/fuzz.sh), pinned with their exact outcome.
@Suite("Fuzz regressions: Stages")
struct StagesFuzzRegressionTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Fuzz/\(name)")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// summarize target: a first line made only of a multi-byte closing quote or bracket (`”`, `’`, `»`) made the
    /// headline check step back one byte before the line, reading outside the text. Such a line is a headline now
    /// (it has no final punctuation).
    @Test(arguments: ["\u{201D}", "\u{2019}", "\u{BB}", "\"\u{201D}", " \u{201D} "])
    func firstLineOfClosersIsAHeadline(firstLine: String) {
        let article = SentenceSplitter().split(firstLine + "\nThe talks resumed. They ended.")
        #expect(
            article
                == SplitArticle(
                    headline: firstLine.trimmingCharacters(in: .whitespaces),
                    sentences: ["The talks resumed.", "They ended."]
                )
        )
    }

    /// The fuzzer's input (an article whose first line is `” `), through the stage as news.yaml configures it.
    @Test func fuzzerInputThroughTheStage() async throws {
        let text = try Self.fixture("summarize-closer-headline.txt")
        let article = SentenceSplitter().split(text)
        #expect(article.headline == "\u{201D}")
        #expect(article.sentences.count == 5)
        let stage = SummarizeStage(
            options: try YAMLNodeDecoder().decode(
                SummarizeStage.Options.self,
                from: try #require(try YAMLParser().parse("ratio: 0.4", file: "t.yaml"))
            )
        )
        let context = StageContext(
            name: "summarize",
            typeName: "summarize",
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        let result = try await stage.process(Document(id: "fuzz", text: text), context: context)
        guard case .keep(let document) = result else {
            Issue.record("expected the document to be kept, got \(result)")
            return
        }
        #expect(document.fields["summary_sentences"] == .array([.integer(1), .integer(2)]))
    }
}
