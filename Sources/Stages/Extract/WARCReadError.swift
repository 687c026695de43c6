/// A malformed, truncated or unreadable WARC record, with where it was found.
///
/// Errors for one record are recoverable: after catching one, calling `WARCRecordReader.next()` again resumes at
/// the next record (the next gzip member, or the next `WARC/` line of an uncompressed file).
struct WARCReadError: Error, Equatable, CustomStringConvertible {
    /// The kind of failure.
    struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String { case cannotOpen, notWARC, badHeader, truncated, corruptGzip }
        private let kind: Kind

        /// The file could not be opened or read.
        static let cannotOpen = Code(kind: .cannotOpen)
        /// The record does not start with a `WARC/` version line.
        static let notWARC = Code(kind: .notWARC)
        /// A header line is malformed or `Content-Length` is missing or invalid.
        static let badHeader = Code(kind: .badHeader)
        /// The file ends inside a record.
        static let truncated = Code(kind: .truncated)
        /// The gzip data is corrupt.
        static let corruptGzip = Code(kind: .corruptGzip)

        /// The code's name.
        var description: String { kind.rawValue }
    }

    /// The kind of failure.
    var code: Code
    /// What went wrong, in words.
    var message: String
    /// The file.
    var path: String
    /// Byte offset of the record (for `.warc.gz`, of its gzip member).
    var offset: Int

    /// `path:offset: message`.
    var description: String { "\(path): byte \(offset): \(message)" }
}
