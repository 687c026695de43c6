/// Something that adds the per-tag weights of hashed features to a score vector: the trained ``EntityModel``, or
/// the weights being learnt by the model trainer.
///
/// Scores are integers (exact sums, so decoding does not depend on the order features are added in); ``scale`` is
/// the value of one unit.
protocol EntityFeatureScorer {
    /// The value of one integer score unit (used to calibrate confidences).
    var scale: Float { get }

    /// Adds the weights of every feature in `features` to `scores` (``EntityTagSet/count`` entries).
    func accumulate(_ features: [UInt64], into scores: UnsafeMutablePointer<Int32>)
}

extension EntityModel: EntityFeatureScorer {}
