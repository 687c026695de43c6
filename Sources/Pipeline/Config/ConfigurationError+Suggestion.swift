/// "Did you mean" suggestions for misspelt keys and values.
extension ConfigurationError {
    /// The candidate closest to `word`: one equal to it ignoring case and `-`/`_`, or else the nearest within two
    /// edits (ties go to the earlier candidate).
    ///
    /// - Parameters:
    ///   - word: What the user wrote.
    ///   - candidates: The accepted spellings.
    /// - Returns: The suggestion, or `nil` when nothing is close.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let normalizedWord = normalized(word)
        if let match = candidates.first(where: { normalized($0) == normalizedWord && $0 != word }) {
            return match
        }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(Array(word.unicodeScalars), Array(candidate.unicodeScalars), limit: 2)
            if distance <= 2, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func normalized(_ word: String) -> String {
        String(word.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The Levenshtein distance between two words, or `limit + 1` when it is larger than `limit`.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
