/// An article split into its headline and body sentences by ``SentenceSplitter``.
public struct SplitArticle: Sendable, Equatable {
    /// The headline (the first line, when it is one), trimmed; `nil` when the text has no headline.
    public var headline: String?
    /// The body sentences in article order, trimmed of surrounding whitespace; never empty strings.
    public var sentences: [String]

    /// Creates a split article.
    /// - Parameters:
    ///   - headline: The headline, or `nil`.
    ///   - sentences: The body sentences in order.
    public init(headline: String?, sentences: [String]) {
        self.headline = headline
        self.sentences = sentences
    }
}
