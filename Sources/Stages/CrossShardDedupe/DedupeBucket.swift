/// One line of a buckets file: documents whose signatures share one band key (LSH candidates), or share their exact
/// hash (the exact band).
///
/// ```
/// 7<TAB>0c41d9f2a8b37e10<TAB>index:12,0:3,2:41
/// band  band key (hex)       member keys, ascending (at least 2)
/// ```
struct DedupeBucket: Sendable, Equatable {
    /// The band number (the exact band is one past the last LSH band).
    var band: Int
    /// The band key.
    var bandKey: UInt64
    /// The members' global keys, ascending.
    var members: [DedupeGlobalKey]

    /// Appends the bucket as one line, with its `\n`.
    ///
    /// - Parameter output: The buffer to append to.
    func write(to output: inout [UInt8]) {
        output.append(contentsOf: String(band).utf8)
        output.append(0x09)
        DedupeFileFormat.appendHex(bandKey, width: 16, to: &output)
        output.append(0x09)
        for (position, member) in members.enumerated() {
            if position > 0 { output.append(0x2C) }
            output.append(contentsOf: member.description.utf8)
        }
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
        guard fields.count == 3, let band = Int(String(decoding: fields[0], as: UTF8.self)), band >= 0,
            fields[1].count == 16, let bandKey = DedupeFileFormat.parseHex(fields[1])
        else {
            throw reader.error(
                .malformedFile,
                "malformed bucket line: expected a band number, a 16-digit hexadecimal band key and member keys, "
                    + "found '\(DedupeFileFormat.excerpt(line[...]))'"
            )
        }
        var members: [DedupeGlobalKey] = []
        for text in fields[2].split(separator: 0x2C, omittingEmptySubsequences: false) {
            guard let key = DedupeGlobalKey(parsing: String(decoding: text, as: UTF8.self)) else {
                throw reader.error(
                    .malformedFile,
                    "malformed bucket line: '\(DedupeFileFormat.excerpt(text))' is not a key"
                )
            }
            if let last = members.last, !(last < key) {
                throw reader.error(.malformedFile, "malformed bucket line: the members are not in ascending order")
            }
            members.append(key)
        }
        guard members.count >= 2 else {
            throw reader.error(.malformedFile, "malformed bucket line: a bucket needs at least 2 members")
        }
        self.init(band: band, bandKey: bandKey, members: members)
    }

    /// Creates a bucket.
    ///
    /// - Parameters:
    ///   - band: The band number.
    ///   - bandKey: The band key.
    ///   - members: The members' keys, ascending.
    init(band: Int, bandKey: UInt64, members: [DedupeGlobalKey]) {
        self.band = band
        self.bandKey = bandKey
        self.members = members
    }
}
