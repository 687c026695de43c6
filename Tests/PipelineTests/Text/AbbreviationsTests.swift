import Pipeline
import Testing

@Suite("Abbreviations")
struct AbbreviationsTests {
    static let groups: [(name: String, words: Set<String>)] = [
        ("titles", Abbreviations.titles), ("inSentence", Abbreviations.inSentence),
        ("beforeNumbers", Abbreviations.beforeNumbers), ("others", Abbreviations.others),
    ]

    @Test func eachWordIsInOneGroupAndAllIsTheirUnion() {
        var seen: [String: String] = [:]
        for group in Self.groups {
            for word in group.words {
                #expect(seen[word] == nil, "\(word) is in \(seen[word] ?? "") and \(group.name)")
                seen[word] = group.name
            }
        }
        #expect(Set(seen.keys) == Abbreviations.all)
    }

    @Test func keysAreLowercaseWithoutDots() {
        for word in Abbreviations.all {
            #expect(!word.isEmpty && !word.contains(".") && word == word.lowercased(), "\(word)")
        }
    }

    @Test func theSplitterReadsTheGroups() {
        let splitter = SentenceSplitter()
        // A title never ends a sentence; a company suffix ("others") may.
        #expect(
            splitter.split("Headline\n\nLt. Gen. Kim spoke. Sgt. Lee agreed.").sentences == [
                "Lt. Gen. Kim spoke.", "Sgt. Lee agreed.",
            ]
        )
        #expect(
            splitter.split("Headline\n\nShares of Time Warner Inc. Analysts expected more.").sentences == [
                "Shares of Time Warner Inc.", "Analysts expected more.",
            ]
        )
        // Titles that only the entity list had before the lists were merged (Pvt., Atty., Mlle.); "Jr." ends names
        // and sentences alike, so it is not a title.
        #expect(
            splitter.split("Headline\n\nThey found Pvt. Ryan. Atty. Gen. Holder and Mlle. Dupont spoke.").sentences == [
                "They found Pvt. Ryan.", "Atty. Gen. Holder and Mlle. Dupont spoke.",
            ]
        )
        #expect(
            splitter.split("Headline\n\nHe quoted Martin Luther King Jr. The crowd cheered.").sentences == [
                "He quoted Martin Luther King Jr.", "The crowd cheered.",
            ]
        )
        // A month before a number does not end the sentence; before a capital it does.
        #expect(
            splitter.split("Headline\n\nTalks resume on Aug. 8 in Seoul. Officials met in Aug. The end.").sentences
                == ["Talks resume on Aug. 8 in Seoul.", "Officials met in Aug.", "The end."]
        )
    }
}
