import Pipeline

/// A JSON Schema (draft 2020-12) of pipeline files, built from a stage registry, so editors can complete and check
/// them (`pipeline-run stages --json-schema`).
///
/// ```
/// { name, input, output, stages: [ oneOf: { type: {const: "clean"}, name, concurrency, on_error, <options> }, … ] }
/// ```
///
/// Each option's schema comes from its declaration (``OptionDocumentation``): the ``OptionType`` gives the JSON
/// types, enums and bounds, the help line becomes the `description`, and the default value becomes `default`.
/// Required options are listed in `required`. Every mapping rejects unknown keys (`additionalProperties: false`).
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
        for option in options { properties[option.key] = optionSchema(option) }
        let required = options.filter(\.isRequired).map { JSONValue.string($0.key) }
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
            StageEntryOptions.typeKey: .object(["const": .string(typeName), "description": .string(summary)])
        ]
        for option in StageEntryOptions.documentation { properties[option.key] = optionSchema(option) }
        var required: [JSONValue] = [.string(StageEntryOptions.typeKey)]
        for option in options where !PipelineLoader.commonStageKeys.contains(option.key) {
            properties[option.key] = optionSchema(option)
            if option.isRequired { required.append(.string(option.key)) }
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

    /// The schema of one option: its type, its help as `description`, and its default when it has one.
    static func optionSchema(_ option: OptionDocumentation) -> JSONValue {
        var schema = option.type.jsonSchema
        schema["description"] = .string(option.help)
        if let value = option.defaultValue { schema["default"] = value }
        return .object(schema)
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
