/// An article split into its headline and body sentences by ``NewsSentenceSplitter``.
struct SplitArticle: Sendable, Equatable {
    /// The headline (the first line, when it is one), trimmed; `nil` when the text has no headline.
    var headline: String?
    /// The body sentences in article order, trimmed of surrounding whitespace; never empty strings.
    var sentences: [String]
}
