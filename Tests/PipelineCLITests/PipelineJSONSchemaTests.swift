import Foundation
import Pipeline
import Testing

@testable import PipelineCLI

/// `pipeline-run stages --json-schema`: a draft 2020-12 schema of pipeline files built from the registry.
@Suite struct PipelineJSONSchemaTests {
    let tool = Executable("pipeline-run")

    /// The schema the built binary prints, parsed.
    func printedSchema() throws -> [String: Any] {
        let result = try tool.run(["stages", "--json-schema"])
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

    @Test func describesTheFileAndEveryStageType() throws {
        let schema = try printedSchema()
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

    @Test func optionTypesDefaultsAndDescriptionsComeFromTheDocumentation() throws {
        let stages = try stageSchemas(try printedSchema())
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
        #expect(entities["labels"]?["default"] == nil)
    }

    @Test(arguments: [
        ("string", #"{"type":"string"}"#),
        ("boolean", #"{"type":"boolean"}"#),
        ("integer", #"{"type":"integer"}"#),
        ("integer 1...64", #"{"maximum":64,"minimum":1,"type":"integer"}"#),
        ("number 0.05...1.0", #"{"maximum":1.0,"minimum":0.05,"type":"number"}"#),
        ("one of mark, drop", #"{"enum":["mark","drop"]}"#),
        ("list of strings", #"{"items":{"type":"string"},"type":"array"}"#),
        ("list of regular expressions", #"{"items":{"type":"string"},"type":"array"}"#),
        ("list of PERSON, ORG", #"{"items":{"enum":["PERSON","ORG"]},"type":"array"}"#),
        (
            "mapping of label to list of names",
            #"{"additionalProperties":{"items":{"type":"string"},"type":"array"},"type":"object"}"#
        ),
        ("string or list of strings", #"{"anyOf":[{"type":"string"},{"items":{"type":"string"},"type":"array"}]}"#),
        ("a colour", "null"),
    ])
    func humanTypesMapToJSONSchema(type: String, expected: String) {
        let schema = PipelineJSONSchema.typeSchema(type).map { JSONValue.object($0) } ?? .null
        #expect(schema.serialized() == expected)
    }

    @Test(arguments: [
        ("0.33", #"0.33"#),
        ("5", "5"),
        ("true", "true"),
        ("mark", #""mark""#),
        ("[id, text]", #"["id","text"]"#),
        ("{}", "{}"),
        ("none", "null"),
        ("out/<name>.dead-letter.jsonl", "null"),
    ])
    func simpleDefaultsAreParsedAsYAML(text: String, expected: String) {
        #expect((PipelineJSONSchema.defaultValue(text) ?? .null).serialized() == expected)
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
