import Foundation

extension SentenceTermTable {
    /// The average in-article frequency of each sentence's content words, `Σ freq(w) / length^lengthExponent`, for
    /// the `frequency` and `news` methods and the highlight features; 0 for a sentence without content words.
    ///
    /// The power is taken in double precision and rounded once to `Float` (an exponent of 1 divides by the length
    /// itself).
    /// - Parameter lengthExponent: How strongly long sentences are discounted (0: sums; 1: means).
    /// - Returns: One score per sentence.
    func frequencyScores(lengthExponent: Double) -> [Float] {
        var scores = [Float](repeating: 0, count: sentenceCount)
        for sentence in 0..<sentenceCount {
            let length = contentWordCounts[sentence]
            if length == 0 { continue }
            var sum: Float = 0
            for entry in offsets[sentence]..<offsets[sentence + 1] {
                sum += Float(termCounts[entry]) * Float(totalFrequency[Int(termIDs[entry])])
            }
            let divisor = lengthExponent == 1 ? Float(length) : Float(pow(Double(length), lengthExponent))
            scores[sentence] = sum / divisor
        }
        return scores
    }
}
