/// "Did you mean" suggestions for misspelt names.
enum NameSuggestion {
    /// A hint naming the closest candidate, when one is close enough (edit distance ≤ 2, or equal ignoring case and
    /// `-`/`_`); otherwise `nil`.
    static func didYouMean(_ word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// The closest candidate within edit distance 2, or `nil`.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let normalised = normalise(word)
        if let exact = candidates.first(where: { normalise($0) == normalised }) { return exact }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(
                Array(word.lowercased().unicodeScalars),
                Array(candidate.lowercased().unicodeScalars)
            )
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    private static func normalise(_ word: String) -> String {
        String(word.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
