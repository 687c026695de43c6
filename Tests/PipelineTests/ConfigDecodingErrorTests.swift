import Testing

@testable import Pipeline

@Suite("YAMLNodeDecoder errors")
struct ConfigDecodingErrorTests {
    enum OutputFormat: String, ConfigurationEnum {
        case jsonl, csv
    }

    struct FilterOptions: Decodable {
        var threshold: Double
        var minWords: Int?
        var format: OutputFormat?

        enum CodingKeys: String, CodingKey {
            case threshold
            case minWords = "min_words"
            case format
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            threshold = try container.decode(Double.self, forKey: .threshold, in: 0.0...1.0)
            minWords = try container.decodeIfPresent(Int.self, forKey: .minWords, in: 1...1000)
            format = try container.decodeIfPresent(OutputFormat.self, forKey: .format)
        }
    }

    struct Item: Decodable {
        var name: String
        var weight: Int = 1

        enum CodingKeys: String, CodingKey { case name, weight }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            weight = try container.decodeIfPresent(Int.self, forKey: .weight) ?? 1
        }
    }

    struct Catalog: Decodable {
        var items: [Item]
    }

    private static func error<T: Decodable>(
        _ type: T.Type,
        _ text: String,
        keyPath: String = "",
        ignoredKeys: Set<String> = []
    ) throws -> ConfigurationError {
        let node = try #require(try YAMLParser().parse(text, file: "p.yaml"))
        do {
            _ = try YAMLNodeDecoder().decode(type, from: node, keyPath: keyPath, ignoredKeys: ignoredKeys)
        } catch {
            return SourceText(text, file: "p.yaml").attach(to: error)
        }
        Issue.record("expected an error")
        return ConfigurationError(code: .syntax, message: "none", keyPath: "")
    }

    private static func location(_ line: Int, _ column: Int) -> Pipeline.SourceLocation {
        Pipeline.SourceLocation(file: "p.yaml", line: line, column: column)
    }

    @Test func unknownKeyWithSuggestion() throws {
        let text = "type: filter\ntreshold: 0.5\nthreshold: 0.5\n"
        let error = try Self.error(FilterOptions.self, text, keyPath: "stages[1]", ignoredKeys: ["type"])
        #expect(error.code == .unknownKey)
        #expect(
            error.description == """
                p.yaml:2:1: error: stages[1].treshold: unknown key 'treshold'
                treshold: 0.5
                ^
                  hint: did you mean 'threshold'?
                """
        )
    }

    @Test func unknownKeySuggestsCaseAndSeparatorVariants() throws {
        let error = try Self.error(FilterOptions.self, "threshold: 0.5\nmin-words: 3\n")
        #expect(error.message == "unknown key 'min-words'")
        #expect(error.hint == "did you mean 'min_words'?")
        #expect(error.keyPath == "min-words")
    }

    @Test func unknownKeyListsValidKeys() throws {
        let error = try Self.error(FilterOptions.self, "threshold: 0.5\ncolour: red\n", ignoredKeys: ["type", "name"])
        #expect(error.message == "unknown key 'colour'")
        #expect(error.location == Self.location(2, 1))
        #expect(error.hint == "valid keys: threshold, min_words, format, name, type")
    }

    @Test func firstUnknownKeyInFileOrder() throws {
        let text = "items:\n  - name: a\n    nmae: b\n  - name: c\nextra: 1\n"
        let error = try Self.error(Catalog.self, text)
        #expect(error.message == "unknown key 'nmae'")
        #expect(error.keyPath == "items[0].nmae")
        #expect(error.location == Self.location(3, 5))
        #expect(error.hint == "did you mean 'name'?")
    }

    @Test func missingKey() throws {
        let error = try Self.error(Catalog.self, "items:\n  - name: a\n  - weight: 2\n")
        #expect(error.code == .missingKey)
        #expect(error.message == "missing required key 'name'")
        #expect(error.keyPath == "items[1]")
        #expect(error.location == Self.location(3, 5))
        #expect(error.hint == nil)
    }

    @Test func missingKeyNoticesMisspelling() throws {
        let error = try Self.error(FilterOptions.self, "treshold: 0.5\n")
        #expect(error.code == .missingKey)
        #expect(error.message == "missing required key 'threshold'")
        #expect(error.hint == "found 'treshold'; did you mean 'threshold'?")
        #expect(error.location == Self.location(1, 1))
    }

    @Test func arraysOfStructsHaveIndexedKeyPaths() throws {
        let error = try Self.error(Catalog.self, "items:\n  - name: a\n  - name: [x]\n", keyPath: "stages[0]")
        #expect(
            error.description == """
                p.yaml:3:11: error: stages[0].items[1].name: expected a string, found a sequence
                  - name: [x]
                          ^
                """
        )
    }

    @Test func typeMismatches() throws {
        struct Values: Decodable {
            var int: Int?
            var bool: Bool?
            var double: Double?
            var string: String?
            var list: [Int]?
            var map: [String: Int]?
        }
        let cases: [(String, String)] = [
            ("int: abc", "expected an integer, found \"abc\""),
            ("int: \"123\"", "expected an integer, found the string \"123\""),
            ("int: 1.5", "expected an integer, found 1.5"),
            ("int: true", "expected an integer, found true"),
            ("int: {a: 1}", "expected an integer, found a mapping"),
            ("bool: yes", "expected true or false, found \"yes\""),
            ("bool: 'true'", "expected true or false, found the string \"true\""),
            ("double: 1.2.3", "expected a number, found \"1.2.3\""),
            ("double: nan", "expected a number, found \"nan\""),
            ("string: {a: 1}", "expected a string, found a mapping"),
            ("list: 3", "expected a sequence, found 3"),
            ("list: [1, x]", "expected an integer, found \"x\""),
            ("map: [1]", "expected a mapping, found a sequence"),
        ]
        for (text, message) in cases {
            let error = try Self.error(Values.self, text + "\n")
            #expect(error.code == .typeMismatch, "\(text)")
            #expect(error.message == message, "\(text)")
        }
    }

    @Test func nullForRequiredValue() throws {
        struct Values: Decodable { var name: String; var count: Int }
        let error = try Self.error(Values.self, "name:\ncount: 1\n")
        #expect(error.code == .typeMismatch)
        #expect(error.message == "expected a string, found null")
        #expect(error.location == Self.location(1, 6))
        #expect(error.keyPath == "name")
    }

    @Test func integerWidthsAreRangeChecked() throws {
        struct Values: Decodable { var small: Int8?; var unsigned: UInt?; var huge: Int? }
        let small = try Self.error(Values.self, "small: 300\n")
        #expect(small.code == .outOfRange)
        #expect(small.message == "expected an integer between -128 and 127, found 300")
        #expect(small.location == Self.location(1, 8))
        let unsigned = try Self.error(Values.self, "unsigned: -1\n")
        #expect(unsigned.message == "expected an integer between 0 and 18446744073709551615, found -1")
        let huge = try Self.error(Values.self, "huge: 99999999999999999999\n")
        #expect(huge.code == .outOfRange)
    }

    @Test func outOfRange() throws {
        let error = try Self.error(FilterOptions.self, "threshold: 1.5\n", keyPath: "stages[1]")
        #expect(error.code == .outOfRange)
        #expect(
            error.description == """
                p.yaml:1:12: error: stages[1].threshold: expected a value between 0.0 and 1.0, found 1.5
                threshold: 1.5
                           ^
                """
        )
        let optional = try Self.error(FilterOptions.self, "threshold: 0.5\nmin_words: 0\n")
        #expect(optional.code == .outOfRange)
        #expect(optional.message == "expected a value between 1 and 1000, found 0")
        #expect(optional.keyPath == "min_words")
        #expect(optional.location == Self.location(2, 12))
    }

    @Test func enumWithSuggestion() throws {
        let error = try Self.error(FilterOptions.self, "threshold: 0.5\nformat: jsn\n")
        #expect(error.code == .invalidValue)
        #expect(error.message == "expected one of jsonl, csv, found \"jsn\"")
        #expect(error.hint == "did you mean 'jsonl'?")
        #expect(error.location == Self.location(2, 9))
        #expect(error.keyPath == "format")
    }

    @Test func enumWithoutSuggestion() throws {
        let error = try Self.error(FilterOptions.self, "threshold: 0.5\nformat: parquet\n")
        #expect(error.message == "expected one of jsonl, csv, found \"parquet\"")
        #expect(error.hint == nil)
    }

    @Test func enumFromAMapping() throws {
        let error = try Self.error(FilterOptions.self, "threshold: 0.5\nformat: {a: b}\n")
        #expect(error.code == .typeMismatch)
        #expect(error.message == "expected one of jsonl, csv, found a mapping")
    }

    @Test func customDecodingErrorsAreLocated() throws {
        struct Options: Decodable {
            var pattern: String
            enum CodingKeys: String, CodingKey { case pattern }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                pattern = try container.decode(String.self, forKey: .pattern)
                guard !pattern.isEmpty else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .pattern,
                        in: container,
                        debugDescription: "the pattern must not be empty"
                    )
                }
            }
        }
        let error = try Self.error(Options.self, "pattern: ''\n")
        #expect(error.code == .invalidValue)
        #expect(error.message == "the pattern must not be empty")
        #expect(error.location == Self.location(1, 10))
        #expect(error.keyPath == "pattern")
    }

    @Test func otherErrorsBecomeInvalidValues() throws {
        struct Failure: Error, CustomStringConvertible { var description: String { "no good" } }
        struct Options: Decodable {
            init(from decoder: any Decoder) throws { throw Failure() }
        }
        let error = try Self.error(Options.self, "a: 1\n", keyPath: "stages[0]")
        #expect(error.code == .invalidValue)
        #expect(error.message == "no good")
        #expect(error.keyPath == "stages[0]")
        #expect(error.location == Self.location(1, 1))
    }

    /// The `export` stage's shape: a required `path` beside an optional `format`.
    struct ExportOptions: StageOptions {
        var format: OutputFormat = .jsonl
        var path = ""
        static let declarations: [OptionDeclaration<Self>] = [
            .option("format", \.format, help: "The format."),
            .required("path", \.path, help: "The destination."),
        ]
    }

    @Test func declaredOptionsReportAMissingKeyBesideAnUnknownOne() throws {
        let text = "stages: [{type: export, formatt: jsonl}]\n"
        let root = try #require(try YAMLParser().parse(text, file: "p.yaml"))
        let entry = try #require(root["stages"]?.sequence?.first)
        let errors = #expect(throws: ConfigurationErrors.self) {
            try ExportOptions(node: entry, keyPath: "stages[0]", ignoredKeys: ["type"])
        }
        #expect(errors?.errors.map(\.code) == [.missingKey, .unknownKey])
        #expect(
            ConfigurationErrors((errors?.errors ?? []).map { SourceText(text, file: "p.yaml").attach(to: $0) })
                .description == """
                    p.yaml:1:10: error: stages[0]: missing required key 'path'
                    stages: [{type: export, formatt: jsonl}]
                             ^
                    p.yaml:1:25: error: stages[0].formatt: unknown key 'formatt'
                    stages: [{type: export, formatt: jsonl}]
                                            ^
                      hint: did you mean 'format'?
                    """
        )
    }

    @Test func rootMustBeAMapping() throws {
        let error = try Self.error(Catalog.self, "- a\n")
        #expect(error.code == .typeMismatch)
        #expect(error.message == "expected a mapping, found a sequence")
        #expect(error.keyPath == "")
        #expect(error.description.hasPrefix("p.yaml:1:1: error: expected a mapping"))
    }

    @Test func tooFewElements() throws {
        struct Pair: Decodable {
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                _ = try container.decode(Int.self)
                _ = try container.decode(Int.self)
            }
        }
        let error = try Self.error(Pair.self, "[1]\n")
        #expect(error.message == "expected 2 or more elements, found 1")
    }
}
