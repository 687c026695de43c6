/// Why a step of cross-shard deduplication cannot go on, with the file and line at fault when there is one.
///
/// ```
/// out/dedupe/signatures/part-00001-of-00004.tsv:17: malformed signature line: expected 5 tab-separated fields, found 3
/// ```
public struct CrossShardDedupeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem an error reports.
    ///
    /// New codes may be added; switch over them with a `default` case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case malformedFile, unsortedFile, unknownDocument, inputChanged, unorderedInput, incompatibleIndex
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A signature, band, bucket or remove-list file holds a line that cannot be parsed.
        public static let malformedFile = Code(.malformedFile)
        /// A band file that must be sorted by band key and global key is not.
        public static let unsortedFile = Code(.unsortedFile)
        /// A document or key is not part of the input list, the signatures, or the index.
        public static let unknownDocument = Code(.unknownDocument)
        /// The input seen now is not the input the remove list was made from (an id differs, a document is missing).
        public static let inputChanged = Code(.inputChanged)
        /// The input cannot be given a global order (a file listed twice, several unnumbered documents per file
        /// under `split: record`, standard input).
        public static let unorderedInput = Code(.unorderedInput)
        /// The persistent dedupe index cannot be used (missing, other signature format, unreadable entries).
        public static let incompatibleIndex = Code(.incompatibleIndex)

        /// The code's name, such as `malformedFile`.
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What is wrong.
    public var message: String
    /// The file at fault, when there is one.
    public var path: String?
    /// The 1-based line within ``path``, when known.
    public var line: Int?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of problem this is.
    ///   - message: What is wrong.
    ///   - path: The file at fault.
    ///   - line: The 1-based line within it.
    public init(_ code: Code, _ message: String, path: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
    }

    /// `path:line: message`, `path: message` or `message`.
    public var description: String {
        switch (path, line) {
        case (let path?, let line?): return "\(path):\(line): \(message)"
        case (let path?, nil): return "\(path): \(message)"
        default: return message
        }
    }
}
