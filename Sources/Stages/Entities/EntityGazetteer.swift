/// The built-in gazetteer: place names, nationalities, organisations, organisation words, titles, first names and
/// common lower-case words.
///
/// Loaded from the `entities-gazetteer.tsv` resource (`CATEGORY<TAB>phrase` per line, written by
/// `scripts/build-gazetteers.py`). Matching is case-insensitive; casing is left to the model's shape features.
struct EntityGazetteer: Sendable {
    /// The categories of gazetteer entries, in bit order.
    enum Category: Int, CaseIterable, Sendable {
        /// Countries, capitals, cities and regions (`LOC`).
        case location
        /// Nationalities, religious and political groups (`NORP`).
        case nationality
        /// Well-known organisations (`ORG`).
        case organization
        /// Words that end or mark organisation names (`ORGWORD`).
        case organizationWord
        /// Person titles and roles (`TITLE`).
        case title
        /// Common first names (`FIRST`).
        case firstName
        /// Closed-class and very common English words, usually written in lower case (`COMMON`).
        case commonWord

        /// The category named in the resource file, or `nil`.
        init?(fileName: Substring) {
            switch fileName {
            case "LOC": self = .location
            case "NORP": self = .nationality
            case "ORG": self = .organization
            case "ORGWORD": self = .organizationWord
            case "TITLE": self = .title
            case "FIRST": self = .firstName
            case "COMMON": self = .commonWord
            default: return nil
            }
        }
    }

    /// The phrases, with one bit per ``Category``.
    let phrases: EntityPhraseTable

    /// Parses the gazetteer file format; unknown categories and malformed lines are skipped.
    init(tsv: String) {
        var table = EntityPhraseTable(ignoresCase: true)
        for line in tsv.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"),
                let category = Category(fileName: line[line.startIndex..<tab])
            else { continue }
            let phrase = String(line[line.index(after: tab)...])
            table.add(phrase, bits: 1 << Int32(category.rawValue))
        }
        phrases = table
    }

    /// The bit marking a token that is, by itself, a ``Category/commonWord``.
    static let commonWordBit: UInt32 = 1 << UInt32(Category.commonWord.rawValue * 4 + 3)

    /// Per-token match bits: bit `category * 4 + position`, where position is 0 begin, 1 inside, 2 last, 3 unit.
    func tokenBits(in bytes: UnsafeBufferPointer<UInt8>, tokens: [EntityToken]) -> [UInt32] {
        var bits = [UInt32](repeating: 0, count: tokens.count)
        phrases.forEachMatch(in: bytes, tokens: tokens) { first, end, categories in
            for category in 0..<Category.allCases.count where categories & (1 << Int32(category)) != 0 {
                let base = UInt32(category * 4)
                if end - first == 1 {
                    bits[first] |= 1 << (base + 3)
                } else {
                    bits[first] |= 1 << base
                    for k in (first + 1)..<(end - 1) { bits[k] |= 1 << (base + 1) }
                    bits[end - 1] |= 1 << (base + 2)
                }
            }
        }
        return bits
    }
}
