/// Every option of the `dedupe` stage, with its default.
///
/// The defaults were chosen from measurements on the development set (`neardup/dev.jsonl`): see the stage report.
struct DedupeConfiguration: Sendable, Equatable {
    /// The estimated Jaccard similarity (of word-shingle sets) at or above which a document is a near duplicate of
    /// an earlier kept one; in `0.0...1.0`. Also sets the LSH banding. Default `0.33`.
    var threshold: Double = 0.33

    /// The number of consecutive normalised words in one shingle; at least 1. A text with fewer words is one
    /// shingle of all its words. Default `5`.
    var shingleSize: Int = 5

    /// The number of MinHash permutations, the length of a signature; in `1...1024`. Default `128`.
    var permutationCount: Int = 128

    /// The seed of the MinHash permutation coefficients. Signatures are only comparable when made with the same
    /// seed, permutation count and shingle size. Default `0x6465_6475_7065` ("dedupe").
    var seed: UInt64 = 0x6465_6475_7065

    /// The weight of false positives (pairs below the threshold that share a band) when choosing the banding;
    /// in `0.0...1.0`. Default `0.1`: a false positive only costs one verification, since every candidate's
    /// similarity is estimated before it is declared a duplicate.
    var falsePositiveWeight: Double = 0.1

    /// The weight of false negatives (pairs at or above the threshold that share no band) when choosing the
    /// banding; in `0.0...1.0`. Default `0.9`: a false negative is a missed duplicate.
    var falseNegativeWeight: Double = 0.9

    /// The problems of this configuration, as messages naming the option; empty when it is valid.
    ///
    /// The stage adapter should report these when the pipeline is compiled; ``Deduplicator`` clamps invalid values
    /// into range instead of failing.
    var problems: [String] {
        var problems: [String] = []
        if !(0.0...1.0).contains(threshold) {
            problems.append("threshold must be between 0 and 1, got \(threshold)")
        }
        if shingleSize < 1 {
            problems.append("shingle_size must be at least 1, got \(shingleSize)")
        }
        if !(1...1024).contains(permutationCount) {
            problems.append("permutations must be between 1 and 1024, got \(permutationCount)")
        }
        if !(0.0...1.0).contains(falsePositiveWeight) || !(0.0...1.0).contains(falseNegativeWeight) {
            problems.append("false_positive_weight and false_negative_weight must be between 0 and 1")
        }
        return problems
    }
}
