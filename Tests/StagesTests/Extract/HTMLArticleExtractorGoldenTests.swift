import Testing

@testable import Stages

/// Golden extractions of small hand-written pages.
struct HTMLArticleExtractorGoldenTests {
    let extractor = HTMLArticleExtractor()

    @Test func articleInsideOnePageWideFormIsKept() {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>Harbour reopens | Coast Gazette</title></head>
            <body><form id="aspnetForm" action="/story.aspx" method="post">
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
            <div id="story">
            <h1>Harbour reopens after storm repairs</h1>
            <p>The harbour reopened on Tuesday after six weeks of repairs, and the first fishing boats left before dawn, \
            their crews relieved to be working again.</p>
            <p>Engineers rebuilt forty metres of the sea wall, replaced two cranes and dredged the entrance channel, \
            which the storm had filled with sand.</p>
            <p>The council said the work cost less than expected.</p>
            </div>
            <input type="hidden" name="__VIEWSTATE" value="abc"><input type="submit" value="Search">
            </form></body></html>
            """
        let article = extractor.extract(html: html, url: "https://coast.example/harbour")
        #expect(
            article.text == """
                The harbour reopened on Tuesday after six weeks of repairs, and the first fishing boats left before \
                dawn, their crews relieved to be working again.

                Engineers rebuilt forty metres of the sea wall, replaced two cranes and dredged the entrance channel, \
                which the storm had filled with sand.

                The council said the work cost less than expected.
                """
        )
        #expect(article.title == "Harbour reopens | Coast Gazette")
        #expect(article.language == "en")
        #expect(article.url == "https://coast.example/harbour")
        #expect(article.charset == "utf-8")
        #expect(article.wasHTML)
    }

    @Test func commentsRelatedAndShareBlocksAreDropped() {
        let html = """
            <html><head>
            <meta property="og:title" content="Library extends opening hours">
            <meta property="article:published_time" content="2024-05-02T08:30:00Z">
            <link rel="canonical" href="https://town.example/library-hours">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
             "headline":"Library extends hours","author":{"@type":"Person","name":"Rosa Lind"},"inLanguage":"en-GB"}
            </script></head>
            <body><header class="site-header"><a href="/">Town News</a></header>
            <main><article class="post">
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
            <div class="entry-content">
            <p>The town library will stay open until nine in the evening from next month, after a survey found that \
            most readers could not visit during working hours.</p>
            <h2>Weekend opening</h2>
            <p>On Sundays the reading room will open at noon, staffed by volunteers from the friends' association, \
            who have trained over the winter.</p>
            <ul><li>Monday to Friday: 9:00 to 21:00</li><li>Saturday: 10:00 to 18:00</li></ul>
            </div></article>
            <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Pool closes for repairs</a></li>
            <li><a href="/b">New bus timetable announced for the summer</a></li></ul></aside>
            <section id="comments"><h3>3 comments</h3><p>Great news, I have been waiting for this for years, thank \
            you to everyone who signed the petition!</p></section>
            </main><footer><p>© Town News. All rights reserved. Contact us at the editorial office.</p></footer>
            </body></html>
            """
        let article = extractor.extract(html: html, url: nil)
        #expect(
            article.text == """
                The town library will stay open until nine in the evening from next month, after a survey found \
                that most readers could not visit during working hours.

                Weekend opening

                On Sundays the reading room will open at noon, staffed by volunteers from the friends' association, \
                who have trained over the winter.

                Monday to Friday: 9:00 to 21:00
                Saturday: 10:00 to 18:00
                """
        )
        #expect(article.title == "Library extends opening hours")
        #expect(article.author == "Rosa Lind")
        #expect(article.date == "2024-05-02T08:30:00Z")
        #expect(article.url == "https://town.example/library-hours")
        #expect(article.language == "en-GB")
    }

    @Test func windows1252PageDeclaredByMetaCharsetComesOutAsUTF8() throws {
        let article = extractor.extract(
            html: try ExtractFixtures.bytes("windows-1252.html"),
            contentType: nil,
            url: nil
        )
        #expect(article.charset == "windows-1252")
        #expect(
            article.text == """
                Le café crème est servi dès l’aube dans les brasseries parisiennes, où les habitués lisent le \
                journal.

                “C’est une tradition,” explique le patron, qui prépare plus de trois cents tasses par jour — sans \
                compter les croissants.
                """
        )
        #expect(article.title == "Café crème – Le Petit Journal")
        #expect(article.author == "Amélie Dupont")
        #expect(article.language == "fr")
    }

    @Test func shiftJISPageDeclaredByHTTPEquivComesOutAsUTF8() throws {
        let article = extractor.extract(html: try ExtractFixtures.bytes("shift_jis.html"), contentType: nil, url: nil)
        #expect(article.charset == "shift_jis")
        #expect(
            article.text == """
                東京では今年も桜が満開になり、多くの人々が上野公園や千鳥ヶ淵を訪れています。気象庁によると、開花は平年より五日早く、\
                週末まで見頃が続く見込みです。

                花見客の一人は「毎年この季節を楽しみにしています」と話しました。
                """
        )
        #expect(article.title == "東京の桜")
    }

    @Test func httpHeaderCharsetWinsOverMetaAndDetection() throws {
        let bytes = try ExtractFixtures.bytes("windows-1252.html")
        #expect(HTMLCharsetSniffer.decide(bytes, contentType: "text/html; charset=ISO-8859-1").label == "windows-1252")
        #expect(HTMLCharsetSniffer.decide(bytes, contentType: "text/html; charset=utf-8").label == "utf-8")
        #expect(HTMLCharsetSniffer.decide(bytes, contentType: nil).label == "windows-1252")
        #expect(HTMLCharsetSniffer.decide(Array("<p>caf\u{e9}</p>".utf8), contentType: nil).label == "utf-8")
        #expect(HTMLCharsetSniffer.decide([0x3C, 0x70, 0x3E, 0xE9, 0x3C], contentType: nil).label == "windows-1252")
        #expect(
            HTMLCharsetSniffer.decide([0xEF, 0xBB, 0xBF, 0x3C], contentType: "text/html; charset=gbk").label == "utf-8"
        )
    }

    @Test func tablesListsAndLinkTextFollowTheConfiguration() {
        let html = """
            <html><body><article>
            <p>Results of the regional chess league were published on Monday, with <a href="/club">Riverside</a> \
            taking the title for the third year running after a close final round.</p>
            <table><tr><th>Club</th><th>Points</th></tr><tr><td>Riverside</td><td>14</td></tr>\
            <tr><td>Hillcrest</td><td>12</td></tr></table>
            <p>The league resumes in September, when two promoted clubs join the first division.</p>
            </article></body></html>
            """
        let standard = extractor.extract(html: html, url: nil)
        #expect(
            standard.text == """
                Results of the regional chess league were published on Monday, with Riverside taking the title for \
                the third year running after a close final round.

                Club | Points
                Riverside | 14
                Hillcrest | 12

                The league resumes in September, when two promoted clubs join the first division.
                """
        )
        let lean = HTMLArticleExtractor(
            configuration: ExtractConfiguration(minimumTextLength: 0, includeTables: false, includeLinkText: false)
        )
        #expect(
            lean.extract(html: html, url: nil).text == """
                Results of the regional chess league were published on Monday, with taking the title for the third \
                year running after a close final round.

                The league resumes in September, when two promoted clubs join the first division.
                """
        )
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>x</body></html>", true),
        ("  <html lang=en>", true),
        ("Plain text with a < sign and a > sign.", false),
        ("Some text <p>with a paragraph</p> and <br> a break", true),
        ("{\"json\": true}", false),
    ])
    func looksLikeHTML(text: String, expected: Bool) {
        #expect(extractor.looksLikeHTML(text) == expected)
    }

    @Test func plainTextInputIsReturnedAsIsAndMarkedNotHTML() {
        let article = extractor.extract(
            html: Array("Just a line of text.\nAnd another.".utf8),
            contentType: nil,
            url: nil
        )
        #expect(!article.wasHTML)
        #expect(article.text == "Just a line of text.\nAnd another.")
    }
}
