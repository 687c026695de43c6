public import Pipeline

/// What the cluster step decided, written as `DIR/cluster-summary.json` and recorded in its completion marker.
public struct DedupeClusterSummary: Sendable, Equatable {
    /// The method used.
    public var method: DedupeClusterMethod = .keepFirst
    /// The buckets read.
    public var buckets = 0
    /// The current documents that appear in at least one bucket.
    public var documents = 0
    /// The index documents that appear in at least one bucket.
    public var indexDocuments = 0
    /// The current documents in buckets that are kept.
    public var kept = 0
    /// The documents removed as exact duplicates.
    public var exactDuplicates = 0
    /// The documents removed as near duplicates.
    public var nearDuplicates = 0
    /// The documents whose original has their own id (a rerun): neither removed nor kept.
    public var seenBefore = 0
    /// The candidate pairs whose MinHash values were compared.
    public var pairsVerified = 0
    /// The compared pairs below the threshold (LSH false positives).
    public var pairsRejected = 0
    /// FNV-1a 64 of the remove list, in hexadecimal.
    public var removeListHash = ""

    /// Creates an empty summary.
    public init() {}

    /// The documents removed.
    public var removed: Int { exactDuplicates + nearDuplicates }

    /// The summary as JSON.
    public var json: JSONValue {
        .object([
            "method": .string(method.rawValue),
            "buckets": .integer(Int64(buckets)),
            "documents_in_buckets": .integer(Int64(documents)),
            "index_documents_in_buckets": .integer(Int64(indexDocuments)),
            "kept_in_buckets": .integer(Int64(kept)),
            "removed": .integer(Int64(removed)),
            "exact_duplicates": .integer(Int64(exactDuplicates)),
            "near_duplicates": .integer(Int64(nearDuplicates)),
            "seen_before": .integer(Int64(seenBefore)),
            "pairs_verified": .integer(Int64(pairsVerified)),
            "pairs_rejected": .integer(Int64(pairsRejected)),
            "remove_list_hash": .string(removeListHash),
        ])
    }
}
