/// One entity mention found in a document.
struct EntityMention: Sendable, Equatable, Codable {
    /// The mention's text, equal to the document's characters `start..<end` (code points).
    var text: String
    /// The mention's label.
    var label: EntityLabel
    /// Offset of the first Unicode code point (scalar) of the mention in the document text.
    var start: Int
    /// Offset one past the last code point (end exclusive), so that Python's `text[start:end]` is the mention.
    var end: Int
    /// The model's confidence in the mention (0-1): the smallest max-marginal probability of its tokens (see
    /// ``EntitySequenceTagger``); 1 for pattern and user-gazetteer mentions.
    var confidence: Double
}
