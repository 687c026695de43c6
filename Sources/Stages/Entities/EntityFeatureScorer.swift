/// Something that adds the per-tag weights of hashed features to a score vector: the trained ``EntityModel``, or
/// the weights being learnt by ``EntityPerceptronTrainer``.
protocol EntityFeatureScorer {
    /// Adds the weights of every feature in `features` to `scores` (``EntityTagSet/count`` entries).
    func accumulate(_ features: [UInt64], into scores: UnsafeMutablePointer<Float>)
}

extension EntityModel: EntityFeatureScorer {}
