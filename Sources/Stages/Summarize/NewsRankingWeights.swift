/// The weights the `news` method gives each sentence feature; every feature is scaled to 0...1 within the article.
///
/// The defaults were chosen by measuring ROUGE on the BBC development set: word frequency plus TextRank and LexRank
/// centrality, with a light MMR penalty, scored best; the position, lede and headline features each lowered ROUGE
/// there (the reference summaries are not lead-biased), so they default to 0 but stay available.
struct NewsRankingWeights: Sendable, Equatable {
    /// Weight of the average in-document frequency of the sentence's content words.
    var frequency: Double = 1.0
    /// Weight of the LexRank-style centrality (PageRank over TF-IDF cosine similarities).
    var centrality: Double = 0.25
    /// Weight of the TextRank-style centrality (PageRank over word-overlap similarities).
    var overlapCentrality: Double = 1.0
    /// Weight of the position score `1 - index / count` (earlier is better).
    var position: Double = 0
    /// Extra score for the first body sentence (the lede).
    var lede: Double = 0
    /// Weight of the fraction of headline content words the sentence contains.
    var headline: Double = 0
    /// Maximal Marginal Relevance penalty: the score is reduced by this times the highest cosine similarity to a
    /// sentence already chosen. 0 disables redundancy control.
    var redundancy: Double = 0.1
    /// Exponent of the sentence length (in content words) dividing the frequency sum: 1 is a plain average,
    /// 0.5 favours longer sentences.
    var lengthExponent: Double = 0.8

    /// Creates weights; every parameter defaults to the tuned default.
    init(
        frequency: Double = 1.0,
        centrality: Double = 0.25,
        overlapCentrality: Double = 1.0,
        position: Double = 0,
        lede: Double = 0,
        headline: Double = 0,
        redundancy: Double = 0.1,
        lengthExponent: Double = 0.8
    ) {
        self.frequency = frequency
        self.centrality = centrality
        self.overlapCentrality = overlapCentrality
        self.position = position
        self.lede = lede
        self.headline = headline
        self.redundancy = redundancy
        self.lengthExponent = lengthExponent
    }
}
