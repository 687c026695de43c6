import Testing

@testable import Stages

/// Tests of ``EntityTokenizer`` on news-style snippets.
struct EntityTokenizerTests {
    private func tokens(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            EntityTokenizer.tokenize(bytes).map {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[Int($0.start)..<Int($0.end)]), as: UTF8.self)
            }
        }
    }

    @Test func abbreviationsAndInitialsKeepTheirPeriods() {
        #expect(
            tokens("Mr. Smith met Gen. Kim and J. Doe in the U.S. on Friday.") == [
                "Mr.", "Smith", "met", "Gen.", "Kim", "and", "J.", "Doe", "in", "the", "U.S.", "on", "Friday", ".",
            ]
        )
    }

    @Test func hyphenatedAndApostropheNamesStayWhole() {
        #expect(
            tokens("Kang Kyung-wha and Robert O'Brien's aide") == [
                "Kang", "Kyung-wha", "and", "Robert", "O'Brien", "'s", "aide",
            ]
        )
        #expect(tokens("Robert O’Brien’s plan") == ["Robert", "O’Brien", "’s", "plan"])
    }

    @Test func quotesAndPunctuationAreSplit() {
        #expect(
            tokens("“We won't,” he said (Reuters): \"no\"...") == [
                "“", "We", "wo", "n't", ",", "”", "he", "said", "(", "Reuters", ")", ":", "\"", "no", "\"", ".", ".",
                ".",
            ]
        )
        #expect(tokens("“Hello,” he said.") == ["“", "Hello", ",", "”", "he", "said", "."])
        #expect(tokens("[2020 Choice]Trump wins!") == ["[", "2020", "Choice", "]", "Trump", "wins", "!"])
        #expect(tokens("don't") == ["do", "n't"])
    }

    @Test func numbersAndCurrency() {
        #expect(
            tokens("$5.3 million, 1,000 and 12% or US$40") == [
                "$", "5.3", "million", ",", "1,000", "and", "12", "%", "or", "US$", "40",
            ]
        )
    }

    @Test func urlsAndEmailsStayWhole() {
        #expect(
            tokens("See https://example.com/a?b=c, or mail news@example.org.") == [
                "See", "https://example.com/a?b=c", ",", "or", "mail", "news@example.org", ".",
            ]
        )
    }

    @Test func linesAndSentencesAreMarked() {
        var text = "EU rejects call .\nThe Commission said . It agreed"
        let marks = text.withUTF8 { bytes in EntityTokenizer.tokenize(bytes).map { ($0.startsLine, $0.startsSentence) }
        }
        #expect(marks.map(\.0) == [true, false, false, false, true, false, false, false, false, false])
        #expect(marks.map(\.1) == [true, false, false, false, true, false, false, false, true, false])
    }
}
