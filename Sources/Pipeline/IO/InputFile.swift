/// One file (or standard input) to read, after folders and globs have been expanded.
public struct InputFile: Sendable, Hashable {
    /// How the file is read.
    public enum Kind: Sendable, Hashable {
        /// The whole file is one document.
        case text
        /// One JSON object per line.
        case jsonLines
        /// Read by the registered ``InputFormat`` of this name.
        case format(String)
    }

    /// The path to open (`-` for standard input).
    public var path: String
    /// The document id for text files: the path relative to the folder that was named, or the path as named.
    public var relativeName: String
    /// How it is read.
    public var kind: Kind
    /// For an incremental run, the bytes of a JSON Lines file to read (from the end of what earlier runs consumed to
    /// the end of its last complete line); `nil` reads the whole file.
    public var byteRange: Range<Int>?
    /// The lines before ``byteRange``, so line numbers (and ids made from them) continue where earlier runs stopped.
    public var linesBefore = 0

    /// Creates an input file.
    /// - Parameters:
    ///   - path: The path to open.
    ///   - relativeName: The id base.
    ///   - kind: How it is read.
    public init(path: String, relativeName: String, kind: Kind) {
        self.path = path
        self.relativeName = relativeName
        self.kind = kind
    }
}
