import Pipeline
import Testing

@Suite("NameSuggestion")
struct NameSuggestionTests {
    static let exportKeys = ["path", "format", "fields", "compression"]

    @Test(arguments: [
        ("formatt", "format"),
        ("Formatt", "format"),  // distance is compared ignoring case: 1 edit, not 2
        ("FROMAT", "format"),  // two substitutions once case is folded
        ("Path", "path"),  // equal ignoring case
        ("compresion", "compression"),
    ])
    func suggestsTheClosestKey(word: String, expected: String) {
        #expect(NameSuggestion.closest(to: word, among: Self.exportKeys) == expected)
        #expect(NameSuggestion.didYouMean(word, among: Self.exportKeys) == "did you mean '\(expected)'?")
    }

    @Test func equalIgnoringCaseAndSeparatorsWinsOverANearerSpelling() {
        #expect(NameSuggestion.closest(to: "Min-Words", among: ["min_word", "min_words"]) == "min_words")
        #expect(NameSuggestion.closest(to: "text-field", among: ["text_fields", "text_field"]) == "text_field")
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(NameSuggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(NameSuggestion.closest(to: "cat", among: ["hat", "bat"]) == "hat")
    }

    @Test func suggestsNothingFarOrIdentical() {
        #expect(NameSuggestion.closest(to: "destination", among: Self.exportKeys) == nil)
        #expect(NameSuggestion.didYouMean("destination", among: Self.exportKeys) == nil)
        #expect(NameSuggestion.closest(to: "path", among: ["path"]) == nil)
        #expect(NameSuggestion.closest(to: "", among: ["ab", "abc"]) == "ab")
        #expect(NameSuggestion.closest(to: "sumarise", among: ["summarize", "entities"]) == "summarize")
    }
}
