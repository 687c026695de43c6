/// 1-based position in a configuration file.
///
/// Lines and columns count from 1; columns count Unicode scalars, the way libyaml reports them.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the parser, for example `pipelines/news.yaml`.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, in Unicode scalars.
    public var column: Int

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - file: The file name as shown to the user.
    ///   - line: The 1-based line number.
    ///   - column: The 1-based column number.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location as `file:line:column`.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}
