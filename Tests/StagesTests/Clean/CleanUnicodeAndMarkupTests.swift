import Testing

@testable import Stages

/// The `unicode` and `markup` groups: repairs of broken characters and reduction of markup.
@Suite("Clean: unicode and markup")
struct CleanUnicodeAndMarkupTests {
    /// A cleaner that never reports "too short", so small snippets can be checked.
    static func cleaner(_ configure: (inout CleanConfiguration) -> Void = { _ in }) throws -> ArticleTextCleaner {
        var configuration = CleanConfiguration(minimumLength: 0)
        configure(&configuration)
        return try ArticleTextCleaner(configuration: configuration)
    }

    @Test(
        "mojibake of UTF-8 read as Windows-1252 is repaired",
        arguments: [
            ("Trumpâ€™s second term", "Trump’s second term"),
            ("â€œWe have held several TF meetings,â€\u{9D} he said.", "“We have held several TF meetings,” he said."),
            ("a cafÃ© in Paris", "a café in Paris"),
            ("It cost Â£5m", "It cost £5m"),
            ("2004â€“2005 and 10â€”11", "2004–2005 and 10—11"),
        ]
    )
    func mojibake(input: String, expected: String) throws {
        #expect(try Self.cleaner().clean(input).text == expected)
    }

    @Test("text that only looks like mojibake is kept")
    func notMojibake() throws {
        #expect(
            try Self.cleaner().clean("Ã and â are letters; Ã alone stays.").text
                == "Ã and â are letters; Ã alone stays."
        )
    }

    @Test("NFC: a decomposed accent is composed; precomposed and Hangul text is unchanged")
    func canonicalComposition() throws {
        let result = try Self.cleaner().clean("Cafe\u{301} owners in Seoul (서울) said prices rose.")
        #expect(result.text == "Caf\u{E9} owners in Seoul (서울) said prices rose.")
        #expect(result.text.unicodeScalars.count == 43)
        #expect(result.report.removed[.unicode] == CleanRemovalCount(lines: 0, characters: 1))
    }

    @Test("control and zero-width characters go; lone no-break space stays; runs of spaces collapse")
    func controlAndSpaces() throws {
        let input =
            "\u{FEFF}The\u{0} deficit\u{200B} rose   to\t\t$368bn\u{7}.  It was 10\u{A0}km away.  \n\n\n\nNext\u{AD} year."
        let result = try Self.cleaner().clean(input)
        #expect(result.text == "The deficit rose to $368bn. It was 10\u{A0}km away.\n\nNext year.")
    }

    @Test("CRLF, lone CR and U+2028 are line breaks")
    func lineEndings() throws {
        let result = try Self.cleaner().clean("Headline here\r\nFirst paragraph.\rSecond paragraph.\u{2028}Third one.")
        #expect(result.text == "Headline here\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird one.")
    }

    @Test("quote and dash normalisation is off by default and ASCII when on")
    func punctuation() throws {
        let text = "“It’s over” – he said…"
        #expect(try Self.cleaner().clean(text).text == text)
        let normalised = try Self.cleaner { $0.normalizePunctuation = true }.clean(text)
        #expect(normalised.text == "\"It's over\" - he said...")
    }

    @Test("an HTML document is reduced to its blocks; nav, script, style, footer and forms go")
    func htmlDocument() throws {
        let html = """
            <!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head>
            <body><nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
            <header><div>Site name</div></header>
            <article><h1>Budget deficit to reach $368bn</h1>
            <p>The US budget deficit is set to hit a <b>worse-than-expected</b>
               $368bn (&pound;197bn) this year, officials said.</p>
            <script>var ad = "<p>not text</p>";</script>
            <p>Analysts said it&#8217;s &quot;orderly&quot; &hellip; &#x2014; AT&amp;T agreed.<br>New line.</p>
            <!-- comment <p>hidden</p> -->
            <figure><img src="x.jpg"><figcaption>Photo: Reuters</figcaption></figure>
            <form><input name="email"><button>Subscribe</button></form></article>
            <aside>Related stories</aside><footer>&copy; 2005 All rights reserved</footer></body></html>
            """
        let result = try Self.cleaner().clean(html)
        #expect(result.wasHTML)
        #expect(
            result.text == """
                Budget deficit to reach $368bn

                The US budget deficit is set to hit a worse-than-expected $368bn (£197bn) this year, officials said.

                Analysts said it’s "orderly" … — AT&T agreed.

                New line.
                """
        )
        #expect((result.report.removed[.markup]?.characters ?? 0) > 500)
    }

    @Test("stray tags and entities inside plain text are handled; comparisons and AT&T survive")
    func strayMarkup() throws {
        let text =
            "Shares in <b>AT&T</b> rose 5% &amp; profits hit &#163;1.8m.<br/>If a < b and c > d, then x&y;z.\n\nDone.<p>"
        let result = try Self.cleaner().clean(text)
        #expect(!result.wasHTML)
        #expect(
            result.text == "Shares in AT&T rose 5% & profits hit £1.8m.\n\nIf a < b and c > d, then x&y;z.\n\nDone."
        )
    }

    @Test("with the markup group off, tags and entities are kept as they are")
    func markupOff() throws {
        let cleaner = try Self.cleaner { $0.ruleGroups.remove(.markup) }
        #expect(cleaner.clean("A <b>bold</b> caf&#233; move.").text == "A <b>bold</b> caf&#233; move.")
    }
}
