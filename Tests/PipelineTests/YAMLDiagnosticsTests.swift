import Testing

@testable import Pipeline

@Suite("Configuration diagnostics")
struct YAMLDiagnosticsTests {
    @Test func fullRendering() {
        let error = ConfigurationError(
            code: .outOfRange,
            message: "expected a number between 0 and 1, found 1.5",
            location: Pipeline.SourceLocation(file: "pipelines/news.yaml", line: 7, column: 16),
            keyPath: "stages[1].threshold",
            hint: "did you mean 'threshold'?",
            sourceLine: "    threshold: 1.5"
        )
        #expect(
            error.description == """
                pipelines/news.yaml:7:16: error: stages[1].threshold: expected a number between 0 and 1, found 1.5
                    threshold: 1.5
                               ^
                  hint: did you mean 'threshold'?
                """
        )
    }

    @Test func minimalRendering() {
        let error = ConfigurationError(code: .syntax, message: "bad", keyPath: "")
        #expect(error.description == "error: bad")
        let located = ConfigurationError(
            code: .syntax,
            message: "bad",
            location: Pipeline.SourceLocation(file: "f.yaml", line: 1, column: 2),
            keyPath: ""
        )
        #expect(located.description == "f.yaml:1:2: error: bad")
    }

    @Test func caretKeepsTabsAndPadsPastTheEnd() {
        var error = ConfigurationError(
            code: .syntax,
            message: "bad",
            location: Pipeline.SourceLocation(file: "f.yaml", line: 1, column: 4),
            keyPath: "",
            sourceLine: "\t\tx"
        )
        #expect(error.description == "f.yaml:1:4: error: bad\n\t\tx\n\t\t ^")
        error.location?.column = 6
        #expect(error.description == "f.yaml:1:6: error: bad\n\t\tx\n\t\t   ^")
    }

    @Test func codesDescribeThemselves() {
        #expect(ConfigurationError.Code.unknownKey.description == "unknownKey")
        #expect(ConfigurationError.Code.syntax != .tooDeep)
    }

    @Test func sourceTextLines() {
        let source = SourceText("one\r\ntwo\rthree\n\nfive", file: "f.yaml")
        #expect(source.line(0) == nil)
        #expect(source.line(1) == "one")
        #expect(source.line(2) == "two")
        #expect(source.line(3) == "three")
        #expect(source.line(4) == "")
        #expect(source.line(5) == "five")
        #expect(source.line(6) == nil)
    }

    @Test func attachOnlyToErrorsInTheSameFile() {
        let source = SourceText("a: 1\nb: x\n", file: "f.yaml")
        let here = ConfigurationError(
            code: .typeMismatch,
            message: "expected an integer, found \"x\"",
            location: Pipeline.SourceLocation(file: "f.yaml", line: 2, column: 4),
            keyPath: "b"
        )
        var elsewhere = here
        elsewhere.location?.file = "g.yaml"
        #expect(source.attach(to: here).sourceLine == "b: x")
        #expect(source.attach(to: elsewhere).sourceLine == nil)
        #expect(
            source.attach(to: ConfigurationErrors([here, elsewhere])).description == """
                f.yaml:2:4: error: b: expected an integer, found "x"
                b: x
                   ^
                g.yaml:2:4: error: b: expected an integer, found "x"
                """
        )
    }

    @Test func kindDescriptions() throws {
        let text =
            "m: {}\ns: []\nn: ~\nb: true\ni: 42\nf: -1.5\nq: \"42\"\nt: text\nlong: \(String(repeating: "x", count: 50))\n"
        let root = try #require(try YAMLParser().parse(text, file: "k.yaml"))
        let described = root.mapping?.map(\.value.kindDescription)
        #expect(
            described == [
                "a mapping", "a sequence", "null", "the boolean true", "the number 42", "the number -1.5",
                "a string \"42\"", "a string \"text\"", "a string \"\(String(repeating: "x", count: 40))...\"",
            ]
        )
    }
}
