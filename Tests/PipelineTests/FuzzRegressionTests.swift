import Foundation
import Testing

@testable import Pipeline

/// Inputs found by the fuzz targets (scripts/fuzz.sh), pinned with their exact outcome.
@Suite("Fuzz regressions: Pipeline")
struct FuzzRegressionTests {
    private static func parseError(_ text: String) -> ConfigurationError? {
        do {
            _ = try YAMLParser().parse(text, file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    /// yaml target: at the end of a text without a final line break, libyaml reports an unclosed collection on a
    /// line past the text, so the diagnostic had no source line and no caret. It now points at the end of the last
    /// line.
    @Test func unclosedCollectionAtEndOfTextWithoutLineBreak() throws {
        let error = try #require(Self.parseError("list: [1, 2"))
        #expect(
            error.description == """
                test.yaml:1:12: error: did not find expected ',' or ']'
                list: [1, 2
                           ^
                  hint: while parsing a flow sequence that started at line 1, column 7
                """
        )
    }

    /// The fuzzer's original input: directives, a tagged flow mapping cut off inside a tag.
    @Test func unclosedFlowMappingAfterDirectives() throws {
        let text = "%YAML 1.1\n%TAG ! tag:example.com,2000:\n---\n!!map {? !!str input : !loce"
        let error = try #require(Self.parseError(text))
        #expect(error.location == SourceLocation(file: "test.yaml", line: 4, column: 29))
        #expect(error.sourceLine == "!!map {? !!str input : !loce")
    }

    /// yaml target, input `---`: the empty root node, and so the loader's error about it, sat on the line past the
    /// text.
    @Test func emptyRootAtEndOfTextWithoutLineBreak() throws {
        let loader = PipelineLoader(registry: StageRegistry(), environment: [:])
        let (root, source) = try loader.parse(text: "---", file: "test.yaml")
        #expect(root.location == SourceLocation(file: "test.yaml", line: 1, column: 4))
        let error = #expect(throws: ConfigurationErrors.self) { try loader.plan(from: root, source: source) }
        #expect(
            error?.description == """
                test.yaml:1:4: error: expected a mapping with 'input' and 'stages', found null
                ---
                   ^
                """
        )
    }

    /// The same for a key without a value on the last line: the error shows that line.
    @Test func emptyValueOnTheLastLine() throws {
        let loader = PipelineLoader(registry: StageRegistry(), environment: [:])
        let (root, source) = try loader.parse(text: "input:\n  path: seeds/\nstages:", file: "test.yaml")
        do {
            _ = try loader.plan(from: root, source: source)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == """
                    test.yaml:3:8: error: stages: expected a non-empty list of stages, found null
                    stages:
                           ^
                      hint: each entry is a mapping with 'type:'
                    """
            )
        }
    }

    /// Positions of reader errors count LS, PS and NEL as line breaks, as libyaml and the source lines do.
    @Test func readerErrorAfterUnicodeLineSeparator() throws {
        let error = try #require(Self.parseError("a: 1\u{2028}b: \u{1}\n"))
        #expect(error.location == SourceLocation(file: "test.yaml", line: 2, column: 4))
        #expect(error.sourceLine == "b: \u{1}")
    }

    /// jsonl target: a number beyond Double's range was read as infinity, which has no JSON form and was written
    /// back as `null`, so a document's member changed between one pipeline and the next. It is a syntax error now.
    @Test(arguments: [
        ("1e999", "number out of range at column 1"),
        (#"{"n": -1e400}"#, "number out of range at column 7"),
        ("[0.5, 129012345e0890]", "number out of range at column 7"),
    ])
    func numberOutOfRange(input: String, message: String) {
        do {
            let value = try JSONParser().parse(input)
            Issue.record("parsed as \(value)")
        } catch {
            #expect(error.description == message)
        }
    }

    /// The fuzzer's input, read as JSON Lines with `text_field: body`, `id_field: text` and `max_document_bytes: 16`:
    /// the line with the huge number is dead-lettered instead of becoming a document with `"n": null`.
    @Test func outOfRangeNumberInJSONLinesIsDeadLettered() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "input.jsonl",
            #"{"n":"x","body":"bod99","n":12345678:"x","body":"body text","text":"dropped"}"# + "\n"
                + #"{"body":"1e999","n":129012345e0890}"# + "\n"
        )
        let options = InputOptions(
            paths: [path],
            format: .jsonl,
            textField: "body",
            idField: "text",
            maxDocumentBytes: 16
        )
        var reader = InputFileReader(expansion: try InputExpander(options: options).expand(), options: options)
        var reasons: [String] = []
        while let record = reader.next() {
            switch record {
            case .document(let document): reasons.append("document \(document.id)")
            case .invalid(let removed):
                guard case .deadLettered(let error) = removed.disposition else { continue }
                reasons.append(error)
            }
        }
        #expect(
            reasons == [
                "line 1: invalid JSON: unexpected character ':', expected ',' or '}' at column 37",
                "line 2: invalid JSON: number out of range at column 21",
            ]
        )
    }

    /// With a final line break the error stays on the (empty) line after the text, which exists.
    @Test func unclosedCollectionAtEndOfTextWithLineBreak() throws {
        let error = try #require(Self.parseError("list: [1, 2\n"))
        #expect(error.location == SourceLocation(file: "test.yaml", line: 2, column: 1))
        #expect(error.sourceLine == "")
    }
}
