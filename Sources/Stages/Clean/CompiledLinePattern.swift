/// One `drop_patterns` regular expression, compiled once and matched against single lines.
///
/// # Thread safety
/// `Regex<AnyRegexOutput>` is not `Sendable` only because its output type is not; the compiled program is immutable
/// and its lazily built matcher is published atomically by the standard library. This box is `@unchecked Sendable`
/// for that reason alone, and it forces the lazy compilation at creation time (a match against an empty string), so
/// matching from many tasks only reads shared state.
struct CompiledLinePattern: @unchecked Sendable {
    /// The pattern as written in the configuration.
    let source: String
    /// The compiled expression.
    private let regex: Regex<AnyRegexOutput>

    /// Compiles a pattern.
    /// - Parameter source: the regular expression, in Swift `Regex` syntax.
    /// - Throws: the `Regex` error when the pattern does not compile.
    init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(source)
        _ = "".contains(regex)
    }

    /// True when the pattern matches somewhere in `line`.
    func matches(_ line: String) -> Bool {
        line.contains(regex)
    }
}
