/// A type an option can have: it reads itself from a YAML node, names its ``OptionType``, and shows a value (the
/// default) as JSON and as text.
///
/// `String`, `Bool`, `Int`, `Double`, every ``ConfigurationEnum``, and arrays, sets, string-keyed dictionaries,
/// optionals and ``OneOrMore`` of option values conform already. Conform your own type when an option needs a
/// value none of these spell, such as a label that accepts synonyms:
///
/// ```swift
/// extension Colour: OptionValue {
///     static var optionType: OptionType { .choice(["red", "green"]) }
///     init(option node: YAMLNode, keyPath: String) throws {
///         let name = try String(option: node, keyPath: keyPath)
///         guard let colour = Colour(name: name) else { throw ConfigurationError(...) }
///         self = colour
///     }
///     var optionJSON: JSONValue? { .string(name) }
/// }
/// ```
///
/// # Requirements
/// `init(option:keyPath:)` throws a ``ConfigurationError`` located at the offending node (or inside it) with
/// `keyPath` as its key path, and never reads keys it does not report as unknown. `optionJSON` is `nil` only when
/// there is no value to show (an absent optional).
public protocol OptionValue: Sendable {
    /// The type, for `pipeline-run stages` and the JSON Schema.
    static var optionType: OptionType { get }

    /// Reads a value from the node holding it.
    /// - Parameters:
    ///   - node: The value's node.
    ///   - keyPath: The node's key path in the file, such as `stages[1].threshold`, for errors.
    /// - Throws: ``ConfigurationError`` when the node does not hold a valid value.
    init(option node: YAMLNode, keyPath: String) throws

    /// The value as JSON, for the schema's `default`; `nil` when there is none.
    var optionJSON: JSONValue? { get }

    /// The value as `pipeline-run stages` shows a default: YAML flow style (`jsonl`, `[id, text]`), or `none`.
    var optionText: String { get }
}

extension OptionValue {
    /// The value in YAML flow style, or `none` when ``optionJSON`` is `nil`.
    public var optionText: String {
        optionJSON.map(Self.flowText) ?? "none"
    }

    /// A JSON value written as YAML flow text: `jsonl`, `0.33`, `[id, text]`, `{}`.
    static func flowText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let text):
            let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_-./<>".contains($0) }
            return plain ? text : YAMLScalar.quoted(text)
        case .array(let elements): return "[" + elements.map(flowText).joined(separator: ", ") + "]"
        case .object(let members):
            let pairs = members.keys.sorted().map { "\(flowText(.string($0))): \(flowText(members[$0]!))" }
            return "{" + pairs.joined(separator: ", ") + "}"
        }
    }
}

extension OptionValue where Self: Decodable {
    /// Reads the value with ``YAMLNodeDecoder``, so messages and positions are the decoder's.
    public init(option node: YAMLNode, keyPath: String) throws {
        self = try YAMLNodeDecoder().decode(Self.self, from: node, keyPath: keyPath)
    }
}

/// An option value that can be bounded by a range (`in: 1...64`).
///
/// `Int` and `Double` conform.
public protocol BoundedOptionValue: OptionValue, Comparable, CustomStringConvertible {
    /// The type of values within `range`, such as `integer 1...64`.
    /// - Parameter range: The accepted values, or `nil` for no bound.
    static func optionType(in range: ClosedRange<Self>?) -> OptionType
}
