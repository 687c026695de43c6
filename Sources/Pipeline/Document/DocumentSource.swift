/// Where a document came from: a file, and for JSON Lines the line within it.
public struct DocumentSource: Sendable, Hashable, CustomStringConvertible {
    /// The path of the input file as the user named it (or `-` for standard input).
    public var path: String
    /// The 1-based line number for JSON Lines records, `nil` for whole files.
    public var line: Int?

    /// Creates a source.
    /// - Parameters:
    ///   - path: The input path (`-` for standard input).
    ///   - line: The 1-based line number within it, if any.
    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// An unknown source, for documents made in code.
    public static let unknown = DocumentSource(path: "<memory>")

    /// `path` or `path:line`.
    public var description: String {
        if let line { return "\(path):\(line)" }
        return path
    }

    /// The source as a JSON object (`{"path": ..., "line": ...}`), for dead letters.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["path": .string(path)]
        if let line { members["line"] = .integer(Int64(line)) }
        return .object(members)
    }
}
