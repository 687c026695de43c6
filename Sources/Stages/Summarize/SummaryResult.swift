import Pipeline

/// The extractive summary of one article, as returned by ``NewsSummarizer/summarize(_:)``.
struct SummaryResult: Sendable, Equatable {
    /// The chosen sentences in article order, joined by a single space; empty when nothing was chosen.
    var summary: String
    /// The chosen sentences' indices, ascending: 0-based indices into the body sentences produced by
    /// ``SentenceSplitter`` (the headline is not counted; index 0 is the first sentence after it).
    var sentenceIndices: [Int]
    /// The number of body sentences the splitter produced (before any `maxSentences` cap).
    var bodySentenceCount: Int
    /// The headline, when the first line of the text is one; it is never part of the summary.
    var headline: String?
}
