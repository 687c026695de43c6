import Foundation

/// The per-sentence features read by ``HighlightModel``: position, length, overlap with the headline and the lead,
/// graph centrality (undirected and PacSum-style directed), word frequency, entity and number density, quotes,
/// attribution and heading-like shape.
///
/// Every feature is computed from the article alone and carries across outlets: none names a source, a section or a
/// phrase that only one site prints. The same code computes the features at run time and for training
/// (`scripts/train-summarizer.py` reads them through the `summary-features` tool), so the model sees at run time
/// exactly what it was trained on.
///
/// ```
/// body sentences ──▶ SentenceTermTable ──▶ SentenceGraphRanker ──▶ similarity graph
///        │                                        │                      │
///        └── surface scan (words, capitals, ──────┴── cosine to lead ────┴── centrality, forward/backward sums
///            digits, quotes, attribution)                                      │
///                                                                  values[sentence * count + feature]
/// ```
///
/// # Thread safety
/// A value built per article; no shared mutable state.
struct NewsSentenceFeatures: Sendable {
    /// The feature names, in column order (the training script writes its weights in this order).
    static let names: [String] = [
        "first", "second", "third", "inverse_position", "relative_position", "log_position",
        "words", "short", "long", "content_words",
        "headline_overlap", "lead_cosine", "lexrank", "textrank", "forward_similarity", "backward_similarity",
        "frequency", "capitalised", "numbers", "has_quote", "opens_with_quote", "quoted_share", "attribution",
        "heading_like", "question", "opens_with_reference", "parenthesis", "colon",
    ]
    /// The number of features per sentence.
    static let count = names.count
    /// The length exponent of the `frequency` feature: the single-precision 0.8 (0.800000011920929) the highlight
    /// model was trained with. Taken in double precision and rounded to `Float`, the power equals single-precision
    /// `powf(length, 0.8)` for every length below 2,890 content words (checked exhaustively), far above any sentence
    /// of the training and dev sets (at most 1,794 words an article).
    static let frequencyLengthExponent = Double(Float(0.8))

    /// The feature values, row-major: `values[sentence * count + feature]`.
    private(set) var values: [Float]
    /// The number of sentences described: the leading sentences of the table, at most the `rowLimit` of
    /// ``init(bytes:sentences:ranker:graph:rowLimit:)``.
    let sentenceCount: Int

    /// The features of sentence `sentence`.
    func row(_ sentence: Int) -> ArraySlice<Float> {
        values[(sentence * Self.count)..<((sentence + 1) * Self.count)]
    }

    /// Computes the features of the leading sentences in `ranker.table`.
    ///
    /// Features that compare a sentence with the article (centrality, frequency, position) are taken over every
    /// sentence of the table whatever `rowLimit` is, so a row's values do not depend on it; the limit only skips the
    /// rows a caller will not read (the surface scan of each is a pass over its bytes).
    /// - Parameters:
    ///   - bytes: The article's UTF-8 bytes.
    ///   - sentences: The byte ranges of the sentences in the table, in article order.
    ///   - ranker: The similarity model of those sentences.
    ///   - graph: The similarity graph of those sentences (from `ranker.similarityGraph()`).
    ///   - rowLimit: The most leading sentences to describe (default: all).
    init(
        bytes: UnsafeBufferPointer<UInt8>,
        sentences: ArraySlice<Range<Int>>,
        ranker: SentenceGraphRanker,
        graph: SentenceGraphRanker.SimilarityGraph,
        rowLimit: Int = .max
    ) {
        let table = ranker.table
        let n = table.sentenceCount
        let rows = min(n, max(0, rowLimit))
        sentenceCount = rows
        values = [Float](repeating: 0, count: rows * Self.count)
        if rows == 0 { return }
        let lexRank = ranker.centrality(.weightedCosine, in: graph)
        let textRank = ranker.centrality(.overlap, in: graph)
        var forward = [Float](repeating: 0, count: n)
        var backward = [Float](repeating: 0, count: n)
        var leadCosine = [Float](repeating: 0, count: n)
        for edge in 0..<graph.cosines.count {
            let a = Int(graph.sources[edge])
            let b = Int(graph.targets[edge])
            let cosine = graph.cosines[edge]
            forward[a] += cosine  // a precedes b
            backward[b] += cosine
            if a == 0 { leadCosine[b] = cosine }
        }
        let frequency = table.frequencyScores(lengthExponent: Self.frequencyLengthExponent)
        let topFrequency = max(frequency.max() ?? 0, .leastNonzeroMagnitude)
        let headlineTerms = table.headlineTermIDs
        let scale = Float(n)
        let sentenceRanges = Array(sentences)
        let attributionWords = SurfaceCounts.attributionWords
        let referenceWords = SurfaceCounts.referenceWords
        for sentence in 0..<rows {
            let surface = SurfaceCounts(
                bytes: bytes,
                range: sentenceRanges[sentence],
                attributionWords: attributionWords,
                referenceWords: referenceWords
            )
            let words = Float(max(1, surface.words))
            let position = Float(sentence)
            var headlineOverlap: Float = 0
            if !headlineTerms.isEmpty {
                var shared = 0
                var h = 0
                for term in table.terms(of: sentence) {
                    while h < headlineTerms.count && headlineTerms[h] < term { h += 1 }
                    if h < headlineTerms.count && headlineTerms[h] == term { shared += 1 }
                }
                headlineOverlap = Float(shared) / Float(headlineTerms.count)
            }
            let base = sentence * Self.count
            values.withUnsafeMutableBufferPointer { cells in  // this sentence's row, written in place
                cells[base + 0] = sentence == 0 ? 1 : 0
                cells[base + 1] = sentence == 1 ? 1 : 0
                cells[base + 2] = sentence == 2 ? 1 : 0
                cells[base + 3] = 1 / (position + 1)
                cells[base + 4] = n > 1 ? position / Float(n - 1) : 0
                cells[base + 5] = logf(1 + position)
                cells[base + 6] = Float(surface.words) / 30
                cells[base + 7] = surface.words < 8 ? 1 : 0
                cells[base + 8] = surface.words > 40 ? 1 : 0
                cells[base + 9] = Float(table.contentWordCounts[sentence]) / 20
                cells[base + 10] = headlineOverlap
                cells[base + 11] = leadCosine[sentence]
                cells[base + 12] = lexRank[sentence] * scale
                cells[base + 13] = textRank[sentence] * scale
                cells[base + 14] = forward[sentence] / Float(max(1, n - 1 - sentence))
                cells[base + 15] = backward[sentence] / Float(max(1, sentence))
                cells[base + 16] = frequency[sentence] / topFrequency
                cells[base + 17] = Float(surface.capitalised) / words
                cells[base + 18] = Float(surface.numbers) / words
                cells[base + 19] = surface.quotes > 0 ? 1 : 0
                cells[base + 20] = surface.opensWithQuote ? 1 : 0
                cells[base + 21] = Float(surface.quotedBytes) / Float(max(1, sentenceRanges[sentence].count))
                cells[base + 22] = surface.attribution ? 1 : 0
                cells[base + 23] = surface.headingLike ? 1 : 0
                cells[base + 24] = surface.question ? 1 : 0
                cells[base + 25] = surface.opensWithReference ? 1 : 0
                cells[base + 26] = surface.parenthesis ? 1 : 0
                cells[base + 27] = surface.colon ? 1 : 0
            }
        }
    }
}
