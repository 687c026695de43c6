/// A string enum used in configuration files, decoded with a helpful error for unknown values.
///
/// Conform a `String`-backed enum and get `init(from:)` for free:
///
/// ```swift
/// enum OutputFormat: String, ConfigurationEnum { case jsonl, csv }
/// ```
///
/// An unknown value such as `jsn` fails as `.invalidValue` with the message `expected one of jsonl, csv, found
/// "jsn"` and the hint `did you mean 'jsonl'?`. The cases are listed in declaration order. A configuration enum is an
/// ``OptionValue`` whose type is `one of jsonl, csv`, so a stage option of this type needs no further code.
public protocol ConfigurationEnum: CaseIterable, RawRepresentable, Decodable, OptionValue where RawValue == String {}

extension ConfigurationEnum {
    /// `one of …`, the raw values in declaration order.
    public static var optionType: OptionType { .choice(allCases.map(\.rawValue)) }

    /// The raw value.
    public var optionJSON: JSONValue? { .string(rawValue) }

    /// Decodes a case from its raw value.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` naming the accepted values when the value is not a case, or
    ///   `DecodingError.typeMismatch` when it is not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let choices = Self.allCases.map(\.rawValue)
        let expected = "expected one of " + choices.joined(separator: ", ")
        let raw: String
        do {
            raw = try container.decode(String.self)
        } catch {
            guard let node = (decoder as? YAMLNodeDecoder.NodeDecoder)?.node else { throw error }
            let message = "\(expected), found \(node.foundDescription)"
            throw DecodingError.typeMismatch(
                Self.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: message,
                    underlyingError: YAMLNodeDecoder.Issue(code: .typeMismatch, message: message)
                )
            )
        }
        if let value = Self(rawValue: raw) {
            self = value
            return
        }
        let isSensitive = (decoder as? YAMLNodeDecoder.NodeDecoder)?.node.scalar?.isSensitive == true
        let message = "\(expected), found " + (isSensitive ? "a redacted value" : YAMLScalar.quoted(raw))
        let hint =
            isSensitive
            ? nil
            : NameSuggestion.didYouMean(raw, among: choices)
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: message,
                underlyingError: YAMLNodeDecoder.Issue(code: .invalidValue, message: message, hint: hint)
            )
        )
    }
}
