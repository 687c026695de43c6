import Testing

@testable import Pipeline

@Suite("YAMLParser")
struct YAMLParserTests {
    private static func parse(_ text: String, limits: YAMLParser.Limits = YAMLParser.Limits()) throws -> YAMLNode {
        let node = try YAMLParser(limits: limits).parse(text, file: "test.yaml")
        return try #require(node)
    }

    private static func parseError(
        _ text: String,
        limits: YAMLParser.Limits = YAMLParser.Limits()
    ) -> ConfigurationError? {
        do {
            _ = try YAMLParser(limits: limits).parse(text, file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    private static func location(_ line: Int, _ column: Int) -> Pipeline.SourceLocation {
        Pipeline.SourceLocation(file: "test.yaml", line: line, column: column)
    }

    @Test func plainScalar() throws {
        let node = try Self.parse("value: hello world  # comment\n")
        let value = try #require(node["value"])
        #expect(value.scalar == YAMLScalar(value: "hello world", style: .plain))
        #expect(value.location == Self.location(1, 8))
        #expect(value.tag == nil)
    }

    @Test func singleQuotedScalar() throws {
        let node = try Self.parse("value: 'it''s \\n'\n")
        #expect(node["value"]?.scalar == YAMLScalar(value: "it's \\n", style: .singleQuoted))
    }

    @Test func doubleQuotedScalarWithEscapes() throws {
        let node = try Self.parse(#"value: "tab\there \"q\" \u00e9 \x41\n""# + "\n")
        #expect(node["value"]?.scalar == YAMLScalar(value: "tab\there \"q\" é A\n", style: .doubleQuoted))
    }

    @Test func literalBlockScalar() throws {
        let node = try Self.parse("text: |\n  line one\n    indented\n  line three\nnext: 1\n")
        #expect(node["text"]?.scalar == YAMLScalar(value: "line one\n  indented\nline three\n", style: .literal))
        #expect(node["text"]?.location == Self.location(1, 7))
    }

    @Test func literalBlockScalarStripChomping() throws {
        let node = try Self.parse("text: |-\n  one\n  two\n\n")
        #expect(node["text"]?.scalar == YAMLScalar(value: "one\ntwo", style: .literal))
    }

    @Test func literalBlockScalarKeepChomping() throws {
        let node = try Self.parse("text: |+\n  one\n\n")
        #expect(node["text"]?.scalar == YAMLScalar(value: "one\n\n", style: .literal))
    }

    @Test func foldedBlockScalar() throws {
        let node = try Self.parse("text: >\n  folded\n  into one\n\n  new paragraph\n")
        #expect(node["text"]?.scalar == YAMLScalar(value: "folded into one\nnew paragraph\n", style: .folded))
    }

    @Test func nestedCollectionsWithPositions() throws {
        let text = """
            name: news
            stages:
              - type: filter
                threshold: 0.5
              - type: dedupe
                fields: [title, body]
            metadata:
              author: ada
            """
        let root = try Self.parse(text)
        #expect(root.location == Self.location(1, 1))
        let mapping = try #require(root.mapping)
        #expect(mapping.map { $0.key.scalar?.value } == ["name", "stages", "metadata"])
        #expect(mapping[1].key.location == Self.location(2, 1))

        let stages = try #require(root["stages"]?.sequence)
        #expect(stages.count == 2)
        #expect(root["stages"]?.location == Self.location(3, 3))
        #expect(stages[0].location == Self.location(3, 5))
        #expect(stages[0]["threshold"]?.location == Self.location(4, 16))
        #expect(stages[0]["threshold"]?.scalar?.value == "0.5")
        let fields = try #require(stages[1]["fields"])
        #expect(fields.location == Self.location(6, 13))
        #expect(fields.sequence?.map(\.location) == [Self.location(6, 14), Self.location(6, 21)])
        #expect(fields.sequence?.compactMap(\.scalar?.value) == ["title", "body"])
        #expect(root["metadata"]?["author"]?.location == Self.location(8, 11))
        #expect(root["missing"] == nil)
    }

    @Test func flowMappingAndEmptyValue() throws {
        let root = try Self.parse("a: {x: 1, y: [2, 3]}\nb:\nc: ~\n")
        #expect(root["a"]?["y"]?.sequence?.count == 2)
        #expect(root["b"]?.scalar == YAMLScalar(value: "", style: .plain))
        #expect(root["b"]?.isNull == true)
        #expect(root["c"]?.isNull == true)
        #expect(root["a"]?.isNull == false)
    }

    @Test func explicitTags() throws {
        let root = try Self.parse("a: !!str 123\nb: !custom x\nc: !!int \"7\"\n")
        #expect(root["a"]?.tag == "!!str")
        #expect(root["a"]?.isPlainTyped == false)
        #expect(root["b"]?.tag == "!custom")
        #expect(root["c"]?.tag == "!!int")
        #expect(root["c"]?.isPlainTyped == true)
    }

    @Test func anchorsAndAliases() throws {
        let text = """
            defaults: &defaults
              retries: 3
              mode: fast
            first: *defaults
            second: [*defaults, &n 5, *n]
            """
        let root = try Self.parse(text)
        let defaults = try #require(root["defaults"])
        let first = try #require(root["first"])
        #expect(first.mapping == defaults.mapping)
        #expect(first.location == Self.location(4, 8))
        #expect(first["retries"]?.location == Self.location(2, 12))
        let second = try #require(root["second"]?.sequence)
        #expect(second.map(\.scalar?.value) == [nil, "5", "5"])
        #expect(second[2].location == Self.location(5, 27))
    }

    @Test func undefinedAlias() throws {
        let error = try #require(Self.parseError("a: *nowhere\n"))
        #expect(error.code == .syntax)
        #expect(error.message == "undefined alias 'nowhere'")
        #expect(error.location == Self.location(1, 4))
    }

    @Test func aliasBombFailsFast() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...30 {
            let previous = "*a\(level - 1)"
            let items = Array(repeating: previous, count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(items)]\n"
        }
        let error = try #require(Self.parseError(text))
        #expect(error.code == .aliasExpansion)
        #expect(error.message == "aliases expand to more than 10000 nodes")
        #expect(error.location == Self.location(4, 45))
        #expect(error.hint == "alias '*a2' pushed the expansion over the limit")
    }

    @Test func aliasExpansionLimitIsConfigurable() throws {
        var limits = YAMLParser.Limits()
        limits.maxAliasExpansions = 3
        let text = "a: &a [1, 2]\nb: *a\n"
        #expect(try Self.parse(text, limits: limits)["b"]?.sequence?.count == 2)
        let error = try #require(Self.parseError(text + "c: *a\n", limits: limits))
        #expect(error.code == .aliasExpansion)
        #expect(error.location == Self.location(3, 4))
    }

    @Test func deepNestingIsRejectedWithoutRecursion() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(Self.parseError(text))
        #expect(error.code == .tooDeep)
        #expect(error.message == "nesting is deeper than the limit of 64 levels")
        #expect(error.location == Self.location(1, 65))
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var node = try Self.parse(text)
        var depth = 1
        while let inner = node.sequence?.first {
            node = inner
            depth += 1
        }
        #expect(depth == 64)
    }

    @Test func deepBlockNesting() throws {
        var limits = YAMLParser.Limits()
        limits.maxDepth = 3
        let text = "a:\n  b:\n    c:\n      d: 1\n"
        let error = try #require(Self.parseError(text, limits: limits))
        #expect(error.code == .tooDeep)
        #expect(error.location == Self.location(4, 7))
        #expect(error.sourceLine == "      d: 1")
    }

    @Test func duplicateKey() throws {
        let text = "stages:\n  - type: filter\n    name: a\n    name: b\n"
        let error = try #require(Self.parseError(text))
        #expect(error.code == .duplicateKey)
        #expect(error.message == "duplicate key 'name' (first defined at line 3)")
        #expect(error.location == Self.location(4, 5))
        #expect(error.keyPath == "stages[0].name")
        #expect(error.sourceLine == "    name: b")
    }

    @Test func duplicateKeyAtRoot() throws {
        let error = try #require(Self.parseError("a: 1\nb: 2\na: 3\n"))
        #expect(
            error.description == """
                test.yaml:3:1: error: a: duplicate key 'a' (first defined at line 1)
                a: 3
                ^
                """
        )
    }

    @Test func nonScalarKey() throws {
        let error = try #require(Self.parseError("? [a, b]\n: value\n"))
        #expect(error.code == .syntax)
        #expect(error.message == "a mapping key must be a scalar, found a sequence")
        #expect(error.location == Self.location(1, 3))
    }

    @Test func syntaxErrorPositionAndRendering() throws {
        let error = try #require(Self.parseError("name: news\nkey: value: other\n"))
        #expect(error.code == .syntax)
        #expect(error.message == "mapping values are not allowed in this context")
        #expect(error.location == Self.location(2, 11))
        #expect(
            error.description == """
                test.yaml:2:11: error: mapping values are not allowed in this context
                key: value: other
                          ^
                """
        )
    }

    @Test func syntaxErrorWithContext() throws {
        let error = try #require(Self.parseError("list: [1, 2\nother: 3\n"))
        #expect(error.code == .syntax)
        #expect(error.message == "did not find expected ',' or ']'")
        #expect(error.location == Self.location(2, 6))
        #expect(error.hint == "while parsing a flow sequence that started at line 1, column 7")
    }

    @Test func tabIndentation() throws {
        let error = try #require(Self.parseError("a:\n\tb: 1\n"))
        #expect(error.code == .syntax)
        #expect(error.message == "found character that cannot start any token")
        #expect(error.location == Self.location(2, 1))
        #expect(
            error.description == """
                test.yaml:2:1: error: found character that cannot start any token
                \tb: 1
                ^
                  hint: tabs are not allowed for indentation; use spaces
                """
        )
    }

    @Test(arguments: ["", "   \n", "# only a comment\n# and another\n"])
    func emptyStream(text: String) throws {
        #expect(try YAMLParser().parse(text, file: "test.yaml") == nil)
    }

    @Test func explicitEmptyDocumentIsNull() throws {
        let node = try Self.parse("---\n")
        #expect(node.isNull)
    }

    @Test func scalarDocument() throws {
        let node = try Self.parse("--- just text\n...\n")
        #expect(node.scalar?.value == "just text")
        #expect(node.location == Self.location(1, 5))
    }

    @Test func multipleDocuments() throws {
        let error = try #require(Self.parseError("a: 1\n---\nb: 2\n"))
        #expect(error.code == .multipleDocuments)
        #expect(error.message == "found a second YAML document; a configuration file holds exactly one")
        #expect(error.location == Self.location(2, 1))
    }

    @Test func inputTooLarge() throws {
        var limits = YAMLParser.Limits()
        limits.maxInputBytes = 10
        let error = try #require(Self.parseError("name: a long value\n", limits: limits))
        #expect(error.code == .tooLarge)
        #expect(error.message == "the file is 19 bytes, more than the limit of 10")
    }

    @Test func invalidUTF8() throws {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xFF, 0xFE] + Array(" y\n".utf8)
        do {
            _ = try YAMLParser().parse(utf8: bytes, file: "test.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.message == "invalid leading UTF-8 octet")
            #expect(error.location == Self.location(2, 5))
            #expect(error.hint == "found byte 0xFF")
        }
    }

    @Test func controlCharacter() throws {
        let error = try #require(Self.parseError("a: b\u{7}c\n"))
        #expect(error.code == .syntax)
        #expect(error.message == "control characters are not allowed")
        #expect(error.location == Self.location(1, 5))
        #expect(error.hint == "found character U+0007")
    }

    @Test func replacementCharacterFromLossyDecodingIsAccepted() throws {
        let text = String(decoding: Array("a: x".utf8) + [0xFF], as: UTF8.self)
        #expect(try Self.parse(text)["a"]?.scalar?.value == "x\u{FFFD}")
    }

    @Test func columnsCountCharacters() throws {
        let root = try Self.parse("café: [é, x]\n")
        #expect(root["café"]?.sequence?.map(\.location.column) == [8, 11])
    }

    @Test func windowsLineEndings() throws {
        let root = try Self.parse("a: 1\r\nb: 2\r\n")
        #expect(root["b"]?.location == Self.location(2, 4))
    }
}

extension YAMLParserTests {
    @Test func byteOrderMarkIsSkipped() throws {
        let root = try Self.parse("\u{FEFF}a: 1\n")
        #expect(root["a"]?.scalar?.value == "1")
    }

    @Test func tabsInsideValuesAreFine() throws {
        let root = try Self.parse("a: b\tc\nd: \"e\tf\"\n")
        #expect(root["a"]?.scalar?.value == "b\tc")
        #expect(root["d"]?.scalar?.value == "e\tf")
    }

    @Test func aliasAsKey() throws {
        let root = try Self.parse("k: &k name\n*k : value\n")
        #expect(root["name"]?.scalar?.value == "value")
        let error = try #require(Self.parseError("name: 1\nk: &k name\n*k : value\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.message == "duplicate key 'name' (first defined at line 1)")
        #expect(error.location == Self.location(3, 1))
    }
}
