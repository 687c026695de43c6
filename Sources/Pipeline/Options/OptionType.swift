/// The kind of value an option takes, as `pipeline-run stages` describes it and `stages --json-schema` encodes it.
///
/// Every ``OptionValue`` names its type; a declaration's range narrows it (`integer 1...64`). Stage authors rarely
/// spell an `OptionType` themselves: it comes from the property's Swift type.
///
/// | Swift type               | `OptionType`                 | shown as                    |
/// |--------------------------|------------------------------|-----------------------------|
/// | `String`                 | `.string`                    | `string`                    |
/// | `Bool`                   | `.boolean`                   | `boolean`                   |
/// | `Int` with `in: 1...64`  | `.integer(1...64)`           | `integer 1...64`            |
/// | `Double`                 | `.number(nil)`               | `number`                    |
/// | a ``ConfigurationEnum``  | `.choice(["mark", "drop"])`  | `one of mark, drop`         |
/// | `[String]`               | `.list(.string)`             | `list of strings`           |
/// | `[String: [String]]`     | `.mapping(key: "key", value: .list(.string))` | `mapping of key to list of strings` |
/// | ``OneOrMore``<`String`>  | `.oneOrList(.string)`        | `string or list of strings` |
public indirect enum OptionType: Sendable, Hashable, CustomStringConvertible {
    /// Any string.
    case string
    /// `true` or `false`.
    case boolean
    /// A whole number, optionally within bounds.
    case integer(ClosedRange<Int>?)
    /// A number, optionally within bounds.
    case number(ClosedRange<Double>?)
    /// One of a fixed list of strings.
    case choice([String])
    /// A sequence of values of one type.
    case list(OptionType)
    /// A mapping from string keys (named by `key` for readers, such as `label`) to values of one type.
    case mapping(key: String, value: OptionType)
    /// One value, or a sequence of them.
    case oneOrList(OptionType)

    /// The type as `pipeline-run stages` shows it: `integer 1...64`, `one of jsonl, csv`, `list of strings`.
    public var description: String {
        switch self {
        case .string: return "string"
        case .boolean: return "boolean"
        case .integer(let range): return "integer" + (range.map { " \($0.lowerBound)...\($0.upperBound)" } ?? "")
        case .number(let range): return "number" + (range.map { " \($0.lowerBound)...\($0.upperBound)" } ?? "")
        case .choice(let values): return "one of " + values.joined(separator: ", ")
        case .list(let element): return "list of " + element.plural
        case .mapping(let key, let value): return "mapping of \(key) to \(value)"
        case .oneOrList(let element): return "\(element) or list of \(element.plural)"
        }
    }

    /// How a list names its elements: `strings`, `integers 1...5`, or the choices themselves (`unicode, markup`).
    private var plural: String {
        switch self {
        case .string: return "strings"
        case .boolean: return "booleans"
        case .integer(let range): return "integers" + (range.map { " \($0.lowerBound)...\($0.upperBound)" } ?? "")
        case .number(let range): return "numbers" + (range.map { " \($0.lowerBound)...\($0.upperBound)" } ?? "")
        case .choice(let values): return values.joined(separator: ", ")
        case .list, .oneOrList: return "lists"
        case .mapping: return "mappings"
        }
    }

    /// The type as a JSON Schema (draft 2020-12) fragment: `{"type": "integer", "minimum": 1, "maximum": 64}`.
    public var jsonSchema: [String: JSONValue] {
        switch self {
        case .string:
            return ["type": .string("string")]
        case .boolean:
            return ["type": .string("boolean")]
        case .integer(let range):
            var schema: [String: JSONValue] = ["type": .string("integer")]
            if let range {
                schema["minimum"] = .integer(Int64(range.lowerBound))
                schema["maximum"] = .integer(Int64(range.upperBound))
            }
            return schema
        case .number(let range):
            var schema: [String: JSONValue] = ["type": .string("number")]
            if let range {
                schema["minimum"] = .double(range.lowerBound)
                schema["maximum"] = .double(range.upperBound)
            }
            return schema
        case .choice(let values):
            return ["enum": .array(values.map { .string($0) })]
        case .list(let element):
            return ["type": .string("array"), "items": .object(element.jsonSchema)]
        case .mapping(_, let value):
            return ["type": .string("object"), "additionalProperties": .object(value.jsonSchema)]
        case .oneOrList(let element):
            return ["anyOf": .array([.object(element.jsonSchema), .object(OptionType.list(element).jsonSchema)])]
        }
    }
}
