/// One token of news text: a UTF-8 byte range of the document plus its position flags.
struct EntityToken: Sendable, Equatable {
    /// First byte of the token in the document's UTF-8 bytes.
    var start: Int32
    /// One past the last byte of the token.
    var end: Int32
    /// Whether the token is the first one of its line (lines are tagging sequences).
    var startsLine: Bool
    /// Whether the token begins a sentence (first of a line, or after `.`, `!`, `?`, `:` or an opening quote there).
    var startsSentence: Bool
}
