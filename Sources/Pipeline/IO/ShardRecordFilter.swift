/// Keeps the records of one shard when the input is split by record (`input.split: record`): those whose id
/// hashes to the shard (see ``Shard/takesRecord(id:)``), unreadable records included, so every record is handled by
/// exactly one shard.
public struct ShardRecordFilter: DocumentReader {
    private var base: any DocumentReader
    private let shard: Shard

    /// Wraps a reader.
    /// - Parameters:
    ///   - base: The reader of the whole input.
    ///   - shard: The shard to keep.
    public init(base: any DocumentReader, shard: Shard) {
        self.base = base
        self.shard = shard
    }

    /// The next record of this shard.
    public mutating func next() -> InputRecord? {
        while let record = base.next() {
            switch record {
            case .document(let document) where shard.takesRecord(id: document.id): return record
            case .invalid(let removed) where shard.takesRecord(id: removed.id): return record
            default: continue
            }
        }
        return nil
    }
}
