import Testing

@testable import Stages

/// Hostile input: huge lines, many lines, NUL bytes and odd line endings must not crash or go quadratic.
@Suite("Clean: hostile input")
struct CleanHostileInputTests {
    /// Cleans `text` and returns the result with the elapsed seconds.
    static func timedClean(_ text: String) throws -> (CleanResult, Double) {
        let cleaner = try ArticleTextCleaner(configuration: CleanConfiguration(minimumLength: 0))
        let clock = ContinuousClock()
        var result: CleanResult?
        let elapsed = clock.measure { result = cleaner.clean(text) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (result!, seconds)
    }

    @Test("a 5 MB line without spaces is kept whole, in linear time")
    func hugeLine() throws {
        let line = String(repeating: "abcdefghij", count: 500_000)
        let (result, seconds) = try Self.timedClean(line)
        #expect(result.text.utf8.count == 5_000_000)
        #expect(seconds < 20)
    }

    @Test("a 5 MB line of tag and entity openers without closers stays linear")
    func unclosedMarkup() throws {
        let line = String(repeating: "<a '<b &amp &#x", count: 300_000)
        let (result, seconds) = try Self.timedClean(line)
        #expect(result.text.utf8.count > 3_000_000)
        #expect(seconds < 20)
    }

    @Test("100,000 one-character lines")
    func manyLines() throws {
        let text = String(repeating: "x\n", count: 100_000)
        let (result, seconds) = try Self.timedClean(text)
        #expect(seconds < 20)
        #expect(result.text.hasPrefix("x\n\nx"))
    }

    @Test("NUL bytes, lone CR and CRLF")
    func controlBytes() throws {
        let (result, _) = try Self.timedClean("Head\u{0}line\r\rBody one.\r\nBody\u{0}\u{0} two.\r")
        #expect(result.text == "Headline\n\nBody one.\n\nBody two.")
        #expect(result.report.removed[.unicode]?.characters == 3)
    }

    @Test("empty and whitespace-only input")
    func emptyInput() throws {
        #expect(try Self.timedClean("").0.text == "")
        #expect(try Self.timedClean(" \n\r\n\t \u{A0} ").0.text == "")
    }
}
