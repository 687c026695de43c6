/// The learned sentence scorer of the `highlights` method: a logistic model over ``NewsSentenceFeatures``, with
/// redundancy control at selection time.
///
/// The weights are trained by `scripts/train-summarizer.py` on CNN stories and their human highlights
/// (`news_train.jsonl`; labels: the greedy ROUGE oracle of the highlights), then written to
/// `HighlightModel+Trained.swift`, so the model is compiled in: nothing is read at run time.
///
/// Selection is greedy Maximal Marginal Relevance over the first ``candidates`` body sentences: each round takes the
/// sentence with the highest `score − redundancy × (highest TF-IDF cosine to a sentence already chosen)`.
///
/// # Thread safety
/// An immutable `Sendable` value.
struct HighlightModel: Sendable, Equatable {
    /// One weight per feature, in ``NewsSentenceFeatures/names`` order, applied to the raw feature values.
    let weights: [Float]
    /// The intercept.
    let bias: Float
    /// The Maximal Marginal Relevance penalty on the highest cosine similarity to a chosen sentence.
    let redundancy: Float
    /// How many leading body sentences may be chosen.
    let candidates: Int

    /// Creates a model.
    /// - Parameters:
    ///   - weights: One weight per feature, in ``NewsSentenceFeatures/names`` order.
    ///   - bias: The intercept.
    ///   - redundancy: The MMR penalty.
    ///   - candidates: How many leading body sentences may be chosen.
    init(weights: [Float], bias: Float, redundancy: Float, candidates: Int) {
        precondition(weights.count == NewsSentenceFeatures.count, "one weight per feature")
        self.weights = weights
        self.bias = bias
        self.redundancy = redundancy
        self.candidates = candidates
    }

    /// The score (log-odds of being a highlight sentence) of every sentence described by `features`.
    func scores(_ features: NewsSentenceFeatures) -> [Float] {
        var scores = [Float](repeating: bias, count: features.sentenceCount)
        for sentence in 0..<features.sentenceCount {
            var sum = bias
            for (weight, value) in zip(weights, features.row(sentence)) { sum += weight * value }
            scores[sentence] = sum
        }
        return scores
    }
}
