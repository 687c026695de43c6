import Pipeline

/// The position of a document in the order a single-machine run feeds the `dedupe` stage, computable by every
/// shard on its own: the basis of cross-shard deduplication.
///
/// Documents of the input are ordered by ``file`` (the position of their input file in the single-machine input
/// list, see ``DedupeInputOrder``), then by ``record`` (the line within a JSON Lines file, or the ordinal among the
/// file's documents that reach the stage). Documents of a persistent dedupe index (earlier runs) have
/// ``file`` `-1` and their index entry's sequence number as ``record``, so they sort before every current document,
/// as a single-machine run loads them before its first decision.
///
/// Text form (in signature, band, bucket and remove-list files): `FILE:RECORD` for input documents (`3:17`) and
/// `index:SEQ` for index documents (`index:42`).
public struct DedupeGlobalKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The position of the document's input file in the single-machine input list, or `-1` for an index document.
    public var file: Int
    /// The line (JSON Lines), the ordinal within the file (other inputs), or the index entry's sequence number.
    public var record: Int

    /// Creates a key.
    ///
    /// - Parameters:
    ///   - file: The input file's position, or `-1` for an index document.
    ///   - record: The line, ordinal or index sequence number.
    public init(file: Int, record: Int) {
        self.file = file
        self.record = record
    }

    /// The key of the persistent index entry with sequence number `sequence`.
    ///
    /// - Parameter sequence: The entry's `seq` in the index file.
    /// - Returns: A key that sorts before every input document.
    public static func indexEntry(_ sequence: Int) -> DedupeGlobalKey {
        DedupeGlobalKey(file: -1, record: sequence)
    }

    /// Whether the key names a document of the persistent index rather than of the input.
    public var isIndexEntry: Bool { file < 0 }

    /// Orders by file, then record.
    public static func < (lhs: DedupeGlobalKey, rhs: DedupeGlobalKey) -> Bool {
        lhs.file != rhs.file ? lhs.file < rhs.file : lhs.record < rhs.record
    }

    /// `FILE:RECORD`, or `index:SEQ`.
    public var description: String {
        isIndexEntry ? "index:\(record)" : "\(file):\(record)"
    }

    /// Parses the text form.
    ///
    /// - Parameter text: `FILE:RECORD` or `index:SEQ`, with non-negative decimal numbers.
    /// - Returns: `nil` when the text is not a key.
    public init?<Text: StringProtocol>(parsing text: Text) {
        guard let colon = text.firstIndex(of: ":"),
            let record = Self.number(text[text.index(after: colon)...])
        else { return nil }
        let head = text[..<colon]
        if head == "index" {
            self.init(file: -1, record: record)
        } else if let file = Self.number(head) {
            self.init(file: file, record: record)
        } else {
            return nil
        }
    }

    /// A non-negative decimal number made only of ASCII digits, or `nil`.
    private static func number<Text: StringProtocol>(_ text: Text) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ UTF8Byte.isASCIIDigit($0) }) else {
            return nil
        }
        return Int(text)
    }
}
