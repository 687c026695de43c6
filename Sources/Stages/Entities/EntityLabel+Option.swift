import Pipeline

/// Labels as option values: `labels: [PERSON, ORG]`, accepting the synonyms of ``EntityLabel/init(name:)``.
extension EntityLabel: OptionValue {
    /// `one of PERSON, ORG, …`.
    static var optionType: OptionType { .choice(allCases.map(\.rawValue)) }

    /// Reads a label name, case-insensitively, accepting `PER`, `GPE`, `MISC` and the other synonyms.
    init(option node: YAMLNode, keyPath: String) throws {
        let name = try String(option: node, keyPath: keyPath)
        guard let label = EntityLabel(name: name) else {
            let valid = Self.allCases.map(\.rawValue)
            throw ConfigurationError(
                code: .invalidValue,
                message: "unknown label '\(name)'; expected one of \(valid.joined(separator: ", "))",
                location: node.location,
                keyPath: keyPath
            )
        }
        self = label
    }

    /// The label's name.
    var optionJSON: JSONValue? { .string(rawValue) }
}
