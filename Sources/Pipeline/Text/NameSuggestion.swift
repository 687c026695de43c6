/// "Did you mean" suggestions for misspelt names: configuration keys, choices and stage types.
///
/// The one rule, used wherever the pipeline suggests a name:
/// 1. A candidate equal to the word ignoring case and `-`/`_` wins (`Min-Words` → `min_words`).
/// 2. Otherwise the candidate nearest to the word within two edits (insertions, deletions, substitutions of
///    Unicode scalars), **compared ignoring case**, so `Formatt` and `formatt` both suggest `format`. Ties go to the
///    earlier candidate.
/// 3. A candidate spelt exactly like the word is never suggested: it is not a misspelling of itself.
///
/// # Thread safety
/// Pure functions of their arguments; call them from any task.
public enum NameSuggestion {
    /// The largest edit distance at which a candidate is still suggested.
    public static let maximumDistance = 2

    /// A hint naming the closest candidate, for a diagnostic.
    ///
    /// - Parameters:
    ///   - word: What the user wrote.
    ///   - candidates: The accepted spellings, in the order ties are broken.
    /// - Returns: `did you mean 'NAME'?`, or `nil` when no candidate is close (see ``closest(to:among:)``).
    public static func didYouMean(_ word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// The candidate closest to `word` under the rule above.
    ///
    /// - Parameters:
    ///   - word: What the user wrote.
    ///   - candidates: The accepted spellings, in the order ties are broken.
    /// - Returns: The suggestion, or `nil` when nothing is within ``maximumDistance`` edits.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let normalized = normalize(word)
        if let match = candidates.first(where: { $0 != word && normalize($0) == normalized }) { return match }
        let folded = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(folded, Array(candidate.lowercased().unicodeScalars), limit: maximumDistance)
            if distance <= maximumDistance, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The word lowercased, with `-` written as `_`.
    private static func normalize(_ word: String) -> String {
        String(word.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The Levenshtein distance between two words, or `limit + 1` as soon as it must be larger than `limit`.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
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
