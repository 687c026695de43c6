import Testing

@testable import Pipeline

@Suite("YAMLNodeDecoder values")
struct ConfigDecodingTests {
    private static func node(_ text: String) throws -> YAMLNode {
        try #require(try YAMLParser().parse(text, file: "config.yaml"))
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try YAMLNodeDecoder().decode(type, from: node(text))
    }

    enum OutputFormat: String, ConfigurationEnum {
        case jsonl, csv
    }

    struct Metadata: Decodable, Equatable {
        var author: String
        var tags: [String]
    }

    struct Everything: Decodable, Equatable {
        var name: String
        var count: Int
        var small: Int8
        var unsigned: UInt16
        var big: Int64
        var ratio: Double
        var single: Float
        var enabled: Bool
        var format: OutputFormat
        var note: String?
        var missing: Int?
        var metadata: Metadata
        var weights: [String: Double]
        var matrix: [[Int]]
        var maybe: [Int?]
    }

    @Test func decodesEveryKind() throws {
        let text = """
            name: 123
            count: -42
            small: 127
            unsigned: 0x1F
            big: 9223372036854775807
            ratio: 1e-3
            single: .5
            enabled: TRUE
            format: csv
            note: ~
            metadata:
              author: 'Ada'
              tags: [a, "b", c d]
            weights: {x: 1, y: -.inf}
            matrix:
              - [1, 2]
              - []
            maybe: [1, null, ~, Null, 0o17]
            """
        let value = try Self.decode(Everything.self, text)
        #expect(
            value
                == Everything(
                    name: "123",
                    count: -42,
                    small: 127,
                    unsigned: 31,
                    big: .max,
                    ratio: 0.001,
                    single: 0.5,
                    enabled: true,
                    format: .csv,
                    note: nil,
                    missing: nil,
                    metadata: Metadata(author: "Ada", tags: ["a", "b", "c d"]),
                    weights: ["x": 1, "y": -.infinity],
                    matrix: [[1, 2], []],
                    maybe: [1, nil, nil, nil, 15]
                )
        )
    }

    @Test(arguments: ["true", "True", "TRUE"]) func trueSpellings(text: String) throws {
        #expect(try Self.decode(Bool.self, text) == true)
    }

    @Test(arguments: ["false", "False", "FALSE"]) func falseSpellings(text: String) throws {
        #expect(try Self.decode(Bool.self, text) == false)
    }

    @Test(arguments: ["null", "Null", "NULL", "~", "---\n"]) func nullSpellings(text: String) throws {
        #expect(try Self.decode(Int?.self, text) == nil)
        #expect(try Self.decode(String?.self, text) == nil)
    }

    @Test func quotedNullIsAString() throws {
        #expect(try Self.decode(String?.self, "'null'") == "null")
        #expect(try Self.decode(String?.self, "!!str ~") == "~")
    }

    @Test func specialFloats() throws {
        #expect(try Self.decode(Double.self, ".inf") == .infinity)
        #expect(try Self.decode(Double.self, "-.Inf") == -.infinity)
        #expect(try Self.decode(Double.self, ".NaN").isNaN)
        #expect(try Self.decode(Float.self, "+.INF") == .infinity)
        #expect(try Self.decode(Double.self, "7") == 7)
    }

    @Test func plainScalarsAreStrings() throws {
        struct Output: Decodable { var path: String; var name: String; var flag: String; var number: String }
        let value = try Self.decode(Output.self, "path: out/x.jsonl\nname: 123\nflag: true\nnumber: 1.50\n")
        #expect([value.path, value.name, value.flag, value.number] == ["out/x.jsonl", "123", "true", "1.50"])
    }

    @Test func rangeHelpersAcceptValuesInRange() throws {
        struct Options: Decodable {
            var threshold: Double
            var limit: Int?
            enum CodingKeys: String, CodingKey { case threshold, limit }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                threshold = try container.decode(Double.self, forKey: .threshold, in: 0...1)
                limit = try container.decodeIfPresent(Int.self, forKey: .limit, in: 1...100)
            }
        }
        let options = try Self.decode(Options.self, "threshold: 1\n")
        #expect(options.threshold == 1)
        #expect(options.limit == nil)
        #expect(try Self.decode(Options.self, "threshold: 0\nlimit: 100\n").limit == 100)
        #expect(try Self.decode(Options.self, "threshold: 0\nlimit:\n").limit == nil)
    }

    @Test func ignoredKeysAreNotUnknown() throws {
        struct Options: Decodable { var threshold: Double }
        let node = try Self.node("type: filter\nname: f\nthreshold: 0.5\n")
        let options = try YAMLNodeDecoder().decode(Options.self, from: node, ignoredKeys: ["type", "name"])
        #expect(options.threshold == 0.5)
    }

    @Test func ignoredKeysApplyOnlyAtTheTop() throws {
        struct Inner: Decodable { var a: Int }
        struct Outer: Decodable { var inner: Inner }
        let node = try Self.node("inner:\n  a: 1\n  type: x\n")
        let error = #expect(throws: ConfigurationError.self) {
            try YAMLNodeDecoder().decode(Outer.self, from: node, ignoredKeys: ["type"])
        }
        #expect(error?.description == "config.yaml:3:3: error: inner.type: unknown key 'type'\n  hint: valid keys: a")
    }

    @Test func dictionariesAcceptAnyKeys() throws {
        let value = try Self.decode([String: [Int]].self, "a: [1]\nb: []\n")
        #expect(value == ["a": [1], "b": []])
    }

    @Test func superDecoder() throws {
        struct Base: Decodable { var id: Int }
        struct Derived: Decodable {
            var base: Base
            var extra: String
            enum CodingKeys: String, CodingKey { case base, extra }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                base = try Base(from: container.superDecoder(forKey: .base))
                extra = try container.decode(String.self, forKey: .extra)
            }
        }
        struct WithSuper: Decodable {
            var id: Int
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: YAMLNodeDecoder.AnyKey.self)
                id = try Base(from: container.superDecoder()).id
            }
        }
        let value = try Self.decode(Derived.self, "base: {id: 7}\nextra: x\n")
        #expect(value.base.id == 7)
        #expect(try Self.decode(WithSuper.self, "super: {id: 9}\n").id == 9)
    }

    @Test func unkeyedContainerDetails() throws {
        struct Pair: Decodable {
            var first: String
            var second: Int?
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                #expect(container.count == 2)
                first = try container.decode(String.self)
                second = try container.decodeNil() ? nil : container.decode(Int.self)
                #expect(container.isAtEnd)
            }
        }
        let pair = try Self.decode(Pair.self, "[a, ~]")
        #expect(pair.first == "a")
        #expect(pair.second == nil)
        #expect(try Self.decode(Pair.self, "[a, 2]").second == 2)
    }

    @Test func enumsDecodeFromQuotedStrings() throws {
        #expect(try Self.decode(OutputFormat.self, "\"jsonl\"") == .jsonl)
    }
}
