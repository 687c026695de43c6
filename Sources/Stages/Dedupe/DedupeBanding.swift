import Foundation

/// The LSH banding of MinHash signatures: `bands` bands of `rows` consecutive signature values each.
///
/// Two documents become candidates when all the values of at least one band are equal. For Jaccard similarity `s`
/// the probability of that is `1 - (1 - s^rows)^bands`, an S-curve whose steep part should sit at the threshold.
struct DedupeBanding: Sendable, Equatable {
    /// The number of bands.
    var bands: Int
    /// The number of signature values in each band.
    var rows: Int

    /// The probability that two documents of Jaccard similarity `similarity` share at least one band.
    ///
    /// - Parameter similarity: A Jaccard similarity in `0...1`.
    /// - Returns: The candidate probability.
    func candidateProbability(similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }

    /// The banding that minimises the weighted area of false positives below the threshold and of false negatives
    /// above it, over every `bands × rows <= permutationCount` (the criterion of datasketch's MinHash LSH).
    ///
    /// The areas are integrated with Simpson's rule; ties keep the first banding found (fewest bands).
    ///
    /// - Parameters:
    ///   - threshold: The Jaccard threshold, in `0...1`.
    ///   - permutationCount: The signature length.
    ///   - falsePositiveWeight: The weight of the false-positive area.
    ///   - falseNegativeWeight: The weight of the false-negative area.
    /// - Returns: The optimal banding.
    static func optimal(
        threshold: Double,
        permutationCount: Int,
        falsePositiveWeight: Double = 0.5,
        falseNegativeWeight: Double = 0.5
    ) -> DedupeBanding {
        var best = DedupeBanding(bands: 1, rows: max(1, permutationCount))
        var bestError = Double.infinity
        for bands in 1...max(1, permutationCount) {
            for rows in 1...max(1, permutationCount / bands) {
                let banding = DedupeBanding(bands: bands, rows: rows)
                let falsePositive = integrate(from: 0, to: threshold) { banding.candidateProbability(similarity: $0) }
                let falseNegative = integrate(from: threshold, to: 1) {
                    1 - banding.candidateProbability(similarity: $0)
                }
                let error = falsePositiveWeight * falsePositive + falseNegativeWeight * falseNegative
                if error < bestError {
                    bestError = error
                    best = banding
                }
            }
        }
        return best
    }

    /// Integrates a function over an interval with Simpson's rule on 200 sub-intervals.
    private static func integrate(from lower: Double, to upper: Double, _ function: (Double) -> Double) -> Double {
        let intervals = 200
        let step = (upper - lower) / Double(intervals)
        guard step > 0 else { return 0 }
        var sum = function(lower) + function(upper)
        for index in 1..<intervals {
            sum += function(lower + Double(index) * step) * (index % 2 == 1 ? 4 : 2)
        }
        return sum * step / 3
    }
}
