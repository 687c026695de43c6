/// The kind of a named-entity mention.
enum EntityLabel: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// People, real or fictional (CoNLL `PER`).
    case person = "PERSON"
    /// Companies, agencies, institutions, parties, teams (CoNLL `ORG`).
    case organization = "ORG"
    /// Countries, cities, regions and other places (CoNLL `LOC`).
    case location = "LOC"
    /// Nationalities, religious and political groups (CoNLL `MISC` is emitted as this label).
    case nationality = "NORP"
    /// Calendar dates and days (pattern-based).
    case date = "DATE"
    /// Monetary amounts (pattern-based).
    case money = "MONEY"
    /// Percentages (pattern-based).
    case percent = "PERCENT"
    /// E-mail addresses (pattern-based).
    case email = "EMAIL"
    /// Web addresses (pattern-based).
    case url = "URL"

    /// Parses a label name, accepting the CoNLL and spaCy spellings (`PER`, `GPE`, `MISC`, ...) case-insensitively.
    init?(name: String) {
        switch name.uppercased() {
        case "PERSON", "PER": self = .person
        case "ORG", "ORGANIZATION", "ORGANISATION": self = .organization
        case "LOC", "GPE", "LOCATION", "FAC": self = .location
        case "NORP", "MISC": self = .nationality
        case "DATE": self = .date
        case "MONEY": self = .money
        case "PERCENT": self = .percent
        case "EMAIL": self = .email
        case "URL": self = .url
        default: return nil
        }
    }

    /// The label of statistical-model type `type` (0 person, 1 organisation, 2 location, 3 NORP).
    static func modelLabel(_ type: Int) -> EntityLabel {
        switch type {
        case 0: return .person
        case 1: return .organization
        case 2: return .location
        default: return .nationality
        }
    }

    /// Orders labels by declaration order.
    static func < (lhs: EntityLabel, rhs: EntityLabel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
