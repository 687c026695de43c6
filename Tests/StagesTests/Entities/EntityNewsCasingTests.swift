import Testing

@testable import Stages

/// Title-case headlines and all-capital abbreviations, as every news feed has them: the recogniser must not read a
/// headline as one long name, nor a common-noun acronym (DNA, NSAID, IV, ADHD) as an organisation.
struct EntityNewsCasingTests {
    static let recognizer = EntityRecognizerTests.recognizer

    static func mentions(_ text: String) -> [String] {
        recognizer.findMentions(in: text).map { "\($0.text)/\($0.label.rawValue)" }
    }

    @Test func aTitleCaseHeadlineKeepsOnlyTheNamesTheBodyConfirms() {
        let text = """
            Trump Meets Putin In Helsinki As Senate Republicans Balk

            President Donald Trump met Russian President Vladimir Putin in Helsinki on Monday, the Daily Mail \
            reported. Senate Republicans said the CIA had briefed lawmakers.
            """
        let headline = Self.recognizer.findMentions(in: text).filter { $0.end <= 57 }.map {
            "\($0.text)/\($0.label.rawValue)"
        }
        // Without the body's evidence the model reads "Trump Meets Putin" as one organisation.
        #expect(headline == ["Trump/PERSON", "Putin/PERSON", "Helsinki/LOC", "Senate/ORG", "Republicans/NORP"])
    }

    @Test func aHeadlineThatNamesNothingTheBodyNamesLosesItsFalseNames() {
        let text = """
            Study Finds ADHD Drugs Linked To Heart Risk In Older Adults

            Researchers said on Tuesday that older adults who take the drugs face a higher risk to the heart, \
            according to a study reviewed by the FDA.
            """
        let found = Self.mentions(text)
        #expect(!found.contains { $0.hasPrefix("Study Finds") || $0.hasPrefix("Heart Risk") })
        #expect(found.contains("FDA/ORG"))
    }

    @Test func aTitleCaseLineWithoutLowerCaseEvidenceIsLeftToTheModel() {
        // Team names and scores are capitalised for another reason: the model's names stay.
        let text = """
            Results of English league matches on Saturday:
            Manchester United 2 Leeds United 0
            """
        let found = Self.mentions(text)
        #expect(found.contains("Manchester United/ORG"))
        #expect(found.contains("Leeds United/ORG"))
    }

    @Test func commonNounAcronymsAreNotOrganisations() {
        let text = """
            Patients who take NSAID painkillers or receive IV fluids should have a DNA test, doctors said, and \
            children with ADHD need a check too, the FDA and the CIA said.
            """
        let found = Self.mentions(text)
        for word in ["NSAID", "IV", "DNA", "ADHD"] { #expect(!found.contains("\(word)/ORG"), "\(word)") }
        #expect(found.contains("FDA/ORG"))
        #expect(found.contains("CIA/ORG"))
    }

    @Test func anAcronymIntroducedAfterItsNameStaysAnOrganisation() {
        // WBC is also "white blood cell" in WordNet; in parentheses after a name it abbreviates that name.
        let found = Self.mentions("He lost his World Boxing Council ( WBC ) title to Mike Tyson in March.")
        #expect(found.contains("WBC/ORG"))
    }
}
