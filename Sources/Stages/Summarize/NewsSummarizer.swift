import Foundation
import Pipeline

/// Extractive summaries of news articles: splits the text into sentences, ranks them and returns the best ones in
/// article order.
///
/// ```
/// text ──▶ SentenceSplitter ──▶ headline + body sentences (first maxSentences are candidates)
///                                          │
///                 SentenceTermTable (content-word ids) ──▶ scores (method) ──▶ selection (length, MMR)
///                                          │
///                    SummaryResult(summary, sentenceIndices) ◀── joined in article order
/// ```
///
/// The headline is never a summary sentence. Sentence indices are 0-based indices into the body sentences the
/// splitter produced. Cost per article is linear in its length plus a quadratic term in the number of ranked
/// sentences, bounded by ``SummarizeConfiguration/maxSentences``.
///
/// # Thread safety
/// An immutable `Sendable` value: ``summarize(_:)`` is pure and deterministic and may run concurrently.
struct NewsSummarizer: Sendable {
    /// The options this summarizer was built with.
    let configuration: SummarizeConfiguration
    /// The sentence splitter.
    let splitter: SentenceSplitter

    /// Creates a summarizer.
    /// - Parameter configuration: The method, length and limits.
    init(configuration: SummarizeConfiguration = SummarizeConfiguration()) {
        self.configuration = configuration
        self.splitter = SentenceSplitter()
    }

    /// Summarizes one article.
    /// - Parameter text: The article; its first line is the headline when it has no final punctuation.
    /// - Returns: The summary, the chosen sentence indices, the body sentence count and the headline.
    func summarize(_ text: String) -> SummaryResult {
        var text = text
        return text.withUTF8 { bytes in summarize(bytes: bytes) }
    }

    /// Summarizes one article given as UTF-8 bytes (invalid sequences are tolerated).
    /// - Parameter bytes: The article's UTF-8 bytes.
    /// - Returns: The summary, the chosen sentence indices, the body sentence count and the headline.
    func summarize(bytes: UnsafeBufferPointer<UInt8>) -> SummaryResult {
        let layout = splitter.splitBytes(bytes)
        let headline = layout.headline.map { SentenceSplitter.string(bytes, $0) }
        let total = layout.sentences.count
        let candidates = min(total, max(1, configuration.maxSentences))
        let wanted = min(candidates, targetCount(bodySentences: total))
        if total == 0 || wanted == 0 {
            return SummaryResult(summary: "", sentenceIndices: [], bodySentenceCount: total, headline: headline)
        }
        let texts = SentenceTexts(bytes: bytes, ranges: layout.sentences)
        var chosen: [Int]
        if configuration.method == .lead {
            chosen = Self.select(
                order: Array(0..<candidates),
                count: wanted,
                budget: configuration.maxCharacters,
                texts: texts
            )
        } else {
            let table = SentenceTermTable(
                bytes: bytes,
                sentences: layout.sentences[0..<candidates],
                headline: layout.headline
            )
            let ranker = SentenceGraphRanker(table: table)
            chosen = rank(
                bytes: bytes,
                sentences: layout.sentences[0..<candidates],
                ranker: ranker,
                count: wanted,
                texts: texts
            )
        }
        chosen.sort()
        var summary = ""
        for (position, index) in chosen.enumerated() {
            if position > 0 { summary += " " }
            summary += texts.text(index)
        }
        return SummaryResult(summary: summary, sentenceIndices: chosen, bodySentenceCount: total, headline: headline)
    }

    /// The number of sentences to choose for an article with `bodySentences` body sentences (before the budget).
    func targetCount(bodySentences: Int) -> Int {
        if bodySentences == 0 { return 0 }
        if let sentences = configuration.sentences { return max(1, min(sentences, bodySentences)) }
        if configuration.ratio == nil && configuration.maxCharacters != nil { return bodySentences }
        let ratio = min(1, max(0, configuration.ratio ?? SummarizeConfiguration.defaultRatio))
        let exact = ratio * Double(bodySentences)
        let rounded: Double
        switch configuration.ratioRounding {
        case .up: rounded = (exact - 1e-9).rounded(.up)
        case .nearest: rounded = (exact + 1e-9).rounded(.toNearestOrAwayFromZero)
        }
        return max(1, min(bodySentences, Int(rounded)))
    }

    // MARK: - Ranking

    /// Scores the candidates with the configured method and selects `count` of them.
    private func rank(
        bytes: UnsafeBufferPointer<UInt8>,
        sentences: ArraySlice<Range<Int>>,
        ranker: SentenceGraphRanker,
        count: Int,
        texts: SentenceTexts
    ) -> [Int] {
        let table = ranker.table
        let candidates = table.sentenceCount
        var scores: [Float]
        switch configuration.method {
        case .lead:
            scores = (0..<candidates).map { -Float($0) }
        case .frequency:
            scores = table.frequencyScores(lengthExponent: 1)
        case .textrank:
            scores = ranker.centrality(.overlap, in: ranker.similarityGraph())
        case .lexrank:
            scores = ranker.centrality(.thresholdCosine, in: ranker.similarityGraph())
        case .news:
            return newsSelection(ranker: ranker, count: count, texts: texts)
        case .highlights:
            return highlightSelection(bytes: bytes, sentences: sentences, ranker: ranker, count: count, texts: texts)
        }
        let order = (0..<candidates).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return Self.select(order: order, count: count, budget: configuration.maxCharacters, texts: texts)
    }

    /// The `news` method: weighted features, then greedy Maximal Marginal Relevance selection.
    private func newsSelection(ranker: SentenceGraphRanker, count: Int, texts: SentenceTexts) -> [Int] {
        let table = ranker.table
        let candidates = table.sentenceCount
        let weights = configuration.newsWeights
        var scores = [Float](repeating: 0, count: candidates)
        func add(_ feature: [Float], _ weight: Double) {
            guard weight != 0, let top = feature.max(), top > 0 else { return }
            let scale = Float(weight) / top
            for index in 0..<candidates { scores[index] += feature[index] * scale }
        }
        add(table.frequencyScores(lengthExponent: weights.lengthExponent), weights.frequency)
        if weights.centrality != 0 || weights.overlapCentrality != 0 {
            let graph = ranker.similarityGraph()
            if weights.centrality != 0 { add(ranker.centrality(.weightedCosine, in: graph), weights.centrality) }
            if weights.overlapCentrality != 0 { add(ranker.centrality(.overlap, in: graph), weights.overlapCentrality) }
        }
        if weights.position != 0 {
            add((0..<candidates).map { 1 - Float($0) / Float(candidates) }, weights.position)
        }
        scores[0] += Float(weights.lede)
        if weights.headline != 0 && !table.headlineTermIDs.isEmpty {
            let headlineTerms = Set(table.headlineTermIDs)
            let feature = (0..<candidates).map { sentence in
                Float(table.terms(of: sentence).reduce(0) { $0 + (headlineTerms.contains($1) ? 1 : 0) })
                    / Float(headlineTerms.count)
            }
            for index in 0..<candidates { scores[index] += feature[index] * Float(weights.headline) }
        }
        let redundancy = Float(weights.redundancy)
        if redundancy == 0 {
            let order = (0..<candidates).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            return Self.select(order: order, count: count, budget: configuration.maxCharacters, texts: texts)
        }
        return Self.maximalMarginalRelevance(
            scores: scores,
            candidates: candidates,
            redundancy: redundancy,
            count: count,
            budget: configuration.maxCharacters,
            ranker: ranker,
            texts: texts
        )
    }

    /// The `highlights` method: the learned scorer over ``NewsSentenceFeatures``, then greedy MMR over the first
    /// ``HighlightModel/candidates`` sentences.
    private func highlightSelection(
        bytes: UnsafeBufferPointer<UInt8>,
        sentences: ArraySlice<Range<Int>>,
        ranker: SentenceGraphRanker,
        count: Int,
        texts: SentenceTexts
    ) -> [Int] {
        let model = HighlightModel.trained
        let features = NewsSentenceFeatures(
            bytes: bytes,
            sentences: sentences,
            ranker: ranker,
            graph: ranker.similarityGraph(),
            rowLimit: model.candidates  // selection reads no score beyond them
        )
        return Self.maximalMarginalRelevance(
            scores: model.scores(features),
            candidates: min(model.candidates, features.sentenceCount),
            redundancy: model.redundancy,
            count: count,
            budget: configuration.maxCharacters,
            ranker: ranker,
            texts: texts
        )
    }

    /// Greedy Maximal Marginal Relevance: each round takes the candidate with the best score minus `redundancy`
    /// times its highest cosine similarity to a sentence already chosen; a sentence that would overflow `budget` is
    /// skipped.
    private static func maximalMarginalRelevance(
        scores: [Float],
        candidates: Int,
        redundancy: Float,
        count: Int,
        budget: Int?,
        ranker: SentenceGraphRanker,
        texts: SentenceTexts
    ) -> [Int] {
        var maximumSimilarity = [Float](repeating: 0, count: candidates)
        var available = [Bool](repeating: true, count: candidates)
        var chosen: [Int] = []
        var used = 0
        while chosen.count < count {
            var best = -1
            var bestValue = -Float.greatestFiniteMagnitude
            for index in 0..<candidates where available[index] {
                let value = scores[index] - redundancy * maximumSimilarity[index]
                if value > bestValue {
                    bestValue = value
                    best = index
                }
            }
            if best < 0 { break }
            available[best] = false
            if let budget {
                let cost = texts.scalarCount(best) + (chosen.isEmpty ? 0 : 1)
                if used + cost > budget { continue }
                used += cost
            }
            chosen.append(best)
            for index in 0..<candidates where available[index] {
                maximumSimilarity[index] = max(maximumSimilarity[index], ranker.cosine(best, index))
            }
        }
        return chosen
    }

    /// Takes sentences in `order` until `count` are chosen, skipping any that would overflow `budget`.
    private static func select(order: [Int], count: Int, budget: Int?, texts: SentenceTexts) -> [Int] {
        var chosen: [Int] = []
        var used = 0
        for index in order {
            if chosen.count >= count { break }
            if let budget {
                let cost = texts.scalarCount(index) + (chosen.isEmpty ? 0 : 1)
                if used + cost > budget { continue }
                used += cost
            }
            chosen.append(index)
        }
        return chosen
    }
}
