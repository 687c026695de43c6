import Pipeline
import Testing

/// Tests of ``SentenceSplitter`` (Pipeline) on news sentences and on the seed articles (``SummarizeSeedArticles``).
@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test(arguments: [
        // Titles, initials and acronyms inside sentences.
        (
            "Mr. Smith met Dr. Jones and Gen. Patton. They talked.",
            ["Mr. Smith met Dr. Jones and Gen. Patton.", "They talked."]
        ),
        (
            "Xbox frontman J. Allard said so. John E. Kelly agreed.",
            ["Xbox frontman J. Allard said so.", "John E. Kelly agreed."]
        ),
        ("The U.S. Treasury said so. The U.S. The end.", ["The U.S. Treasury said so.", "The U.S.", "The end."]),
        (
            "It was the No. 10 hit on Jan. 5 last year. Then it fell.",
            ["It was the No. 10 hit on Jan. 5 last year.", "Then it fell."]
        ),
        ("He bought AT&T. Consolidation followed.", ["He bought AT&T.", "Consolidation followed."]),
        (
            "It helps patients with MS. Final approval is near.",
            ["It helps patients with MS.", "Final approval is near."]
        ),
        // Decimals and money.
        (
            "Profits rose 76% to $1.13bn (£600m). Sales grew 6.4% to $42.09bn. \"Our performance was strong.\"",
            ["Profits rose 76% to $1.13bn (£600m).", "Sales grew 6.4% to $42.09bn.", "\"Our performance was strong.\""]
        ),
        // Quotations that end with or continue the sentence.
        (
            "\"The pledged assets are with Rosneft,\" said Jamie Firestone. He was not connected.",
            ["\"The pledged assets are with Rosneft,\" said Jamie Firestone.", "He was not connected."]
        ),
        ("\"Why now?\" she asked. \"Because.\" He left.", ["\"Why now?\" she asked.", "\"Because.\"", "He left."]),
        (
            "...deliver momentum to the market.\" High oil prices hurt.",
            ["...deliver momentum to the market.\"", "High oil prices hurt."]
        ),
        // Ellipses.
        (
            "Growth of 0.1%... in the third quarter is weak. I'm A Celebrity ... Get Me Out Of Here won.",
            ["Growth of 0.1%... in the third quarter is weak.", "I'm A Celebrity ...", "Get Me Out Of Here won."]
        ),
        ("It was over\u{2026} Then it began again.", ["It was over\u{2026}", "Then it began again."]),
        // A no-break space after the full stop.
        (
            "Full of uncertainty.\u{A0}At this point, both parties agree.",
            ["Full of uncertainty.", "At this point, both parties agree."]
        ),
    ])
    func splitsNewsSentences(text: String, expected: [String]) {
        let article = splitter.split("Headline\n\n" + text)
        #expect(article.headline == "Headline")
        #expect(article.sentences == expected)
    }

    @Test func headlineWithoutPunctuationAndParagraphsWithoutPunctuation() {
        let text = """
            Japan turns to beer alternatives

            Japanese brewers are increasingly making money from beer-flavoured drinks rather than beer itself

            Beer and spirits are heavily taxed in Japan. The market for "beer-like" drinks is set to grow 84%.
             - Increased spending on health
             - Pledged 102.16bn rupees ($2.3bn) for tsunami victims
            """
        let article = splitter.split(text)
        #expect(article.headline == "Japan turns to beer alternatives")
        #expect(
            article.sentences == [
                "Japanese brewers are increasingly making money from beer-flavoured drinks rather than beer itself",
                "Beer and spirits are heavily taxed in Japan.",
                "The market for \"beer-like\" drinks is set to grow 84%.",
                "- Increased spending on health",
                "- Pledged 102.16bn rupees ($2.3bn) for tsunami victims",
            ]
        )
    }

    @Test func shortQuestionHeadlineButNotAFirstSentence() {
        #expect(
            splitter.split("Could Yukos be a blessing in disguise?\n\nYes. No.").headline
                == "Could Yukos be a blessing in disguise?"
        )
        let sentence = splitter.split("Diplomatic authorities are aware of the results.\n\n\n\n[ad_1]\n\nMore text.")
        #expect(sentence.headline == nil)
        #expect(sentence.sentences == ["Diplomatic authorities are aware of the results.", "[ad_1]", "More text."])
        // A single line is never a headline: it is the body.
        #expect(splitter.split("Only a title").sentences == ["Only a title"])
    }

    @Test func hardWrappedLinesAreRejoined() {
        let article = splitter.split("Title\n\nThe dollar rose against\nthe euro on Friday. Markets\nwere calm.")
        #expect(article.sentences == ["The dollar rose against the euro on Friday.", "Markets were calm."])
    }

    @Test func hostileInputsDoNotCrash() {
        #expect(splitter.split("") == SplitArticle(headline: nil, sentences: []))
        #expect(splitter.split(" \n\n\t \r\n ") == SplitArticle(headline: nil, sentences: []))
        #expect(splitter.split(String(repeating: "x", count: 100_000)).sentences.count == 1)
        #expect(splitter.split(String(repeating: "a.", count: 50_000)).sentences.count == 1)
        #expect(splitter.split(String(repeating: "...", count: 10_000)).sentences.count == 1)
        let invalid = String(
            decoding: [0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x0A, 0xFF, 0xFE, 0x2E, 0x20, 0x41, 0xC3],
            as: UTF8.self
        )
        #expect(splitter.split(invalid).sentences == ["\u{FFFD}\u{FFFD}.", "A\u{FFFD}"])
    }

    @Test func seedArticleWithHeadline() {
        let article = splitter.split(SummarizeSeedArticles.usNorthKorea)
        #expect(article.headline == "US north korea")
        #expect(
            article.sentences == [
                "With only one month to go before 2020, US politics will start another election year full of uncertainty.",
                "At this point, both parties in the United States have entered the election mode, and the campaign for President Donald Trump has already opened.",
                "As the current president, Trump has a unique advantage in the election.",
                "In 2020, he can fully use the convenience of governing to always stand in the center of the arena of the election arena.",
                "However, precisely because of the position of the President, any affairs and crisis of the White House will be magnified, and Trump is likely to get into trouble on some diplomatic matters.",
                "It is difficult to break the deadlock in the US-DPRK negotiations",
                "One of Trump’s biggest breakthroughs in diplomacy is the easing of US-DPRK relations, but this process has not progressed smoothly this year.",
                "In April this year, after North Korea ’s “Special Gold Club” broke up, North Korea formally set a “dead line” for the United States and asked the United States to provide a new denuclearization plan by the end of 2019.",
                "The “new way” for North Korea’s development will be considered.",
            ]
        )
    }

    @Test func seedArticleWithoutHeadline() {
        let article = splitter.split(SummarizeSeedArticles.diplomaticAuthorities)
        #expect(article.headline == nil)
        #expect(article.sentences.count == 7)
        #expect(
            article.sentences[0] == "Diplomatic authorities are aware of the results of the US presidential elections."
        )
        #expect(article.sentences[1] == "[ad_1]")
        #expect(article.sentences[2].hasPrefix("[2020 미국의 선택]Trump aggressively negotiates"))
        #expect(
            article.sentences[6].hasPrefix("On the 3rd, a diplomatic official said: “We have held several TF meetings")
        )
        #expect(article.sentences[6].hasSuffix("presidential elections.”"))
    }

    @Test(arguments: [
        // Datelines are not part of the first sentence (texts from news_train/news_dev stories).
        (
            "WASHINGTON (CNN) -- The Senate passed the bill on Tuesday. It now goes to the House.",
            ["The Senate passed the bill on Tuesday.", "It now goes to the House."]
        ),
        (
            "(CNN)Share, and your gift will be multiplied. That may sound like an esoteric adage.",
            ["Share, and your gift will be multiplied.", "That may sound like an esoteric adage."]
        ),
        (
            "Lausanne, Switzerland (CNN)Iran and six world powers agreed on a framework. Talks go on.",
            ["Iran and six world powers agreed on a framework.", "Talks go on."]
        ),
        (
            "(The Hollywood Reporter)Melissa Benoist is suited up and ready to fly in CBS' \"Supergirl.\"",
            ["Melissa Benoist is suited up and ready to fly in CBS' \"Supergirl.\""]
        ),
        (
            "SHANGHAI, China -- Championship leader Lewis Hamilton spun out. He was unhurt.",
            ["Championship leader Lewis Hamilton spun out.", "He was unhurt."]
        ),
        (
            "ST. LOUIS, Missouri (CNN) \u{2014} \"We will rebuild,\" the mayor said.",
            ["\"We will rebuild,\" the mayor said."]
        ),
        // Prose that only looks like a dateline stays whole.
        (
            "The World Health Organization (WHO) said on Monday that cases rose.",
            ["The World Health Organization (WHO) said on Monday that cases rose."]
        ),
        ("(CNN) is a news network. It is based in Atlanta.", ["(CNN) is a news network.", "It is based in Atlanta."]),
        ("(Not quite) the end.", ["(Not quite) the end."]),
        ("LONDON -- the rest is lowercase.", ["LONDON -- the rest is lowercase."]),
        // Quotations spanning sentences are split at their inner sentence ends, like Punkt does.
        (
            "\"I know this journey is bigger than all of us. I also know I'm just the messenger.\" CNN cannot verify the page.",
            [
                "\"I know this journey is bigger than all of us.", "I also know I'm just the messenger.\"",
                "CNN cannot verify the page.",
            ]
        ),
        // Cross-headings and link lines flattened with " ." (the CNN/DailyMail release) are sentences of their own.
        (
            "A venue has yet to be announced. Rolling Stone: Kanye reveals new album title . The bagged air gag spread.",
            [
                "A venue has yet to be announced.", "Rolling Stone: Kanye reveals new album title .",
                "The bagged air gag spread.",
            ]
        ),
        // Abbreviations inside news copy.
        (
            "Sen. John McCain, R-Arizona, spoke at 10 a.m. Friday in St. Louis. Then the U.S. Army replied.",
            ["Sen. John McCain, R-Arizona, spoke at 10 a.m. Friday in St. Louis.", "Then the U.S. Army replied."]
        ),
    ])
    func splitsNewsDatelinesAndQuotes(text: String, expected: [String]) {
        #expect(splitter.split(text).sentences == expected)
    }

    @Test func storyHighlightsAboveTheArticle() {
        let text = """
            Story highlights
            Doctors claim Pakistani police prevented an autopsy on Benazir Bhutto
            Lawyer Athar Minallah said the move violated Pakistani criminal law

            ISLAMABAD, Pakistan (CNN) -- Rawalpindi's police chief stopped doctors from conducting an autopsy.
            """
        let article = splitter.split(text)
        #expect(article.headline == "Story highlights")
        #expect(
            article.sentences == [
                "Doctors claim Pakistani police prevented an autopsy on Benazir Bhutto",
                "Lawyer Athar Minallah said the move violated Pakistani criminal law",
                "Rawalpindi's police chief stopped doctors from conducting an autopsy.",
            ]
        )
    }
}
