/// Reads an author's name out of a removed byline ("By MARIA CHENG, AP Medical Writer" gives "MARIA CHENG").
///
/// The name is what follows the word `by` (or `von`, `par`, `por`, `di`, `door`), up to a comma, `|`, `:`, ` - `,
/// a digit or an `@`; it must be one to six words, each starting with a capital. Lines without such a word give nil:
/// a sign-off or a bio is kept in `clean_removed`, not guessed into `author`.
enum BylineAuthor {
    /// Words that introduce an author's name.
    private static let introducers: Set<String> = ["by", "von", "par", "por", "di", "door"]

    /// The author named by a byline, or nil.
    /// - Parameter line: the removed byline.
    /// - Returns: the name, trimmed.
    static func name(in line: String) -> String? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let start = words.firstIndex(where: { introducers.contains($0.lowercased()) }), start + 1 < words.count
        else { return nil }
        var name: [Substring] = []
        for word in words[(start + 1)...] {
            if word == "-" || word == "–" || word == "|" || word == "—" { break }
            if word.contains(where: { $0.isNumber || $0 == "@" }) { break }
            var trimmed = word
            var stops = false
            if let cut = trimmed.firstIndex(where: { $0 == "," || $0 == ":" || $0 == "|" || $0 == ";" }) {
                trimmed = trimmed[..<cut]
                stops = true
            }
            if !trimmed.isEmpty { name.append(trimmed) }
            if stops { break }
        }
        guard !name.isEmpty, name.count <= 6 else { return nil }
        let joiners: Set<String> = ["and", "und", "et", "y", "e", "en", "de", "van", "von", "der", "la", "le", "da"]
        for word in name where !joiners.contains(word.lowercased()) {
            guard let first = word.first, first.isUppercase else { return nil }
        }
        return name.joined(separator: " ")
    }
}
