import Foundation
import Logging
import Pipeline
import Testing

@testable import Stages

/// The YAML-facing side of the built-in stages: options decoding and what each writes into a document.
@Suite struct StageAdapterTests {
    let context = StageContext(name: "s", typeName: "s", logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })

    func make(_ yaml: String) throws -> any Stage {
        let node = try YAMLParser().parse(yaml, file: "t.yaml")!
        let type = node["type"]!.scalar!.value
        return try StageRegistry.builtIn.makeStage(
            typeName: type,
            options: node,
            keyPath: "stages[0]",
            commonKeys: PipelineLoader.commonStageKeys
        )
    }

    /// The message of each configuration error building the stage reports, or "no error".
    func errors(_ yaml: String) -> [String] {
        do {
            _ = try make(yaml)
            return ["no error"]
        } catch let error as ConfigurationErrors {
            return error.errors.map { "\($0.keyPath): \($0.message)" }
        } catch let error as ConfigurationError {
            return ["\(error.keyPath): \(error.message)"]
        } catch {
            return ["\(error)"]
        }
    }

    func keep(_ result: StageResult) throws -> Document {
        guard case .keep(let document) = result else { throw CancellationError() }
        return document
    }

    @Test func cleanRecordsWhatItRemovedAndDropsTooShortArticles() async throws {
        let stage = try #require(try make("type: clean\nminimum_length: 20") as? CleanStage)
        let text =
            "Talks resume in Seoul\n\n[ad_1]\n\nThe two ministers met on Monday to discuss the talks.\n\nShare this article: Facebook Twitter"
        let cleaned = try keep(try await stage.process(Document(id: "a", text: text), context: context))
        #expect(cleaned.text == "Talks resume in Seoul\n\nThe two ministers met on Monday to discuss the talks.")
        guard case .object(let report)? = cleaned.fields["clean_report"] else {
            Issue.record("no clean_report")
            return
        }
        #expect(report["markers"] == .object(["lines": .integer(1), "characters": .integer(6)]))
        #expect(report["share"] != nil)
        #expect(
            try await stage.process(Document(id: "b", text: "[ad_1]\nShort."), context: context)
                == .drop(reason: "too short")
        )
    }

    @Test func cleanRejectsBadPatternsAndGroups() {
        #expect(
            errors("type: clean\ndrop_patterns: ['(unclosed']").first?.hasPrefix("stages[0]: invalid drop_patterns: ")
                == true
        )
        #expect(
            errors("type: clean\nrule_groups: [teasers, adverts]") == [
                "stages[0].rule_groups[1]: expected one of unicode, markup, markers, navigation, calls_to_action, "
                    + "share, contact, footer, captions, teasers, layout, phrases, custom, headline, title, model, byline, "
                    + "found \"adverts\""
            ]
        )
    }

    @Test func summarizeWritesSentencesInArticleOrder() async throws {
        let stage = try make("type: summarize\nsentences: 2\nmethod: lead")
        let text = """
            Markets rally on rate hopes

            Shares rose sharply on Monday. Investors expect the central bank to cut rates. \
            Bond yields fell to a two-year low. Analysts said the rally could continue.
            """
        let summarized = try keep(
            try await (stage as! SummarizeStage).process(Document(id: "a", text: text), context: context)
        )
        #expect(
            summarized.fields["summary"]
                == .string("Shares rose sharply on Monday. Investors expect the central bank to cut rates.")
        )
        #expect(summarized.fields["summary_sentences"] == .array([.integer(0), .integer(1)]))
    }

    @Test func summarizeRatioRoundsToNearestByDefault() async throws {
        let stage = try make("type: summarize\nratio: 0.4\nmethod: lead") as! SummarizeStage
        let body = (1...11).map { "Sentence number \($0) is here." }.joined(separator: " ")
        let summarized = try keep(
            try await stage.process(Document(id: "a", text: "Headline\n\n" + body), context: context)
        )
        #expect(summarized.fields["summary_sentences"]?.arrayValue?.count == 4)
        let up = try make("type: summarize\nratio: 0.4\nmethod: lead\nratio_rounding: up") as! SummarizeStage
        let summarizedUp = try keep(
            try await up.process(Document(id: "a", text: "Headline\n\n" + body), context: context)
        )
        #expect(summarizedUp.fields["summary_sentences"]?.arrayValue?.count == 5)
    }

    @Test func summarizeRejectsUnknownMethods() {
        #expect(
            errors("type: summarize\nmethod: bert") == [
                "stages[0].method: expected one of lead, frequency, textrank, lexrank, news, highlights, found \"bert\""
            ]
        )
        #expect(
            errors("type: summarize\nratio: 0") == [
                "stages[0].ratio: expected a value between 0.001 and 1.0, found 0.0"
            ]
        )
    }

    @Test func entitiesWritesCodePointOffsetsAndASummary() async throws {
        let stage =
            try make("type: entities\nlabels: [PERSON, LOC, ORG]\ngazetteer:\n  ORG: [Acme Widgets]") as! EntitiesStage
        let text = "Café talk: Mike Pompeo met Kang Kyung-wha in Seoul. Pompeo praised Acme Widgets."
        let annotated = try keep(try await stage.process(Document(id: "a", text: text), context: context))
        let mentions = annotated.fields["entities"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let scalars = Array(text.unicodeScalars)
        for mention in mentions {
            let start = mention["start"]!.integerValue!
            let end = mention["end"]!.integerValue!
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            #expect(String(piece) == mention["text"]?.stringValue)
        }
        #expect(mentions.contains { $0["text"] == .string("Mike Pompeo") && $0["label"] == .string("PERSON") })
        #expect(mentions.contains { $0["text"] == .string("Acme Widgets") && $0["label"] == .string("ORG") })
        #expect(mentions.contains { $0["text"] == .string("Seoul") && $0["label"] == .string("LOC") })
        let summary = annotated.fields["entity_summary"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let pompeo = summary.first { $0["name"] == .string("Mike Pompeo") }
        #expect(pompeo?["count"] == .integer(2))
        #expect(pompeo?["mentions"] == .array([.string("Mike Pompeo"), .string("Pompeo")]))
        #expect(
            errors("type: entities\nlabels: [PEOPLE]") == [
                "stages[0].labels[0]: unknown label 'PEOPLE'; expected one of PERSON, ORG, LOC, NORP, DATE, MONEY, "
                    + "PERCENT, EMAIL, URL"
            ]
        )
        #expect(
            errors("type: entities\ngazetteer: {PEOPLE: [Ann]}") == [
                "stages[0].gazetteer: unknown label 'PEOPLE' in gazetteer; expected one of PERSON, ORG, LOC, NORP, "
                    + "DATE, MONEY, PERCENT, EMAIL, URL"
            ]
        )
    }

    @Test func extractPassesNonHTMLThroughAndExtractsPages() async throws {
        let stage = try make("type: extract") as! ExtractStage
        let plain = Document(id: "p", text: "Just text, no markup.")
        #expect(try await stage.process(plain, context: context) == .keep(plain))
        let paragraph = "The council approved the new budget on Tuesday after a long debate about school funding."
        let page =
            "<html><head><title>Budget</title></head><body><nav><a href='/'>Home</a></nav><article>"
            + "<p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></article><footer>Copyright</footer></body></html>"
        let extracted = try keep(try await stage.process(Document(id: "h", text: page), context: context))
        #expect(extracted.text == [paragraph, paragraph, paragraph].joined(separator: "\n\n"))
        #expect(extracted.fields["title"] == .string("Budget"))
    }

    @Test func extractKeepsCommentsOnlyWhenAsked() async throws {
        let paragraph = "The council approved the new budget on Tuesday after a long debate about school funding."
        let page =
            "<html><body><article><p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></article>"
            + "<section id=\"comments\"><h3>2 comments</h3><div class=\"comment\"><p>Great news for the schools.</p></div>"
            + "</section></body></html>"
        let plain = try keep(
            try await (try make("type: extract") as! ExtractStage).process(
                Document(id: "h", text: page),
                context: context
            )
        )
        #expect(!plain.text.contains("Great news"))
        let withComments = try keep(
            try await (try make("type: extract\ninclude_comments: true") as! ExtractStage)
                .process(Document(id: "h", text: page), context: context)
        )
        #expect(withComments.text.hasPrefix(paragraph))
        #expect(withComments.text.hasSuffix("2 comments\n\nGreat news for the schools."))
    }
}
