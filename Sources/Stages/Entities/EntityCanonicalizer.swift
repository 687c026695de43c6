/// Merges the mentions of a document into distinct entities with canonical names.
///
/// - People: a one-word person mention that equals the last word of a longer person mention in the same document is
///   that person ("Biden" → "Joe Biden"); failing that, a one-word mention equal to the first word of exactly one
///   longer name whose last word is hyphenated (East Asian order: "Kang" → "Kang Kyung-wha") is that person.
/// - Places and organisations: an alias table maps common abbreviations and variants to one name and label
///   ("U.S.", "US", "America" → "United States", LOC).
/// Entities are listed in order of first mention; `mentions` lists distinct surface forms in order of appearance.
enum EntityCanonicalizer {
    /// Normalised alias (lower case, periods removed) → canonical name and label.
    static let aliases: [String: (String, EntityLabel)] = {
        let groups: [(String, EntityLabel, [String])] = [
            ("United States", .location, ["us", "usa", "united states", "united states of america", "america"]),
            ("United Kingdom", .location, ["uk", "united kingdom", "britain", "great britain", "gb"]),
            ("South Korea", .location, ["south korea", "rok", "republic of korea", "korea south"]),
            ("North Korea", .location, ["north korea", "dprk", "democratic people's republic of korea"]),
            ("China", .location, ["china", "prc", "people's republic of china", "mainland china"]),
            ("Russia", .location, ["russia", "russian federation"]),
            ("United Arab Emirates", .location, ["uae", "united arab emirates"]),
            ("Netherlands", .location, ["netherlands", "holland", "the netherlands"]),
            ("Czech Republic", .location, ["czech republic", "czechia"]),
            ("Myanmar", .location, ["myanmar", "burma"]),
            ("Ivory Coast", .location, ["ivory coast", "côte d'ivoire", "cote d'ivoire"]),
            ("European Union", .organization, ["eu", "european union"]),
            ("United Nations", .organization, ["un", "united nations"]),
            ("NATO", .organization, ["nato", "north atlantic treaty organization"]),
            (
                "State Department", .organization,
                [
                    "state department", "us state department",
                    "department of state",
                ]
            ),
            ("Taliban", .organization, ["taliban"]),
        ]
        var table: [String: (String, EntityLabel)] = [:]
        for (name, label, variants) in groups {
            for variant in variants { table[variant] = (name, label) }
        }
        return table
    }()

    /// The alias key of a surface form: lower case, periods removed, curly apostrophes straightened.
    static func aliasKey(_ surface: String) -> String {
        // ASCII (nearly every mention): lower-case and drop periods byte by byte.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(surface.utf8.count)
        for byte in surface.utf8 {
            if byte >= 0x80 { return String(surface.lowercased().replacingApostrophes().filter { $0 != "." }) }
            if byte != UInt8(ascii: ".") { bytes.append(byte &- 65 < 26 ? byte | 0x20 : byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Builds the entity summary of `mentions` (in text order).
    static func summarize(_ mentions: [EntityMention]) -> [EntitySummaryEntry] {
        // Byte tests, not `String.contains(_: String)` (Foundation's general search).
        let space = UInt8(ascii: " ")
        let personNames = mentions.filter { $0.label == .person && $0.text.utf8.contains(space) }.map(\.text)
        var lastWordOwners: [String: [String]] = [:]
        var firstWordOwners: [String: [String]] = [:]
        for name in personNames {
            let words = name.split(separator: " ")
            let last = words.last!.lowercased()
            if !(lastWordOwners[last]?.contains(name) ?? false) { lastWordOwners[last, default: []].append(name) }
            if words.last!.utf8.contains(UInt8(ascii: "-")) {
                let first = words.first!.lowercased()
                if !(firstWordOwners[first]?.contains(name) ?? false) {
                    firstWordOwners[first, default: []].append(name)
                }
            }
        }
        var order: [String] = []
        var entries: [String: EntitySummaryEntry] = [:]
        for mention in mentions {
            var name = mention.text
            var label = mention.label
            if label == .person && !name.utf8.contains(space) {
                let key = name.lowercased()
                if let owners = lastWordOwners[key] {
                    name = owners.max { a, b in a.count < b.count }!
                } else if let owners = firstWordOwners[key], owners.count == 1 {
                    name = owners[0]
                }
            } else if label == .location || label == .organization || label == .nationality {
                if let (canonical, canonicalLabel) = aliases[aliasKey(name)] {
                    name = canonical
                    label = canonicalLabel
                }
            }
            let key = label.rawValue + "\u{1}" + name
            if entries[key] != nil {
                // Changed in place: a copy taken out and stored back would copy its `mentions` too.
                entries[key]!.count += 1
                if !entries[key]!.mentions.contains(mention.text) { entries[key]!.mentions.append(mention.text) }
            } else {
                order.append(key)
                entries[key] = EntitySummaryEntry(name: name, label: label, count: 1, mentions: [mention.text])
            }
        }
        return order.map { entries[$0]! }
    }
}

extension String {
    /// The string with `’` and `‘` replaced by `'`.
    fileprivate func replacingApostrophes() -> String {
        String(map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 })
    }
}
