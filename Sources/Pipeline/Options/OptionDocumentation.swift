/// One option as `pipeline-run stages` and `stages --json-schema` show it, derived from its ``OptionDeclaration``.
public struct OptionDocumentation: Sendable, Hashable {
    /// The key in the pipeline file.
    public let key: String
    /// The value's type, with its range or choices.
    public let type: OptionType
    /// One line saying what the option does.
    public let help: String
    /// Whether the file must give the option.
    public let isRequired: Bool
    /// The default as JSON, for the schema's `default`; `nil` when required or when there is no default value.
    public let defaultValue: JSONValue?
    /// The default as `pipeline-run stages` shows it (`jsonl`, `[id, text]`, `none`); `nil` when required.
    public let defaultText: String?

    /// The line `pipeline-run stages` prints: `format: one of jsonl, csv (default jsonl)`.
    public var summaryLine: String {
        "\(key): \(type) (\(defaultText.map { "default \($0)" } ?? "required"))"
    }
}
