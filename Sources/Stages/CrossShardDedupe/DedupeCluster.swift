import Pipeline

/// The cluster step (`dedupe cluster`): reads every buckets file and the signatures of the documents in them,
/// decides with a ``DedupeClusterMethod``, and writes the remove list and the summary.
///
/// ```
///  DIR/buckets/part-*-of-M.tsv ──▶ member keys ──▶ DIR/signatures/part-*-of-N.tsv (only those keys) ─┐
///                                                  persistent index (only those keys) ───────────────┴▶ resolver
///  ──▶ DIR/remove-list.tsv (sorted by key), DIR/cluster-summary.json
/// ```
/// Memory holds the bucket memberships and the signatures of the documents that appear in a bucket (about
/// 4 × permutations bytes each), never the signatures of documents without a candidate.
///
/// # Thread safety
/// An immutable `Sendable` value; ``run()`` owns its files.
public struct DedupeCluster: Sendable {
    /// The deduplicator of the pipeline's `dedupe` stage.
    private let deduplicator: Deduplicator
    /// The shared folder.
    private let directory: DedupeWorkDirectory
    /// The number of signature shards.
    private let shardCount: Int
    /// The number of buckets tasks.
    private let taskCount: Int
    /// The method.
    private let method: DedupeClusterMethod
    /// The persistent index merged by the buckets step, if any.
    private let index: DedupePersistentIndex?

    /// Creates the step.
    ///
    /// - Parameters:
    ///   - options: The options of the pipeline's `dedupe` stage.
    ///   - directory: The shared folder.
    ///   - shardCount: The number of shards that wrote signatures.
    ///   - taskCount: The number of buckets tasks.
    ///   - method: How verified pairs become removals.
    ///   - index: The persistent index the buckets step merged, if any.
    public init(
        options: DedupeStage.Options,
        directory: DedupeWorkDirectory,
        shardCount: Int,
        taskCount: Int,
        method: DedupeClusterMethod,
        index: DedupePersistentIndex?
    ) {
        deduplicator = Deduplicator(stageOptions: options)
        self.directory = directory
        self.shardCount = shardCount
        self.taskCount = taskCount
        self.method = method
        self.index = index
    }

    /// Decides and writes the remove list and the summary, atomically.
    ///
    /// - Returns: The summary.
    /// - Throws: ``FileAccessError`` when a file cannot be read or written, ``CrossShardDedupeError`` when a file is
    ///   malformed, a bucket member has no signature, or a signature appears twice.
    public func run() throws -> DedupeClusterSummary {
        let (keys, buckets) = try readBuckets()
        guard keys.count < Int(Int32.max), buckets.count < Int(Int32.max) else {
            throw CrossShardDedupeError(
                .malformedFile,
                "\(keys.count) documents in \(buckets.count) buckets exceed what one cluster process handles "
                    + "(2^31 - 1 of each); raise the threshold or deduplicate the input in parts"
            )
        }
        let members = try readMembers(keys)
        let groups = buckets.map { bucket in
            DedupeClusterResolver.Group(
                band: bucket.band,
                members: bucket.members.map { Int32(Self.position(of: $0, in: keys)!) }
            )
        }
        let resolver = DedupeClusterResolver(deduplicator: deduplicator, method: method)
        let resolution = resolver.resolve(members: members, groups: groups)
        var summary = resolution.summary
        summary.removeListHash = try DedupeRemoveList.write(resolution.entries, to: directory.removeListPath)
        let writer = try AtomicFileWriter(path: directory.summaryPath)
        try writer.write(summary.json.serialized() + "\n")
        try writer.commit()
        return summary
    }

    /// Every bucket of every task, and the sorted distinct keys of their members.
    private func readBuckets() throws -> ([DedupeGlobalKey], [DedupeBucket]) {
        var buckets: [DedupeBucket] = []
        var keys: [DedupeGlobalKey] = []
        for task in 0..<taskCount {
            let reader = try DedupeLineReader(path: directory.bucketsPath(try Shard(index: task, count: taskCount)))
            while let line = try reader.next() {
                let bucket = try DedupeBucket(parsing: line, from: reader)
                guard bucket.band <= deduplicator.exactBand else {
                    throw reader.error(
                        .malformedFile,
                        "band \(bucket.band) does not exist: the dedupe stage has \(deduplicator.exactBand) bands "
                            + "and the exact band; were the buckets made with other dedupe options?"
                    )
                }
                keys.append(contentsOf: bucket.members)
                buckets.append(bucket)
            }
        }
        keys.sort()
        var distinct: [DedupeGlobalKey] = []
        distinct.reserveCapacity(keys.count)
        for key in keys where distinct.last != key { distinct.append(key) }
        return (distinct, buckets)
    }

    /// The id and signature of every key, from the signature files and the index.
    private func readMembers(_ keys: [DedupeGlobalKey]) throws -> [DedupeClusterResolver.Member] {
        var found = [DedupeClusterResolver.Member?](repeating: nil, count: keys.count)
        let permutationCount = deduplicator.configuration.permutationCount
        for shard in 0..<shardCount {
            let reader = try DedupeLineReader(
                path: directory.signaturesPath(try Shard(index: shard, count: shardCount))
            )
            while let line = try reader.next() {
                // Parse the key first: most documents are in no bucket.
                let end = line.firstIndex(of: 0x09) ?? line.endIndex
                guard let key = DedupeGlobalKey(parsing: String(decoding: line[..<end], as: UTF8.self)) else {
                    throw reader.error(
                        .malformedFile,
                        "malformed signature line: '\(DedupeFileFormat.excerpt(line[..<end]))' is not a key"
                    )
                }
                guard let position = Self.position(of: key, in: keys) else { continue }
                guard found[position] == nil else {
                    throw reader.error(.unknownDocument, "document \(key) has two signatures")
                }
                let record = try DedupeSignatureRecord(parsing: line, permutationCount: permutationCount, from: reader)
                found[position] = .init(key: key, id: record.id, signature: record.signature)
            }
        }
        if keys.first?.isIndexEntry == true {
            guard let index else {
                throw CrossShardDedupeError(
                    .incompatibleIndex,
                    "the buckets hold documents of a persistent index, but no index was given: pass the --index the "
                        + "buckets step used"
                )
            }
            try index.forEachEntry { key, id, signature in
                if let position = Self.position(of: key, in: keys) {
                    found[position] = .init(key: key, id: id, signature: signature)
                }
            }
        }
        var members: [DedupeClusterResolver.Member] = []
        members.reserveCapacity(keys.count)
        for (position, member) in found.enumerated() {
            guard let member else {
                throw CrossShardDedupeError(
                    .unknownDocument,
                    "document \(keys[position]) is in a bucket but has no signature "
                        + (keys[position].isIndexEntry ? "in the index \(index?.path ?? "")" : "in any signature file")
                        + "; the signatures changed after the buckets were made: run the buckets step again"
                )
            }
            members.append(member)
        }
        return members
    }

    /// The position of a key in a sorted key list.
    private static func position(of key: DedupeGlobalKey, in keys: [DedupeGlobalKey]) -> Int? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }
}
