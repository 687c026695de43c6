import Foundation
import Logging
import Pipeline
import Testing

@testable import Stages

/// The furniture real scraped pages leave in: site names after headlines, bylines, credits glued to sentences, source
/// notes, press-release blocks, repeated link text, and what the stage keeps of it (`clean_removed`, `author`).
@Suite("Clean: furniture of real scraped pages")
struct CleanWildFurnitureTests {
    /// Two paragraphs of article prose (invented for the test) framing each snippet.
    static let first = """
        The council voted on Tuesday to approve a new budget that raises spending on the city's schools by four \
        percent, after a debate that lasted most of the evening.
        """
    static let second = """
        Opponents said the increase would force cuts elsewhere, but the mayor argued that the schools had waited long \
        enough. The budget takes effect in July, and the first payments are due before the end of the summer.
        """
    static let third = """
        Parents who spoke at the meeting welcomed the decision. Several said they had been asking for smaller classes \
        for years, and that the vote was the first sign that anyone had listened to them.
        """

    /// Cleans paragraphs with the default configuration (no minimum length).
    static func clean(_ lines: [String], recordsRemoved: Bool = false) throws -> CleanResult {
        let configuration = CleanConfiguration(minimumLength: 0, recordsRemoved: recordsRemoved)
        return try ArticleTextCleaner(configuration: configuration).clean(lines.joined(separator: "\n\n"))
    }

    @Test(
        "a site name appended to the headline is cut; the headline's own clause is kept",
        arguments: [
            (
                "Council approves new budget for city schools – Valley Ledger",
                "Council approves new budget for city schools"
            ),
            (
                "Council approves new budget for city schools | The Daily Example",
                "Council approves new budget for city schools"
            ),
            (
                "Council approves new budget for city schools - 10/26/2015",
                "Council approves new budget for city schools"
            ),
            (
                "Council approves new budget for city schools * example.com",
                "Council approves new budget for city schools"
            ),
            ("Your Budget Could Help Your Schools — Here's How", "Your Budget Could Help Your Schools — Here's How"),
            ("Schools win - but at what cost?", "Schools win - but at what cost?"),
        ]
    )
    func siteNameAfterHeadline(headline: String, kept: String) throws {
        let result = try Self.clean([headline, Self.first, Self.second])
        #expect(result.text == [kept, Self.first, Self.second].joined(separator: "\n\n"))
    }

    @Test("a credit opening a sentence is cut and the sentence kept")
    func creditBeforeSentence() throws {
        let line = "Photo: AP / The minister said the talks would resume next week in Geneva with both delegations."
        let result = try Self.clean(["Talks to resume in Geneva", Self.first, line, Self.second], recordsRemoved: true)
        #expect(
            result.text
                == [
                    "Talks to resume in Geneva", Self.first,
                    "The minister said the talks would resume next week in Geneva with both delegations.", Self.second,
                ].joined(separator: "\n\n")
        )
        #expect(result.removed == [CleanRemovedLine(text: "Photo: AP /", kind: "caption")])
    }

    @Test("a share prompt closing a sentence is cut")
    func sharePromptAfterSentence() throws {
        let line = "Scans found blockages in nine out of ten patients. - Click to Tweet"
        let result = try Self.clean(["Scans beat stress tests", Self.first, line, Self.second])
        #expect(result.text.contains("\n\nScans found blockages in nine out of ten patients.\n\n"))
        #expect(!result.text.contains("Tweet"))
    }

    @Test("a byline under the headline goes and names the author; clean_removed lists it with its kind")
    func bylineBecomesAuthor() throws {
        let result = try Self.clean(
            ["City schools get more money", "By JANE DOE, Staff Writer", Self.first, Self.second],
            recordsRemoved: true
        )
        #expect(result.text == ["City schools get more money", Self.first, Self.second].joined(separator: "\n\n"))
        #expect(result.author == "JANE DOE")
        #expect(result.removed == [CleanRemovedLine(text: "By JANE DOE, Staff Writer", kind: "byline")])
        #expect(result.report.removed[.byline]?.lines == 1)
    }

    @Test(
        "bylines are read for their name",
        arguments: [
            ("By Jane Doe", "Jane Doe"),
            ("December 8, 2016 | by Jane Doe", "Jane Doe"),
            ("By Jane Doe and John Roe: April 4, 2016", "Jane Doe and John Roe"),
            ("Von Erika Mustermann, Berlin", "Erika Mustermann"),
            ("HealthDay Reporter", nil),
            ("by the river", nil),
        ]
    )
    func bylineNames(line: String, name: String?) {
        #expect(BylineAuthor.name(in: line) == name)
    }

    @Test(
        "source notes, pointers and release lines at the edges go",
        arguments: [
            ("Source: Example Journal of Medicine, 2016.", CleanRuleGroup.footer),
            ("SOURCES: city records", CleanRuleGroup.footer),
            ("Quelle: Stadtverwaltung", CleanRuleGroup.footer),
            ("Via: example.com", CleanRuleGroup.footer),
            ("For more information on school budgets, visit the city's website.", CleanRuleGroup.teasers),
        ]
    )
    func edgeNotes(line: String, group: CleanRuleGroup) throws {
        let result = try Self.clean(["City schools get more money", Self.first, Self.second, line])
        #expect(result.text == ["City schools get more money", Self.first, Self.second].joined(separator: "\n\n"))
        #expect(result.report.totalLines == 1 || group == .footer)
    }

    @Test("a source named inside a sentence is article text")
    func sourceInsideSentence() throws {
        let line = "The source of the money, officials said, is a state grant that ends next year."
        let result = try Self.clean(["City schools get more money", Self.first, line, Self.second])
        #expect(result.text.contains(line))
    }

    @Test("a press release's About block goes to the end; an About subheading inside the story stays")
    func aboutBlock() throws {
        let about = "About Example University"
        let body = """
            Example University is a public research university founded in 1890, with 30,000 students on three \
            campuses and partners in more than 40 countries.
            """
        let result = try Self.clean(["City schools get more money", Self.first, Self.second, Self.third, about, body])
        #expect(
            result.text
                == ["City schools get more money", Self.first, Self.second, Self.third].joined(separator: "\n\n")
        )
        let inside = try Self.clean(["City schools get more money", Self.first, "About the budget", Self.second])
        #expect(inside.text.contains("About the budget"))
    }

    @Test("link text repeated around a section label goes; a refrain in a poem stays")
    func repeatedLinks() throws {
        let link = "City Parks Department Opens Three New Playgrounds"
        let result = try Self.clean(["City schools get more money", Self.first, link, "LOCAL NEWS", link, Self.second])
        #expect(result.text == ["City schools get more money", Self.first, Self.second].joined(separator: "\n\n"))
        let refrain = "And still I said nothing;"
        let poem = try Self.clean([
            "City schools get more money", Self.first, refrain, "They came for me", refrain, Self.second,
        ])
        #expect(poem.text.components(separatedBy: refrain).count == 3)
    }

    /// A HealthDay story as usnews.com served it (the wild development set's `d107`, scraped from
    /// health.usnews.com, 2012): the byline and its title line go, and so does the "More information" block.
    @Test("a real byline taken for layout is still a byline: its name becomes author, clean_removed lists it")
    func realBylineBecomesAuthor() throws {
        let dirty = try CleanSeedGoldenTests.fixture("wild-d107-dirty.txt")
        let configuration = CleanConfiguration(minimumLength: 0, recordsRemoved: true)
        let result = try ArticleTextCleaner(configuration: configuration).clean(dirty)
        // The hand-labelled gold of the set: the dirty text minus its four labelled lines.
        #expect(result.text == (try CleanSeedGoldenTests.fixture("wild-d107-clean.txt")))
        #expect(result.author == "Steven Reinberg")
        #expect(
            result.removed == [
                CleanRemovedLine(text: "By Steven Reinberg", kind: "byline"),
                CleanRemovedLine(text: "HealthDay Reporter", kind: "byline"),
                CleanRemovedLine(text: "More information", kind: "related"),
                CleanRemovedLine(
                    text: "For more information on prostate cancer, visit the U.S. National Cancer Institute.",
                    kind: "related"
                ),
            ]
        )
        #expect(result.report.removed[.byline] == CleanRemovalCount(lines: 2, characters: 36))
        #expect(result.report.removed[.layout] == nil)
    }

    @Test("on the real story the stage fills author and writes clean_removed; an author already there is kept")
    func realStoryStageFields() async throws {
        let context = StageContext(
            name: "c",
            typeName: "clean",
            logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }
        )
        var options = CleanStage.Options()
        options.configuration.minimumLength = 0
        options.configuration.recordsRemoved = true
        let stage = try CleanStage(options: options)
        let dirty = try CleanSeedGoldenTests.fixture("wild-d107-dirty.txt")
        guard case .keep(let cleaned) = try await stage.process(Document(id: "d107", text: dirty), context: context)
        else {
            Issue.record("dropped")
            return
        }
        #expect(cleaned.text == (try CleanSeedGoldenTests.fixture("wild-d107-clean.txt")))
        #expect(cleaned.fields["author"] == .string("Steven Reinberg"))
        guard case .array(let removed) = cleaned.fields["clean_removed"] else {
            Issue.record("no clean_removed")
            return
        }
        #expect(
            removed.prefix(2)
                == [
                    .object(["text": .string("By Steven Reinberg"), "kind": .string("byline")]),
                    .object(["text": .string("HealthDay Reporter"), "kind": .string("byline")]),
                ]
        )
        #expect(removed.count == 4)
        let named = Document(id: "d107", text: dirty, fields: ["author": .string("HealthDay")])
        guard case .keep(let kept) = try await stage.process(named, context: context) else {
            Issue.record("dropped")
            return
        }
        #expect(kept.fields["author"] == .string("HealthDay"))
    }

    @Test("the trained model has one weight per kind and feature, and a threshold in (0, 1)")
    func modelShape() {
        let model = BoilerplateLineModel.trained
        #expect(model.weights.count == BoilerplateLineModel.Kind.allCases.count * BoilerplateLineFeatures.count)
        #expect(model.threshold > 0 && model.threshold < 1)
        #expect(model.weights.contains { $0 != 0 })
    }

    @Test("the stage writes clean_removed when asked and fills author only when the document has none")
    func stageFields() async throws {
        let context = StageContext(
            name: "c",
            typeName: "clean",
            logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }
        )
        var options = CleanStage.Options()
        options.configuration.minimumLength = 0
        options.configuration.recordsRemoved = true
        let stage = try CleanStage(options: options)
        let text = ["City schools get more money", "By Jane Doe", Self.first, Self.second].joined(separator: "\n\n")
        guard case .keep(let cleaned) = try await stage.process(Document(id: "a", text: text), context: context) else {
            Issue.record("dropped")
            return
        }
        #expect(cleaned.fields["author"] == .string("Jane Doe"))
        #expect(
            cleaned.fields["clean_removed"]
                == .array([.object(["text": .string("By Jane Doe"), "kind": .string("byline")])])
        )
        let named = Document(id: "b", text: text, fields: ["author": .string("J. Doe")])
        guard case .keep(let kept) = try await stage.process(named, context: context) else {
            Issue.record("dropped")
            return
        }
        #expect(kept.fields["author"] == .string("J. Doe"))
        var quiet = CleanStage.Options()
        quiet.configuration.minimumLength = 0
        guard
            case .keep(let plain) = try await try CleanStage(options: quiet).process(
                Document(id: "c", text: text),
                context: context
            )
        else {
            Issue.record("dropped")
            return
        }
        #expect(plain.fields["clean_removed"] == nil)
    }
}
