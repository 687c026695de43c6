public import Pipeline

/// The buckets step of one task (`dedupe buckets --task j/M`): merges, for every band `b` with `b mod M = j`, the
/// band files of every shard (and the entries of a persistent index), and writes the groups of two or more documents
/// that share a band key.
///
/// ```
///  band b, shard 0 ─┐  (each sorted by band key, key)
///  band b, shard 1 ─┼─ k-way merge ─▶ runs of equal band key ─▶ ≥ 2 members ─▶ DIR/buckets/part-j-of-M.tsv
///  index (sorted) ──┘
/// ```
/// Memory holds one line per shard and the members of one band key (plus, with an index, the index's entries of
/// this task's bands). Every input file's order is checked, and a document found twice is an error, so a band
/// file from another configuration or shard count cannot go unnoticed.
///
/// # Thread safety
/// An immutable `Sendable` value; ``run()`` owns its files.
public struct DedupeBucketMerge: Sendable {
    /// The deduplicator of the pipeline's `dedupe` stage.
    private let deduplicator: Deduplicator
    /// The shared folder.
    private let directory: DedupeWorkDirectory
    /// The number of signature shards.
    private let shardCount: Int
    /// This task (`j/M`).
    private let task: Shard
    /// The persistent index of earlier runs, if any.
    private let index: DedupePersistentIndex?

    /// Creates the step.
    ///
    /// - Parameters:
    ///   - options: The options of the pipeline's `dedupe` stage.
    ///   - directory: The shared folder.
    ///   - shardCount: The number of shards that wrote signatures.
    ///   - task: This task, `j/M`.
    ///   - index: The persistent index to merge, if any.
    public init(
        options: DedupeStage.Options,
        directory: DedupeWorkDirectory,
        shardCount: Int,
        task: Shard,
        index: DedupePersistentIndex?
    ) {
        deduplicator = Deduplicator(stageOptions: options)
        self.directory = directory
        self.shardCount = shardCount
        self.task = task
        self.index = index
    }

    /// The bands this task merges: every band number in `0...exactBand` congruent to the task index.
    public var bands: [Int] {
        Array(stride(from: task.index, through: deduplicator.exactBand, by: task.count))
    }

    /// Merges this task's bands and writes its buckets file atomically.
    ///
    /// - Returns: What was written.
    /// - Throws: ``FileAccessError`` when a file cannot be read or written, ``CrossShardDedupeError`` when a band file
    ///   is malformed or unsorted, or a document appears twice.
    public func run() throws -> DedupeBucketSummary {
        let bands = self.bands
        let indexEntries = try indexEntriesByBand(bands)
        let writer = try AtomicFileWriter(path: directory.bucketsPath(task))
        var summary = DedupeBucketSummary()
        var hash = FNV1a.offsetBasis
        var line: [UInt8] = []
        do {
            for band in bands {
                try merge(band: band, indexEntries: indexEntries[band] ?? [], summary: &summary) { bucket in
                    line.removeAll(keepingCapacity: true)
                    bucket.write(to: &line)
                    for byte in line { hash = FNV1a.adding(byte, to: hash) }
                    try writer.write(line)
                }
                summary.bands += 1
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        summary.contentHash = FNV1a.hexadecimal(hash)
        return summary
    }

    /// The index's band entries for each of `bands`, sorted.
    private func indexEntriesByBand(_ bands: [Int]) throws -> [Int: [DedupeBandEntry]] {
        guard let index else { return [:] }
        var entries: [Int: [DedupeBandEntry]] = [:]
        let exactBand = deduplicator.exactBand
        try index.forEachEntry { key, _, signature in
            for band in bands where band == exactBand || deduplicator.isBanded(signature) {
                entries[band, default: []].append(
                    DedupeBandEntry(bandKey: deduplicator.bandKey(of: signature, band: band), key: key)
                )
            }
        }
        for band in entries.keys { entries[band]!.sort() }
        return entries
    }

    /// Merges one band's files and index entries, calling `emit` with every group of two or more.
    private func merge(
        band: Int,
        indexEntries: [DedupeBandEntry],
        summary: inout DedupeBucketSummary,
        emit: (DedupeBucket) throws -> Void
    ) throws {
        var readers: [DedupeLineReader] = []
        for index in 0..<shardCount {
            readers.append(
                try DedupeLineReader(path: directory.bandPath(band: band, try Shard(index: index, count: shardCount)))
            )
        }
        // Source k < shardCount is shard k's file; source shardCount is the index.
        var indexPosition = 0
        func next(from source: Int) throws -> DedupeBandEntry? {
            if source == shardCount {
                guard indexPosition < indexEntries.count else { return nil }
                defer { indexPosition += 1 }
                return indexEntries[indexPosition]
            }
            guard let line = try readers[source].next() else { return nil }
            return try DedupeBandEntry(parsing: line, from: readers[source])
        }
        var heap = MergeHeap()
        for source in 0...shardCount {
            if let entry = try next(from: source) { heap.push(entry, source: source) }
        }
        var members: [DedupeGlobalKey] = []
        var currentKey: UInt64 = 0
        var previous: DedupeBandEntry?
        func flush() throws {
            if members.count >= 2 {
                try emit(DedupeBucket(band: band, bandKey: currentKey, members: members))
                summary.buckets += 1
                summary.members += members.count
                summary.largestBucket = max(summary.largestBucket, members.count)
            }
            members.removeAll(keepingCapacity: true)
        }
        while let (entry, source) = heap.pop() {
            summary.entries += 1
            if let previous, previous == entry {
                throw CrossShardDedupeError(
                    .unknownDocument,
                    "document \(entry.key) appears twice in band \(band); were the signatures of two shards made for "
                        + "different inputs or shard counts?",
                    path: source < shardCount ? readers[source].path : index?.path,
                    line: source < shardCount ? readers[source].lineNumber : nil
                )
            }
            if members.isEmpty || entry.bandKey != currentKey {
                try flush()
                currentKey = entry.bandKey
            }
            members.append(entry.key)
            previous = entry
            if let following = try next(from: source) {
                guard source == shardCount || entry < following else {
                    throw readers[source].error(
                        .unsortedFile,
                        "band file not sorted: \(following.key) under \(DedupeFileFormat.hex(following.bandKey)) "
                            + "comes after \(entry.key) under \(DedupeFileFormat.hex(entry.bandKey))"
                    )
                }
                heap.push(following, source: source)
            }
        }
        try flush()
    }
}

/// A binary min-heap of the next entry of each merge source (ties broken by source number).
private struct MergeHeap {
    /// The heap's items: each source's next entry, the smallest at the root.
    private var items: [(entry: DedupeBandEntry, source: Int)] = []

    /// Adds a source's next entry.
    mutating func push(_ entry: DedupeBandEntry, source: Int) {
        items.append((entry, source))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the smallest entry and its source.
    mutating func pop() -> (DedupeBandEntry, Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, precedes(items[left], items[smallest]) { smallest = left }
            if right < items.count, precedes(items[right], items[smallest]) { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return (top.entry, top.source)
    }

    /// Whether one item comes before another: by entry, then by source.
    private func precedes(_ lhs: (entry: DedupeBandEntry, source: Int), _ rhs: (entry: DedupeBandEntry, source: Int))
        -> Bool
    {
        lhs.entry != rhs.entry ? lhs.entry < rhs.entry : lhs.source < rhs.source
    }
}
