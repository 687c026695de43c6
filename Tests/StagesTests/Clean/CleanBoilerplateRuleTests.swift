import Testing

@testable import Stages

/// The boilerplate rule groups on real snippets: what goes, under which group, and what must survive.
@Suite("Clean: boilerplate rule groups")
struct CleanBoilerplateRuleTests {
    /// A headline and two paragraphs of a real article (BBC, from the project's dev data), framing each snippet.
    static let headline = "Ask Jeeves joins web log market"
    static let first = """
        Ask Jeeves has bought the Bloglines website to improve the way it handles content from web journals or blogs.
        """
    static let second = """
        The Bloglines site has become hugely popular as it gives users one place in which to read, search and share \
        all the blogs they are interested in. How much Ask Jeeves paid for Bloglines was not revealed.
        """

    /// Cleans `lines` joined as paragraphs with the default rules (and no minimum length).
    static func clean(_ lines: [String], _ configure: (inout CleanConfiguration) -> Void = { _ in }) throws
        -> CleanResult
    {
        var configuration = CleanConfiguration(minimumLength: 0)
        configure(&configuration)
        return try ArticleTextCleaner(configuration: configuration).clean(lines.joined(separator: "\n\n"))
    }

    /// The article alone, as the cleaner should return it.
    static let article = [headline, first, second].joined(separator: "\n\n")

    @Test(
        "each kind of boilerplate is removed by its group",
        arguments: [
            ("[ad_1]", CleanRuleGroup.markers),
            ("Advertisement", .markers),
            ("ADVERTISEMENT", .markers),
            ("Story continues below advertisement", .markers),
            ("Article continues after advertisement", .markers),
            ("Skip to main content", .markers),
            ("Close the window", .markers),
            ("4 min read", .markers),
            ("Tags: business, economy, markets", .markers),
            ("Home > News > Technology", .navigation),
            ("News | Sport | Weather | Culture", .navigation),
            ("Sign Up for Our Newsletters", .callsToAction),
            ("Follow us on Twitter and Facebook for the latest updates.", .callsToAction),
            ("Click here to subscribe to our daily briefing.", .callsToAction),
            ("Download our app for breaking news alerts.", .callsToAction),
            (
                "We use cookies to improve your experience on our site. By continuing to browse you agree.",
                .callsToAction
            ),
            ("Never miss a story: sign up for breaking news alerts", .callsToAction),
            ("Share this article: Facebook Twitter WhatsApp Email", .share),
            ("1,204 shares", .share),
            ("Contact the reporter at [email protected]", .contact),
            ("Got a news tip? Email us at tips@example.com", .contact),
            ("Follow me on Twitter @jsmith", .contact),
            (
                "© 2005 All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
                .footer
            ),
            ("Copyright 2005 Example Media Ltd.", .footer),
            ("Image caption: The company's headquarters in London", .captions),
            ("Photo: Reuters", .captions),
            ("(Photo by John Smith/Getty Images)", .captions),
            ("Read more: Nasdaq planning $100m share sale", .teasers),
            ("RELATED: More power to the people says HP", .teasers),
            ("Recommended itemVera Drake's Bafta triumph hopeBest Recommended News", .teasers),
        ]
    )
    func removedByGroup(line: String, group: CleanRuleGroup) throws {
        let result = try Self.clean([Self.headline, Self.first, line, Self.second])
        #expect(result.text == Self.article)
        #expect(result.report.removed[group]?.lines == 1)
        #expect(result.report.totalLines == 1)
    }

    @Test(
        "article text that mentions boilerplate words survives",
        arguments: [
            "Advertising revenue at the firm's newsletter business rose by 12% last year, its annual report shows.",
            "\"Write to me at john.smith@example.com if you disagree,\" Mr Lanzone told readers.",
            "Complaints can be sent to complaints@bbc.co.uk, the corporation said.",
            "\"We will not give up.\"",
            "Rainbow!",
            "Furry recyclers",
            "Users can follow the company on Twitter for updates, and share blogs by e-mail.",
            "Facebook and Twitter have both denied the claims.",
            "Share prices fell 5% in early trading.",
            "Copyright law in the US protects works for 70 years after the author's death.",
            "Download speeds of up to 8Mbps are now available to your home.",
        ]
    )
    func articleTextSurvives(line: String) throws {
        let result = try Self.clean([Self.headline, Self.first, line, Self.second])
        #expect(result.text == [Self.headline, Self.first, line, Self.second].joined(separator: "\n\n"))
        #expect(result.report.totalLines == 0)
    }

    @Test("a teaser heading removes the block of titles and cut-off ledes after it, as a whole")
    func teaserBlock() throws {
        let lines = [
            Self.headline, Self.first, Self.second, "You May Also Like", "'No re-draft' for EU patent law",
            "The latest on search sites get closer to users and what it means…", "Who is the “glasses man”?",
            "Sign Up for Our Newsletters",
        ]
        let result = try Self.clean(lines)
        #expect(result.text == Self.article)
        #expect(result.report.removed[.phrases]?.lines == 1)
        #expect(result.report.removed[.teasers]?.lines == 3)
        // With the phrase list off, the heading is still recognised by its shape.
        let shapesOnly = try Self.clean(lines) { $0.ruleGroups.remove(.phrases) }
        #expect(shapesOnly.text == Self.article)
        #expect(shapesOnly.report.removed[.teasers]?.lines == 4)
    }

    @Test("a trailing run of titles with no heading is a teaser block; a single trailing sentence stays")
    func trailingTitles() throws {
        let titles = [
            "Elvis set to top UK singles chart", "Doors open at biggest gadget fair", "Cult band Kasabian surge",
        ]
        let result = try Self.clean([Self.headline, Self.first, Self.second] + titles)
        #expect(result.text == Self.article)
        #expect(result.report.removed[.teasers]?.lines == 3)
        let ending = try Self.clean([Self.headline, Self.first, Self.second, "Half-Life 2 is out now for the PC"])
        #expect(ending.text == Self.article + "\n\nHalf-Life 2 is out now for the PC")
    }

    @Test("press-release contact blocks go; a subheading inside the article stays")
    func contactBlockAndSubheading() throws {
        let result = try Self.clean([
            Self.headline, Self.first, "Furry recyclers", Self.second, "Media contact:", "Jane Doe",
            "jane.doe@example.com", "+44 20 7946 0958",
        ])
        #expect(result.text == [Self.headline, Self.first, "Furry recyclers", Self.second].joined(separator: "\n\n"))
        #expect(result.report.removed[.contact]?.lines == 4)
    }

    @Test("verbless furniture before the headline goes under layout")
    func leadingFurniture() throws {
        let result = try Self.clean(["Business", "Technology", Self.headline, Self.first, Self.second])
        #expect(result.text == Self.article)
        #expect(result.report.removed[.layout]?.lines == 2)
    }

    @Test("drop_lines and drop_patterns remove lines under custom; patterns compile once and fail early")
    func customRules() throws {
        let result = try Self.clean(
            [Self.headline, "Updated 3 hours ago", Self.first, "PRINT THIS PAGE NOW", Self.second]
        ) {
            $0.dropLines = ["print this page now"]
            $0.dropPatterns = ["^Updated \\d+ (minutes|hours) ago$"]
        }
        #expect(result.text == Self.article)
        #expect(result.report.removed[.custom] == CleanRemovalCount(lines: 2, characters: 38))
        // The cleaner passes on the Regex compiler's own error (the stage adds the position and a hint).
        do {
            _ = try ArticleTextCleaner(configuration: CleanConfiguration(dropPatterns: ["(unclosed"]))
            Issue.record("a pattern that does not compile is an error")
        } catch {
            #expect("\(error)" == "expected ')'")
        }
    }

    @Test("a disabled group removes nothing; keep_headline false drops the headline")
    func options() throws {
        let lines = [Self.headline, "[ad_1]", Self.first, Self.second]
        let withoutMarkers = try Self.clean(lines) { $0.ruleGroups.remove(.markers) }
        #expect(withoutMarkers.text == lines.joined(separator: "\n\n"))
        let noHeadline = try Self.clean(lines) { $0.keepHeadline = false }
        #expect(noHeadline.text == [Self.first, Self.second].joined(separator: "\n\n"))
        #expect(noHeadline.report.removed[.headline] == CleanRemovalCount(lines: 1, characters: 31))
    }

    @Test("results shorter than minimum_length are reported as too short")
    func minimumLength() throws {
        let cleaner = try ArticleTextCleaner(configuration: CleanConfiguration(minimumLength: 200))
        #expect(cleaner.clean("[ad_1]\n\nShort note.\n\nAdvertisement").isTooShort)
        #expect(cleaner.clean("[ad_1]\n\nShort note.\n\nAdvertisement").text == "Short note.")
        #expect(!cleaner.clean(Self.article).isTooShort)
    }

    @Test("group flag indices follow the declaration order")
    func groupIndices() {
        let indices = [
            CleanRuleGroup.Index.unicode, CleanRuleGroup.Index.markup, CleanRuleGroup.Index.markers,
            CleanRuleGroup.Index.navigation, CleanRuleGroup.Index.callsToAction, CleanRuleGroup.Index.share,
            CleanRuleGroup.Index.contact, CleanRuleGroup.Index.footer, CleanRuleGroup.Index.captions,
            CleanRuleGroup.Index.teasers, CleanRuleGroup.Index.layout, CleanRuleGroup.Index.phrases,
            CleanRuleGroup.Index.custom, CleanRuleGroup.Index.headline, CleanRuleGroup.Index.title,
            CleanRuleGroup.Index.model, CleanRuleGroup.Index.byline,
        ]
        #expect(indices == Array(CleanRuleGroup.allCases.indices))
        #expect(CleanRuleGroup.callsToAction.rawValue == "calls_to_action")
    }
}
