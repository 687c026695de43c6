import Testing

@testable import Stages

/// Inputs built to break parsers: deep nesting, broken markup, binary data, empty and very long pages.
struct HTMLArticleExtractorHostileInputTests {
    let extractor = HTMLArticleExtractor()

    @Test func hundredThousandNestedDivsDoNotOverflowTheStack() {
        let html =
            "<html><body>" + String(repeating: "<div>", count: 100_000)
            + "<p>Deep inside the nesting, a paragraph survives with enough words to be an article of its own.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let article = extractor.extract(html: Array(html.utf8), contentType: nil, url: nil)
        #expect(
            article.text
                == "Deep inside the nesting, a paragraph survives with enough words to be an article of its own."
        )
    }

    @Test func unclosedTagsStrayEndTagsAndABrokenCommentKeepTheArticle() {
        let html = """
            <html><body><div class=content><p>First paragraph of the story is here, and it goes on for a while \
            without closing.<p>Second paragraph follows <b>bold <i>nested</b> text</i> and a stray </div></div> \
            closing tag.<!-- broken comment <p>Text after an unclosed comment is a comment, as in browsers.</p>
            """
        let article = extractor.extract(html: Array(html.utf8), contentType: nil, url: nil)
        #expect(
            article.text == """
                First paragraph of the story is here, and it goes on for a while without closing.

                Second paragraph follows bold nested text and a stray
                """
        )
    }

    @Test func binaryGarbageIsNotHTMLAndGivesNoText() {
        var state: UInt32 = 12_345
        let garbage = (0..<200_000).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let article = extractor.extract(html: garbage, contentType: "text/html", url: nil)
        #expect(!article.wasHTML)
        #expect(article.text == "")
        #expect(article.charset == "binary")
    }

    @Test func garbageAfterAnHTMLStartIsParsedWithoutCrashing() {
        var bytes = Array(
            "<html><body><p>Lead paragraph that is long enough to be kept by the extractor, surely.</p>".utf8
        )
        var state: UInt32 = 99
        for _ in 0..<100_000 {
            state = state &* 1_664_525 &+ 1_013_904_223
            bytes.append(UInt8(truncatingIfNeeded: state >> 24))
        }
        let article = extractor.extract(html: bytes, contentType: nil, url: nil)
        #expect(article.wasHTML)
        #expect(article.charset == "windows-1252")
        #expect(article.text.hasPrefix("Lead paragraph that is long enough to be kept by the extractor, surely."))
    }

    @Test func emptyAndWhitespaceInputsGiveEmptyText() {
        #expect(extractor.extract(html: [], contentType: nil, url: nil).text == "")
        #expect(extractor.extract(html: Array("<html></html>".utf8), contentType: nil, url: nil).text == "")
        #expect(
            extractor.extract(html: Array("<html><body>   </body></html>".utf8), contentType: nil, url: nil).text == ""
        )
    }

    @Test func aFiveMegabytePageIsExtractedWhole() {
        let paragraph = "<p>Paragraph with several words, commas, and a full stop at the end of it.</p>\n"
        let count = 5_000_000 / paragraph.utf8.count
        let html = "<html><body><article>" + String(repeating: paragraph, count: count) + "</article></body></html>"
        let article = extractor.extract(html: Array(html.utf8), contentType: nil, url: nil)
        let expectedParagraph = "Paragraph with several words, commas, and a full stop at the end of it."
        #expect(article.text.utf8.count == count * expectedParagraph.utf8.count + (count - 1) * 2)
    }

    @Test(.timeLimit(.minutes(5))) func concurrentExtractionsGiveIdenticalResults() async {
        let html = Array(
            "<html><body><main><p>Concurrent calls share one extractor value, and each creates its own parser.</p></main></body></html>"
                .utf8
        )
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { extractor.extract(html: html, contentType: nil, url: nil).text } }
            var texts: [String] = []
            for await text in group { texts.append(text) }
            return texts
        }
        #expect(Set(results) == ["Concurrent calls share one extractor value, and each creates its own parser."])
    }
}
