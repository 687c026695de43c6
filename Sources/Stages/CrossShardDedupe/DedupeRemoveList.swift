import Pipeline

/// The documents cross-shard deduplication removes: `DIR/remove-list.tsv`, written by the cluster step and applied
/// by `run --remove-list DIR`.
///
/// One line per removed document, sorted by global key:
/// ```
/// 3:17<TAB>"f3-17"<TAB>"f0-2"<TAB>0.8671875<TAB>near
/// key      id         duplicate_of  similarity  kind (exact | near)
/// ```
/// The similarity is written in Swift's shortest round-trip form, so the value a `mark` run writes is exactly the one
/// a single-machine `dedupe` stage writes.
///
/// # Thread safety
/// An immutable `Sendable` value.
public struct DedupeRemoveList: Sendable {
    /// How a removed document duplicates its original.
    public enum Kind: String, Sendable, Hashable {
        /// Its normalised text equals the original's.
        case exact
        /// Its estimated Jaccard similarity to the original reaches the threshold (or, under `union-find`, it is
        /// connected to the original through such pairs).
        case near
    }

    /// One removed document.
    public struct Entry: Sendable, Hashable {
        /// The document's global key.
        public var key: DedupeGlobalKey
        /// The document's id (checked when the list is applied: another id means the input changed).
        public var id: String
        /// The id of the kept document it duplicates.
        public var duplicateOf: String
        /// The estimated Jaccard similarity to that document (1.0 for an exact duplicate).
        public var similarity: Double
        /// Exact or near.
        public var kind: Kind

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - key: The document's global key.
        ///   - id: The document's id.
        ///   - duplicateOf: The id of the kept document.
        ///   - similarity: The estimated similarity.
        ///   - kind: Exact or near.
        public init(key: DedupeGlobalKey, id: String, duplicateOf: String, similarity: Double, kind: Kind) {
            self.key = key
            self.id = id
            self.duplicateOf = duplicateOf
            self.similarity = similarity
            self.kind = kind
        }

        /// Appends the entry as one line, with its `\n`.
        ///
        /// - Parameter output: The buffer to append to.
        func write(to output: inout [UInt8]) {
            output.append(contentsOf: key.description.utf8)
            output.append(0x09)
            DedupeFileFormat.appendID(id, to: &output)
            output.append(0x09)
            DedupeFileFormat.appendID(duplicateOf, to: &output)
            output.append(0x09)
            output.append(contentsOf: "\(similarity)".utf8)
            output.append(0x09)
            output.append(contentsOf: kind.rawValue.utf8)
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
            guard fields.count == 5 else {
                throw reader.error(
                    .malformedFile,
                    "malformed remove-list line: expected 5 tab-separated fields, found \(fields.count)"
                )
            }
            guard let key = DedupeGlobalKey(parsing: String(decoding: fields[0], as: UTF8.self)),
                !key.isIndexEntry
            else {
                throw reader.error(
                    .malformedFile,
                    "malformed remove-list line: '\(DedupeFileFormat.excerpt(fields[0]))' is not an input key"
                )
            }
            guard let id = DedupeFileFormat.parseID(fields[1]), let original = DedupeFileFormat.parseID(fields[2])
            else {
                throw reader.error(.malformedFile, "malformed remove-list line: the ids must be JSON strings")
            }
            guard let similarity = Double(String(decoding: fields[3], as: UTF8.self)), (0...1).contains(similarity)
            else {
                throw reader.error(
                    .malformedFile,
                    "malformed remove-list line: the similarity '\(DedupeFileFormat.excerpt(fields[3]))' is not a "
                        + "number between 0 and 1"
                )
            }
            guard let kind = Kind(rawValue: String(decoding: fields[4], as: UTF8.self)) else {
                throw reader.error(
                    .malformedFile,
                    "malformed remove-list line: the kind '\(DedupeFileFormat.excerpt(fields[4]))' is not exact or near"
                )
            }
            self.init(key: key, id: id, duplicateOf: original, similarity: similarity, kind: kind)
        }
    }

    /// The entries kept when the list was read, by key.
    public let entries: [DedupeGlobalKey: Entry]

    /// Creates a list from entries (for tests and embedding).
    ///
    /// - Parameter entries: The entries; keys must be distinct.
    public init(entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads a remove list, keeping the entries one process needs.
    ///
    /// - Parameters:
    ///   - path: The file (`DIR/remove-list.tsv`).
    ///   - isIncluded: Whether to keep an entry (for example: whether the shard reads the document).
    /// - Throws: ``FileAccessError`` when the file cannot be read, ``CrossShardDedupeError`` when a line is malformed
    ///   or the keys are not strictly ascending.
    public init(path: String, keeping isIncluded: (Entry) -> Bool = { _ in true }) throws {
        let reader = try DedupeLineReader(path: path)
        var entries: [DedupeGlobalKey: Entry] = [:]
        var previous: DedupeGlobalKey?
        while let line = try reader.next() {
            let entry = try Entry(parsing: line, from: reader)
            if let previous, !(previous < entry.key) {
                throw reader.error(.unsortedFile, "remove list not sorted: \(entry.key) comes after \(previous)")
            }
            previous = entry.key
            if isIncluded(entry) { entries[entry.key] = entry }
        }
        self.entries = entries
    }

    /// The number of entries kept.
    public var count: Int { entries.count }

    /// The entry of a document, if it is removed.
    ///
    /// - Parameter key: The document's global key.
    /// - Returns: The entry, or `nil` when the document is kept.
    public subscript(key: DedupeGlobalKey) -> Entry? { entries[key] }

    /// Writes entries, sorted by key, atomically.
    ///
    /// - Parameters:
    ///   - entries: The entries, in ascending key order.
    ///   - path: The file.
    /// - Returns: FNV-1a 64 of the file's bytes, in hexadecimal.
    /// - Throws: ``FileAccessError`` when the file cannot be written.
    static func write(_ entries: [Entry], to path: String) throws(FileAccessError) -> String {
        let writer = try AtomicFileWriter(path: path)
        var hash = FNV1a.offsetBasis
        var line: [UInt8] = []
        do {
            for entry in entries {
                line.removeAll(keepingCapacity: true)
                entry.write(to: &line)
                for byte in line { hash = FNV1a.adding(byte, to: hash) }
                try writer.write(line)
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return FNV1a.hexadecimal(hash)
    }
}
