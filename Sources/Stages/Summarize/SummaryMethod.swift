import Pipeline

/// How ``NewsSummarizer`` ranks the body sentences.
enum SummaryMethod: String, Sendable, Equatable, CaseIterable, ConfigurationEnum {
    /// The first sentences of the body, in order (the classic news baseline).
    case lead
    /// Average in-document frequency of a sentence's content words (SumBasic-style word probability).
    case frequency
    /// TextRank: PageRank over a graph weighted by word overlap normalised by sentence lengths.
    case textrank
    /// LexRank: PageRank over a graph of TF-IDF cosine similarities above a threshold (binary edges).
    case lexrank
    /// The default: word frequency, LexRank centrality, position and headline overlap combined, then MMR
    /// redundancy control so the summary does not repeat itself.
    case news
    /// For news with a strong lead (wire copy, CNN-style stories): a small model trained on human story highlights
    /// scores each sentence from its position, length, overlap with the lead and the headline, directed centrality,
    /// entity and number density, quotes and attribution; MMR keeps the summary from repeating itself.
    case highlights
}
