import Foundation
import Pipeline
import Testing

@testable import Stages

/// The shape rules that replaced one site's vocabulary (#18, from `scripts/audit-clean-rules.py`): each test
/// cleans furniture written the way other sites write it (not the dev site's own string), between paragraphs of
/// article prose, and a look-alike line the article keeps.
@Suite("Clean: furniture judged by its shape")
struct CleanShapeRuleTests {
    static let headline = "City schools get more money"
    static let first = CleanWildFurnitureTests.first
    static let second = CleanWildFurnitureTests.second
    static let third = CleanWildFurnitureTests.third

    /// Cleans paragraphs with the default configuration (no minimum length).
    static func clean(_ lines: [String]) throws -> CleanResult {
        try CleanWildFurnitureTests.clean(lines, recordsRemoved: true)
    }

    /// The lines of `lines` without `dropped`, as the cleaned text should read.
    static func expected(_ lines: [String], without dropped: String) -> String {
        lines.filter { $0 != dropped }.joined(separator: "\n\n")
    }

    @Test(
        "a plea to share goes: the verb opens the line, or a platform is named",
        arguments: [
            "Please share this article on Twitter!",
            "Be sure to share this on Facebook if you agree that the schools have waited long enough.",
            "Share this story and tell us what you think in the comments below.",
            "Share it with your friends",
            "12.4k SHARES Share Tweet",
        ]
    )
    func sharePlea(line: String) throws {
        let lines = [Self.headline, Self.first, Self.second, line]
        let result = try Self.clean(lines)
        #expect(result.text == Self.expected(lines, without: line))
        #expect(result.removed.map(\.kind) == ["share"])
    }

    @Test(
        "sharing told as news is article text",
        arguments: [
            "Many parents share this view, and several of them said so at the meeting on Tuesday evening.",
            "Teachers share photos of crowded classrooms with each other to show what the cuts have done.",
        ]
    )
    func sharingAsNews(line: String) throws {
        let lines = [Self.headline, Self.first, line, Self.second]
        #expect(try Self.clean(lines).text == lines.joined(separator: "\n\n"))
    }

    @Test(
        "a closing share prompt of short joining words is cut off its sentence",
        arguments: [
            ("Class sizes fell by a third in two years. - Click To Tweet", "Class sizes fell by a third in two years."),
            (
                "Class sizes fell by a third in two years. | Share on WhatsApp",
                "Class sizes fell by a third in two years."
            ),
            ("Class sizes fell by a third - and stayed down", "Class sizes fell by a third - and stayed down"),
        ]
    )
    func sharePromptTail(line: String, kept: String) throws {
        let result = try Self.clean([Self.headline, Self.first, line, Self.second])
        #expect(result.text == [Self.headline, Self.first, kept, Self.second].joined(separator: "\n\n"))
    }

    @Test(
        "a label in capitals before a headline in title case is a link to another story",
        arguments: [
            "WATCH: Mayor Storms Out Of Budget Meeting After Heated Exchange",
            "MUST SEE: The Ten Schools That Will Get The Most Money",
            "DERNIÈRE HEURE: Le Maire Quitte La Séance",
        ]
    )
    func labelledLink(line: String) throws {
        let lines = [Self.headline, Self.first, line, Self.second]
        let result = try Self.clean(lines)
        #expect(result.text == Self.expected(lines, without: line))
        #expect(result.removed.map(\.kind) == ["related"])
    }

    @Test(
        "an update in sentences, a speaker's line and a dateline stay",
        arguments: [
            "UPDATE: The council said on Wednesday that the vote would stand.",
            "MAYOR: \"We Have Waited Long Enough For This Budget\"",
            "FOX 5 DC: You Have Sources At The Council",
        ]
    )
    func labelledArticleLines(line: String) throws {
        let lines = [Self.headline, Self.first, line, Self.second]
        #expect(try Self.clean(lines).text == lines.joined(separator: "\n\n"))
    }

    @Test(
        "a byline with a date before it, and the byline's second line, go",
        arguments: [
            ["March 3, 2019 | by Jane Doe"],
            ["3 Mar 2019 - by Jane Doe"],
            ["By Jane Doe", "Valley Ledger"],
            ["By Jane Doe", "Health Desk"],
        ]
    )
    func bylineShapes(byline: [String]) throws {
        let result = try Self.clean([Self.headline] + byline + [Self.first, Self.second])
        #expect(result.text == [Self.headline, Self.first, Self.second].joined(separator: "\n\n"))
        #expect(result.author == "Jane Doe")
        #expect(result.removed.map(\.kind) == byline.map { _ in "byline" })
    }

    @Test("a short sentence under a byline is the article's")
    func sentenceUnderByline() throws {
        let lines = [Self.headline, "By Jane Doe", "Schools Win.", Self.first, Self.second]
        let result = try Self.clean(lines)
        #expect(result.text == Self.expected(lines, without: "By Jane Doe"))
    }

    @Test("a teaser box's heading in capitals trails off; a subheading in capitals stays")
    func capitalsTeaserHeading() throws {
        let heading = "MORE ON THE BUDGET..."
        let lines = [Self.headline, Self.first, heading, Self.second, "THE VOTE", Self.third]
        let result = try Self.clean(lines)
        #expect(result.text == Self.expected(lines, without: heading))
        #expect(result.removed.map(\.kind) == ["related"])
    }

    @Test("a pointer opening with 'for more' at the end goes; 'for more than' opens an article sentence")
    func forMorePointer() throws {
        let pointer = "For more coverage of the vote and to read the full budget, please visit the council's website."
        let lines = [Self.headline, Self.first, Self.second, pointer]
        #expect(try Self.clean(lines).text == Self.expected(lines, without: pointer))
        let sentence = "For more than a decade, the schools have asked for the same thing: smaller classes."
        let kept = [Self.headline, Self.first, Self.second, sentence]
        #expect(try Self.clean(kept).text == kept.joined(separator: "\n\n"))
    }
}
