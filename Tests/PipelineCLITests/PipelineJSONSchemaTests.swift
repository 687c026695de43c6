import Foundation
import Pipeline
import Testing

@testable import PipelineCLI

/// `pipeline-run stages --json-schema`: a draft 2020-12 schema of pipeline files built from the registry.
@Suite struct PipelineJSONSchemaTests {
    let tool = Executable("pipeline-run")

    /// The schema the built binary prints, parsed.
    func printedSchema() async throws -> [String: Any] {
        let result = try await tool.run(["stages", "--json-schema"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The schema of each stage type, by type name.
    func stageSchemas(_ schema: [String: Any]) throws -> [String: [String: Any]] {
        let properties = try #require(schema["properties"] as? [String: Any])
        let stages = try #require(properties["stages"] as? [String: Any])
        let items = try #require(stages["items"] as? [String: Any])
        let variants = try #require(items["oneOf"] as? [[String: Any]])
        var byType: [String: [String: Any]] = [:]
        for variant in variants {
            let type = try #require((variant["properties"] as? [String: Any])?["type"] as? [String: Any])
            byType[try #require(type["const"] as? String)] = variant
        }
        return byType
    }

    @Test func describesTheFileAndEveryStageType() async throws {
        let schema = try await printedSchema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect(schema["required"] as? [String] == ["input", "stages"])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(properties.keys.sorted() == ["input", "name", "output", "stages"])
        let input = try #require(properties["input"] as? [String: Any])
        #expect(input["required"] as? [String] == ["path"])
        #expect(input["additionalProperties"] as? Bool == false)
        let inputOptions = try #require(input["properties"] as? [String: [String: Any]])
        #expect(inputOptions["format"]?["enum"] as? [String] == ["auto", "text", "jsonl"])
        #expect(inputOptions["max_document_bytes"]?["default"] as? Int == 10_485_760)

        let stages = try stageSchemas(schema)
        #expect(stages.keys.sorted() == ["clean", "dedupe", "entities", "export", "extract", "summarize"])
        for (type, stage) in stages {
            #expect(stage["additionalProperties"] as? Bool == false, "\(type)")
            let options = try #require(stage["properties"] as? [String: [String: Any]])
            #expect(options["on_error"]?["enum"] as? [String] == ["fail", "skip", "dead-letter"], "\(type)")
            #expect(options["concurrency"]?["minimum"] as? Int == 1, "\(type)")
            #expect(options["concurrency"]?["maximum"] as? Int == 1024, "\(type)")
            #expect(options["name"]?["type"] as? String == "string", "\(type)")
        }
        // path is required except for format postgres, which requires url instead: the stage's decoder checks which.
        #expect(stages["export"]?["required"] as? [String] == ["type"])
        #expect(stages["clean"]?["required"] as? [String] == ["type"])
    }

    @Test func optionTypesDefaultsAndDescriptionsComeFromTheDeclarations() async throws {
        let stages = try stageSchemas(try await printedSchema())
        let dedupe = try #require(stages["dedupe"]?["properties"] as? [String: [String: Any]])
        #expect(dedupe["threshold"]?["type"] as? String == "number")
        #expect(dedupe["threshold"]?["default"] as? Double == 0.33)
        #expect(dedupe["threshold"]?["minimum"] as? Double == 0.05)
        #expect(dedupe["threshold"]?["maximum"] as? Double == 1.0)
        #expect(
            dedupe["threshold"]?["description"] as? String
                == "Estimated Jaccard similarity of shingle sets at which a document is a near duplicate."
        )
        #expect(dedupe["action"]?["enum"] as? [String] == ["mark", "drop"])
        #expect(dedupe["action"]?["default"] as? String == "mark")
        #expect(dedupe["shingle_size"]?["type"] as? String == "integer")
        #expect(dedupe["index"]?["type"] as? String == "string")
        #expect(dedupe["index"]?["default"] == nil)

        let summarize = try #require(stages["summarize"]?["properties"] as? [String: [String: Any]])
        #expect(summarize["ratio"]?["type"] as? String == "number")
        #expect(summarize["ratio"]?["default"] == nil)

        let export = try #require(stages["export"]?["properties"] as? [String: [String: Any]])
        #expect(export["fields"]?["type"] as? String == "array")
        #expect(export["fields"]?["default"] as? [String] == ["id", "text"])

        let entities = try #require(stages["entities"]?["properties"] as? [String: [String: Any]])
        #expect(entities["gazetteer"]?["type"] as? String == "object")
        #expect(
            entities["labels"]?["default"] as? [String]
                == ["PERSON", "ORG", "LOC", "NORP", "DATE", "MONEY", "PERCENT", "EMAIL", "URL"]
        )
        #expect(entities["min_confidence"]?["minimum"] as? Double == 0)
        #expect(entities["min_confidence"]?["maximum"] as? Double == 1)

        let extract = try #require(stages["extract"]?["properties"] as? [String: [String: Any]])
        #expect(extract["min_text_length"]?["maximum"] as? Int == 1_000_000)
        #expect(extract["favor"]?["enum"] as? [String] == ["precision", "balanced", "recall"])
        #expect(extract["favor"]?["default"] as? String == "balanced")
    }

    @Test(arguments: [
        (OptionType.string, #"{"type":"string"}"#),
        (.boolean, #"{"type":"boolean"}"#),
        (.integer(nil), #"{"type":"integer"}"#),
        (.integer(1...64), #"{"maximum":64,"minimum":1,"type":"integer"}"#),
        (.number(0.05...1.0), #"{"maximum":1.0,"minimum":0.05,"type":"number"}"#),
        (.choice(["mark", "drop"]), #"{"enum":["mark","drop"]}"#),
        (.list(.string), #"{"items":{"type":"string"},"type":"array"}"#),
        (.list(.choice(["PERSON", "ORG"])), #"{"items":{"enum":["PERSON","ORG"]},"type":"array"}"#),
        (
            .mapping(key: "key", value: .list(.string)),
            #"{"additionalProperties":{"items":{"type":"string"},"type":"array"},"type":"object"}"#
        ),
        (.oneOrList(.string), #"{"anyOf":[{"type":"string"},{"items":{"type":"string"},"type":"array"}]}"#),
    ])
    func optionTypesMapToJSONSchema(type: OptionType, expected: String) {
        #expect(JSONValue.object(type.jsonSchema).serialized() == expected)
    }

    @Test func requiredOptionsAndDefaultsComeFromTheDeclarations() {
        struct Options: StageOptions {
            var path = ""
            var limit = 10
            var label: String?
            static let declarations: [OptionDeclaration<Self>] = [
                .required("path", \.path, help: "Where."),
                .option("limit", \.limit, in: 1...100, help: "How many."),
                .option("label", \.label, help: "A label."),
            ]
        }
        let schema = PipelineJSONSchema.stageSchema(typeName: "t", summary: "T.", options: Options.documentation)
        let object = schema.objectValue ?? [:]
        #expect(object["required"] == .array([.string("type"), .string("path")]))
        let properties = object["properties"]?.objectValue ?? [:]
        #expect(
            properties["limit"]?.serialized()
                == #"{"default":10,"description":"How many.","maximum":100,"minimum":1,"type":"integer"}"#
        )
        #expect(properties["path"]?.serialized() == #"{"description":"Where.","type":"string"}"#)
        #expect(properties["label"]?.serialized() == #"{"description":"A label.","type":"string"}"#)
    }

    @Test func prettyPrintingIsIndentedAndSorted() {
        let value = JSONValue.object([
            "b": .array([.string("x"), .integer(1)]),
            "a": .object(["c": .array([.object(["d": .bool(true)])]), "e": .object([:])]),
        ])
        #expect(
            PipelineJSONSchema.prettyPrinted(value) == """
                {
                  "a": {
                    "c": [
                      {
                        "d": true
                      }
                    ],
                    "e": {}
                  },
                  "b": ["x", 1]
                }
                """
        )
    }
}
