/// One line of a shard's signature file: a document's global key, id and signature.
///
/// ```
/// 3:17<TAB>"f3-17"<TAB>9b2f4c1e0a6d7e55<TAB>42<TAB>0001a2b3ffffffff…   (permutations × 8 hex digits)
/// key      id (JSON)   exact hash (hex)        shingles  MinHash values
/// ```
struct DedupeSignatureRecord: Sendable, Equatable {
    /// The document's global key.
    var key: DedupeGlobalKey
    /// The document's id.
    var id: String
    /// Its signature.
    var signature: DedupeSignature

    /// Appends the record as one line, with its `\n`.
    ///
    /// - Parameter output: The buffer to append to.
    func write(to output: inout [UInt8]) {
        output.append(contentsOf: key.description.utf8)
        output.append(0x09)
        DedupeFileFormat.appendID(id, to: &output)
        output.append(0x09)
        DedupeFileFormat.appendHex(signature.exactHash, width: 16, to: &output)
        output.append(0x09)
        output.append(contentsOf: String(signature.shingleCount).utf8)
        output.append(0x09)
        for value in signature.minHashes {
            DedupeFileFormat.appendHex(UInt64(value), width: 8, to: &output)
        }
        output.append(0x0A)
    }

    /// Parses a line written by ``write(to:)``.
    ///
    /// - Parameters:
    ///   - line: The line, without its `\n`.
    ///   - permutationCount: The signature length the configuration makes.
    ///   - reader: The reader the line came from, for the error's file and line.
    /// - Throws: ``CrossShardDedupeError`` (``CrossShardDedupeError/Code/malformedFile``) naming the field at fault.
    init(parsing line: [UInt8], permutationCount: Int, from reader: DedupeLineReader) throws(CrossShardDedupeError) {
        let fields = DedupeFileFormat.fields(line)
        guard fields.count == 5 else {
            throw reader.error(
                .malformedFile,
                "malformed signature line: expected 5 tab-separated fields, found \(fields.count)"
            )
        }
        guard let key = DedupeGlobalKey(parsing: String(decoding: fields[0], as: UTF8.self)) else {
            throw reader.error(
                .malformedFile,
                "malformed signature line: '\(DedupeFileFormat.excerpt(fields[0]))' is not a key"
            )
        }
        guard let id = DedupeFileFormat.parseID(fields[1]) else {
            throw reader.error(
                .malformedFile,
                "malformed signature line: the id '\(DedupeFileFormat.excerpt(fields[1]))' is not a JSON string"
            )
        }
        guard fields[2].count == 16, let exactHash = DedupeFileFormat.parseHex(fields[2]) else {
            throw reader.error(
                .malformedFile,
                "malformed signature line: the exact hash must be 16 hexadecimal digits, found "
                    + "'\(DedupeFileFormat.excerpt(fields[2]))'"
            )
        }
        guard let shingleCount = Int(String(decoding: fields[3], as: UTF8.self)), shingleCount >= 0 else {
            throw reader.error(
                .malformedFile,
                "malformed signature line: the shingle count '\(DedupeFileFormat.excerpt(fields[3]))' is not a number"
            )
        }
        let values = fields[4]
        guard values.count == 8 * permutationCount else {
            throw reader.error(
                .malformedFile,
                "malformed signature line: expected \(permutationCount) MinHash values (\(8 * permutationCount) "
                    + "hexadecimal digits), found \(values.count) digits; were the signatures made with other "
                    + "dedupe options?"
            )
        }
        var minHashes: [UInt32] = []
        minHashes.reserveCapacity(permutationCount)
        var start = values.startIndex
        while start < values.endIndex {
            guard let value = DedupeFileFormat.parseHex(values[start..<(start + 8)]) else {
                throw reader.error(
                    .malformedFile,
                    "malformed signature line: MinHash value \(minHashes.count + 1) "
                        + "'\(DedupeFileFormat.excerpt(values[start..<(start + 8)]))' is not hexadecimal"
                )
            }
            minHashes.append(UInt32(value))
            start += 8
        }
        self.key = key
        self.id = id
        self.signature = DedupeSignature(exactHash: exactHash, minHashes: minHashes, shingleCount: shingleCount)
    }

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - key: The global key.
    ///   - id: The document id.
    ///   - signature: The signature.
    init(key: DedupeGlobalKey, id: String, signature: DedupeSignature) {
        self.key = key
        self.id = id
        self.signature = signature
    }
}
