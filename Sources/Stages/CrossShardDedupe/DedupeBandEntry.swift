/// One line of a band file: the key of one band of a document's signature, and the document's global key.
///
/// ```
/// 0c41d9f2a8b37e10<TAB>3:17
/// band key (hex)      global key
/// ```
/// A band file holds one shard's entries of one band, sorted by band key, then global key, so the buckets step can
/// merge the files of every shard in one pass.
struct DedupeBandEntry: Sendable, Hashable, Comparable {
    /// The band key (for the exact band, the exact-duplicate hash).
    var bandKey: UInt64
    /// The document's global key.
    var key: DedupeGlobalKey

    /// Orders by band key, then global key.
    static func < (lhs: DedupeBandEntry, rhs: DedupeBandEntry) -> Bool {
        lhs.bandKey != rhs.bandKey ? lhs.bandKey < rhs.bandKey : lhs.key < rhs.key
    }

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - bandKey: The band key.
    ///   - key: The document's global key.
    init(bandKey: UInt64, key: DedupeGlobalKey) {
        self.bandKey = bandKey
        self.key = key
    }

    /// Appends the entry as one line, with its `\n`.
    ///
    /// - Parameter output: The buffer to append to.
    func write(to output: inout [UInt8]) {
        DedupeFileFormat.appendHex(bandKey, width: 16, to: &output)
        output.append(0x09)
        output.append(contentsOf: key.description.utf8)
        output.append(0x0A)
    }

    /// Parses a line written by ``write(to:)``.
    ///
    /// - Parameters:
    ///   - line: The line, without its `\n`.
    ///   - reader: The reader the line came from, for the error's file and line.
    /// - Throws: ``CrossShardDedupeError`` (``CrossShardDedupeError/Code/malformedFile``).
    init(parsing line: [UInt8], from reader: DedupeLineReader) throws(CrossShardDedupeError) {
        let fields = DedupeFileFormat.fields(line)
        guard fields.count == 2, fields[0].count == 16, let bandKey = DedupeFileFormat.parseHex(fields[0]),
            let key = DedupeGlobalKey(parsing: String(decoding: fields[1], as: UTF8.self))
        else {
            throw reader.error(
                .malformedFile,
                "malformed band line: expected a 16-digit hexadecimal band key, a tab and a key, found "
                    + "'\(DedupeFileFormat.excerpt(line[...]))'"
            )
        }
        self.init(bandKey: bandKey, key: key)
    }
}
