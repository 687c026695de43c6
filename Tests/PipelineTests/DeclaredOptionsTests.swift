import Testing

@testable import Pipeline

/// Options declared once: decoding, documentation and every error of a mapping come from the declarations.
@Suite struct DeclaredOptionsTests {
    enum Format: String, ConfigurationEnum {
        case jsonl, csv
    }

    /// Options shaped like the `export` stage's: one required key, a choice, a checked list, a bounded number.
    struct Options: StageOptions, Equatable {
        var format: Format = .jsonl
        var path = ""
        var fields = ["id", "text"]
        var ratio: Double?
        var limit = 10
        var paths = OneOrMore<String>(["a"])

        static let declarations: [OptionDeclaration<Self>] = [
            .option("format", \.format, help: "The format."),
            .required(
                "path",
                \.path,
                help: "The destination.",
                check: { $0.isEmpty ? "expected a non-empty path" : nil }
            ),
            .option(
                "fields",
                \.fields,
                help: "The columns.",
                check: { $0.isEmpty ? "expected at least one field" : nil }
            ),
            .option("ratio", \.ratio, in: 0.001...1.0, help: "A fraction.", defaultText: "0.4 when no length is set"),
            .option("limit", \.limit, in: 1...100, help: "How many."),
            .option("paths", \.paths, help: "One path or several."),
        ]
    }

    private static func decode(_ text: String) throws(ConfigurationErrors) -> Options {
        guard let node = try? YAMLParser().parse(text, file: "p.yaml") else {
            throw ConfigurationErrors([ConfigurationError(code: .syntax, message: "no document", keyPath: "")])
        }
        return try Options(node: node, keyPath: "stages[0]", ignoredKeys: ["type"])
    }

    private static func errors(_ text: String) -> String {
        do {
            _ = try decode(text)
            return "no error"
        } catch {
            return ConfigurationErrors(error.errors.map { SourceText(text, file: "p.yaml").attach(to: $0) }).description
        }
    }

    @Test func absentAndNullKeysKeepTheirDefaults() throws {
        let options = try Self.decode("type: export\npath: out.jsonl\nlimit:\n")
        var expected = Options()
        expected.path = "out.jsonl"
        #expect(options == expected)
    }

    @Test func valuesAreDecodedIntoTheirProperties() throws {
        let options = try Self.decode("path: o.csv\nformat: csv\nfields: [id]\nratio: 0.5\nlimit: 3\npaths: b\n")
        #expect(options.format == .csv)
        #expect(options.fields == ["id"])
        #expect(options.ratio == 0.5)
        #expect(options.limit == 3)
        #expect(options.paths.values == ["b"])
        #expect(try Self.decode("path: x\npaths: [b, c]\n").paths.values == ["b", "c"])
    }

    @Test func aMissingKeyAndAnUnknownKeyOfOneMappingAreBothReported() {
        #expect(
            Self.errors("type: export\nformatt: jsonl\n") == """
                p.yaml:1:1: error: stages[0]: missing required key 'path'
                type: export
                ^
                p.yaml:2:1: error: stages[0].formatt: unknown key 'formatt'
                formatt: jsonl
                ^
                  hint: did you mean 'format'?
                """
        )
    }

    @Test func everyInvalidValueIsReportedAtTheValue() {
        #expect(
            Self.errors("path: ''\nfields: []\nratio: 0\nlimit: 101\nformat: jsn\ncolour: red\n") == """
                p.yaml:1:7: error: stages[0].path: expected a non-empty path
                path: ''
                      ^
                p.yaml:2:9: error: stages[0].fields: expected at least one field
                fields: []
                        ^
                p.yaml:3:8: error: stages[0].ratio: expected a value between 0.001 and 1.0, found 0.0
                ratio: 0
                       ^
                p.yaml:4:8: error: stages[0].limit: expected a value between 1 and 100, found 101
                limit: 101
                       ^
                p.yaml:5:9: error: stages[0].format: expected one of jsonl, csv, found "jsn"
                format: jsn
                        ^
                  hint: did you mean 'jsonl'?
                p.yaml:6:1: error: stages[0].colour: unknown key 'colour'
                colour: red
                ^
                  hint: valid keys: format, path, fields, ratio, limit, paths, type
                """
        )
    }

    @Test func aMisspeltRequiredKeyIsNamedInTheMissingKeyHint() {
        #expect(
            Self.errors("pth: x\n") == """
                p.yaml:1:1: error: stages[0].pth: unknown key 'pth'
                pth: x
                ^
                  hint: did you mean 'path'?
                p.yaml:1:1: error: stages[0]: missing required key 'path'
                pth: x
                ^
                  hint: found 'pth'; did you mean 'path'?
                """
        )
    }

    @Test func elementsOfListsAreLocated() {
        #expect(
            Self.errors("path: x\nfields: [id, {a: 1}]\n") == """
                p.yaml:2:14: error: stages[0].fields[1]: expected a string, found a mapping
                fields: [id, {a: 1}]
                             ^
                """
        )
    }

    @Test func theDocumentationComesFromTheDeclarationsAndTheDefaults() {
        #expect(
            Options.documentation.map(\.summaryLine) == [
                "format: one of jsonl, csv (default jsonl)",
                "path: string (required)",
                "fields: list of strings (default [id, text])",
                "ratio: number 0.001...1.0 (default 0.4 when no length is set)",
                "limit: integer 1...100 (default 10)",
                "paths: string or list of strings (default [a])",
            ]
        )
        #expect(
            Options.documentation.map(\.defaultValue) == [
                .string("jsonl"), nil, .array([.string("id"), .string("text")]), nil, .integer(10),
                .array([.string("a")]),
            ]
        )
        #expect(Options.documentation.map(\.help)[1] == "The destination.")
    }
}
