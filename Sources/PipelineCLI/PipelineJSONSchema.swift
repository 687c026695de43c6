import Foundation
import Pipeline

/// A JSON Schema (draft 2020-12) of pipeline files, built from a stage registry, so editors can complete and check
/// them (`pipeline-run stages --json-schema`).
///
/// ```
/// { name, input, output, stages: [ oneOf: { type: {const: "clean"}, name, concurrency, on_error, <options> }, … ] }
/// ```
///
/// Each option's schema comes from its ``OptionDocumentation``: the human-readable type is mapped to JSON types
/// (`string`, `boolean`, `integer 1...64` → integer with bounds, `number 0.05...1.0` → number with bounds,
/// `one of a, b` → enum, `list of …` → array, `mapping of … to …` → object, `X or Y` → anyOf); an unknown type
/// gives an unconstrained value. The summary becomes the `description`; the default becomes `default` when it
/// parses as a YAML value the option accepts. Every mapping rejects unknown keys (`additionalProperties: false`).
///
/// The schema describes the file as written: a value written as `${VAR}` is a string to the schema, so it is
/// flagged where the option is not a string, although `pipeline-run` accepts it.
struct PipelineJSONSchema {
    /// The stage types pipeline files may use.
    var registry: StageRegistry

    /// The schema dialect.
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The whole schema.
    var schema: JSONValue {
        let stageVariants = registry.types.map { entry in
            Self.stageSchema(typeName: entry.typeName, summary: entry.summary, options: entry.options)
        }
        return .object([
            "$schema": .string(Self.dialect),
            "title": .string("pipeline-run pipeline file"),
            "description": .string("A pipeline: what to read, the stages in order, and where side outputs go."),
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array([.string("input"), .string("stages")]),
            "properties": .object([
                "name": .object([
                    "type": .string("string"),
                    "description": .string("The pipeline's name; default: the file name without extension."),
                ]),
                "input": Self.sectionSchema(description: "What to read.", options: InputOptions.documentation),
                "output": Self.sectionSchema(
                    description: "Where side outputs go.",
                    options: OutputOptions.documentation
                ),
                "stages": .object([
                    "description": .string("The stages, in order: each entry is `type:`, common keys and options."),
                    "type": .string("array"),
                    "minItems": .integer(1),
                    "items": .object(["oneOf": .array(stageVariants)]),
                ]),
            ]),
        ])
    }

    /// The schema as indented JSON, keys sorted, arrays of scalars on one line.
    var prettyPrinted: String {
        Self.prettyPrinted(schema)
    }

    // MARK: Sections and stages

    /// The schema of a section such as `input`: its options, those without a default required.
    static func sectionSchema(description: String, options: [OptionDocumentation]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for option in options { properties[option.name] = optionSchema(option) }
        let required = options.filter { $0.defaultValue == nil }.map { JSONValue.string($0.name) }
        var schema: [String: JSONValue] = [
            "description": .string(description),
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "properties": .object(properties),
        ]
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }

    /// The schema of one stage type's entry: `type` fixed to its name, the common keys, and its options.
    static func stageSchema(typeName: String, summary: String, options: [OptionDocumentation]) -> JSONValue {
        var properties: [String: JSONValue] = [
            "type": .object(["const": .string(typeName), "description": .string(summary)]),
            "name": .object([
                "type": .string("string"),
                "description": .string("The stage's unique name in the pipeline; default: the type."),
            ]),
            "concurrency": .object([
                "type": .string("integer"),
                "minimum": .integer(1),
                "maximum": .integer(1024),
                "description": .string("Documents processed at once; default: the number of cores."),
            ]),
            "on_error": .object([
                "enum": .array(ErrorPolicy.allCases.map { .string($0.rawValue) }),
                "default": .string(ErrorPolicy.fail.rawValue),
                "description": .string(
                    "What a failing document does: fail the run, skip it (dropped), or go to the dead-letter output."
                ),
            ]),
        ]
        var required: [JSONValue] = [.string("type")]
        for option in options where !PipelineLoader.commonStageKeys.contains(option.name) {
            properties[option.name] = optionSchema(option)
            if option.defaultValue == nil { required.append(.string(option.name)) }
        }
        return .object([
            "title": .string(typeName),
            "description": .string(summary),
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array(required),
            "properties": .object(properties),
        ])
    }

    /// The schema of one option: its type, its summary as `description`, and its default when it has a simple one.
    static func optionSchema(_ option: OptionDocumentation) -> JSONValue {
        var schema = typeSchema(option.type) ?? [:]
        schema["description"] = .string(option.summary)
        if let text = option.defaultValue, let value = defaultValue(text), accepts(schema, value) {
            schema["default"] = value
        }
        return .object(schema)
    }

    // MARK: Types

    /// The schema of a human-readable option type, or `nil` when the type is not one this mapping knows.
    ///
    /// `string`; `boolean`; `integer` and `number`, optionally followed by a range `A...B`; `one of a, b`;
    /// `list of strings` (or integers, numbers, booleans, and other nouns read as strings) or `list of a, b`
    /// (an enum per element); `mapping…` (`mapping of K to V` types the values as V); `X or Y`.
    static func typeSchema(_ text: String) -> [String: JSONValue]? {
        let type = text.trimmingCharacters(in: .whitespaces)
        if let values = removingPrefix("one of ", from: type) {
            return ["enum": .array(values.components(separatedBy: ", ").map { .string($0) })]
        }
        if let element = removingPrefix("list of ", from: type) {
            let items: [String: JSONValue]
            if element.contains(", ") {
                items = ["enum": .array(element.components(separatedBy: ", ").map { .string($0) })]
            } else {
                items = listElementSchema(element)
            }
            return ["type": .string("array"), "items": .object(items)]
        }
        if type.contains(" or ") {
            let alternatives = type.components(separatedBy: " or ").map { typeSchema($0) }
            guard alternatives.allSatisfy({ $0 != nil }) else { return nil }
            return ["anyOf": .array(alternatives.map { .object($0!) })]
        }
        if type.hasPrefix("mapping") {
            var schema: [String: JSONValue] = ["type": .string("object")]
            if let range = type.range(of: " to "), let values = typeSchema(String(type[range.upperBound...])) {
                schema["additionalProperties"] = .object(values)
            }
            return schema
        }
        if type == "string" { return ["type": .string("string")] }
        if type == "boolean" { return ["type": .string("boolean")] }
        for kind in ["integer", "number"] {
            guard let rest = removingPrefix(kind, from: type) else { continue }
            var schema: [String: JSONValue] = ["type": .string(kind)]
            let bounds = rest.trimmingCharacters(in: .whitespaces).components(separatedBy: "...")
            if bounds.count == 2 {
                for (key, bound) in zip(["minimum", "maximum"], bounds) {
                    if kind == "integer", let value = Int64(bound) {
                        schema[key] = .integer(value)
                    } else if let value = Double(bound) {
                        schema[key] = .double(value)
                    }
                }
            }
            return schema
        }
        return nil
    }

    /// The schema of an element named by a plural noun after `list of`.
    private static func listElementSchema(_ noun: String) -> [String: JSONValue] {
        switch noun {
        case "integers": return ["type": .string("integer")]
        case "numbers": return ["type": .string("number")]
        case "booleans": return ["type": .string("boolean")]
        case "mappings": return ["type": .string("object")]
        default: return ["type": .string("string")]
        }
    }

    /// The rest of `text` after `prefix`, or `nil` when it does not start with it.
    private static func removingPrefix(_ prefix: String, from text: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    // MARK: Defaults

    /// A documented default as a JSON value: the YAML value it spells, or `nil` for `none`, a placeholder such as
    /// `out/<name>.json`, or text that is not one YAML value.
    static func defaultValue(_ text: String) -> JSONValue? {
        guard text != "none", !text.contains("<"), !text.isEmpty else { return nil }
        guard let node = try? YAMLParser().parse(text, file: "default"),
            let decoded = try? YAMLNodeDecoder().decode(DecodedJSONValue.self, from: node)
        else { return nil }
        return decoded.value
    }

    /// Whether a value satisfies a schema made by ``typeSchema(_:)`` (so a default like `all` for a list is left
    /// out rather than contradicting the schema).
    static func accepts(_ schema: [String: JSONValue], _ value: JSONValue) -> Bool {
        if let alternatives = schema["anyOf"]?.arrayValue {
            return alternatives.contains { accepts($0.objectValue ?? [:], value) }
        }
        if let values = schema["enum"]?.arrayValue, !values.contains(value) { return false }
        if let minimum = schema["minimum"]?.doubleValue, (value.doubleValue ?? minimum) < minimum { return false }
        if let maximum = schema["maximum"]?.doubleValue, (value.doubleValue ?? maximum) > maximum { return false }
        switch (schema["type"]?.stringValue, value) {
        case (nil, _), ("string", .string), ("boolean", .bool), ("integer", .integer), ("number", .integer),
            ("number", .double):
            return true
        case ("array", .array(let elements)):
            let items = schema["items"]?.objectValue ?? [:]
            return elements.allSatisfy { accepts(items, $0) }
        case ("object", .object(let members)):
            let values = schema["additionalProperties"]?.objectValue ?? [:]
            return members.values.allSatisfy { accepts(values, $0) }
        default:
            return false
        }
    }

    // MARK: Printing

    /// A JSON value as indented text: two spaces per level, keys sorted, arrays of scalars on one line.
    static func prettyPrinted(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            let lines = members.keys.sorted().map { key in
                inner + JSONValue.string(key).serialized() + ": " + prettyPrinted(members[key]!, indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let elements) where !elements.isEmpty:
            let scalars = elements.allSatisfy { element in
                switch element {
                case .array, .object: return false
                default: return true
                }
            }
            if scalars { return "[" + elements.map { $0.serialized() }.joined(separator: ", ") + "]" }
            let lines = elements.map { inner + prettyPrinted($0, indent: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return value.serialized()
        }
    }
}
