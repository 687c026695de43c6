public import Pipeline

/// The input files in the order a single-machine run reads them, for giving documents a ``DedupeGlobalKey`` and for
/// telling which shard reads which file.
///
/// A single-machine run (`run FILE`, shard `0/1`) reads the files as ``InputExpander`` lists them without a shard:
/// every `input.path` entry in turn, the files found in a folder or by a glob sorted byte-wise by path. A sharded
/// run reads the same documents, assigning file k of the list sorted byte-wise to shard k mod N (or every file, to
/// every shard, keeping records by id hash under `split: record`). The position used in global keys is the
/// single-machine one, so the key order is exactly the order in which a single-machine run feeds its `dedupe`
/// stage; it equals the position in the byte-sorted list whenever `input.path` is one folder or one glob of files,
/// and differs when several entries are listed out of byte order.
///
/// # Thread safety
/// An immutable `Sendable` value.
public struct DedupeInputOrder: Sendable {
    /// The input files, in single-machine order.
    public let files: [InputFile]
    /// The position of each path in ``files``.
    private let positions: [String: Int]
    /// For each position in ``files``, the position of the file in the byte-sorted list (shard assignment).
    private let sortedPositions: [Int]

    /// Creates the order of an input list.
    ///
    /// - Parameter files: The files of the unsharded expansion (`InputExpander(options:formats:).expand().files`).
    /// - Throws: ``CrossShardDedupeError`` (``CrossShardDedupeError/Code/unorderedInput``) when a file is listed
    ///   twice (its documents would have two places) or the input is standard input.
    public init(files: [InputFile]) throws(CrossShardDedupeError) {
        var positions: [String: Int] = [:]
        for (position, file) in files.enumerated() {
            if file.path == "-" {
                throw CrossShardDedupeError(
                    .unorderedInput,
                    "standard input cannot be deduplicated across shards: every step must read the same files"
                )
            }
            if positions.updateValue(position, forKey: file.path) != nil {
                throw CrossShardDedupeError(
                    .unorderedInput,
                    "the input list names '\(file.path)' twice; cross-shard dedupe needs every file once "
                        + "(check input.path for overlapping folders and globs)"
                )
            }
        }
        let sorted = files.indices.sorted {
            Array(files[$0].path.utf8).lexicographicallyPrecedes(Array(files[$1].path.utf8))
        }
        var sortedPositions = [Int](repeating: 0, count: files.count)
        for (sortedPosition, position) in sorted.enumerated() {
            sortedPositions[position] = sortedPosition
        }
        self.files = files
        self.positions = positions
        self.sortedPositions = sortedPositions
    }

    /// The single-machine position of the file at `path`.
    ///
    /// - Parameter path: A document's `source.path`.
    /// - Returns: The position, or `nil` when the path is not an input file.
    public func position(ofPath path: String) -> Int? {
        positions[path]
    }

    /// Whether a shard reads the document with this key and id.
    ///
    /// - Parameters:
    ///   - shard: The shard.
    ///   - split: How the input is split (`input.split`).
    ///   - key: The document's global key (an input document's, not an index entry's).
    ///   - id: The document's id (used under `split: record`).
    /// - Returns: `true` when the shard's run sees the document.
    public func shard(_ shard: Shard, split: InputOptions.Split, takes key: DedupeGlobalKey, id: String) -> Bool {
        guard shard.count > 1 else { return true }
        switch split {
        case .record: return shard.takesRecord(id: id)
        case .file:
            guard sortedPositions.indices.contains(key.file) else { return false }
            return shard.takesFile(at: sortedPositions[key.file])
        }
    }

    /// A key assigner for the documents one shard's run sees.
    ///
    /// - Parameters:
    ///   - shard: The shard.
    ///   - split: How the input is split.
    /// - Returns: An assigner; unnumbered documents of a file are counted only when the whole file goes to one shard.
    public func keyAssigner(shard: Shard, split: InputOptions.Split) -> DedupeKeyAssigner {
        DedupeKeyAssigner(order: self, countsOrdinals: shard.count == 1 || split == .file)
    }

    /// How the file at `position` is read.
    ///
    /// - Parameter position: A single-machine position.
    /// - Returns: The file's kind.
    func kind(at position: Int) -> InputFile.Kind {
        files[position].kind
    }
}
