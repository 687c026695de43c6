public import Pipeline

/// What one `dedupe buckets` task wrote, recorded in its completion marker.
public struct DedupeBucketSummary: Sendable, Equatable {
    /// The bands merged.
    public var bands = 0
    /// The band entries read (shards and index).
    public var entries = 0
    /// The buckets (groups of two or more documents) written.
    public var buckets = 0
    /// The memberships written, over every bucket.
    public var members = 0
    /// The size of the largest bucket.
    public var largestBucket = 0
    /// FNV-1a 64 of the buckets file, in hexadecimal: identical reruns give the same hash.
    public var contentHash = ""

    /// Creates an empty summary.
    public init() {}

    /// The summary as JSON, as its completion marker records it.
    public var json: JSONValue {
        .object([
            "bands": .integer(Int64(bands)),
            "entries": .integer(Int64(entries)),
            "buckets": .integer(Int64(buckets)),
            "members": .integer(Int64(members)),
            "largest_bucket": .integer(Int64(largestBucket)),
            "content_hash": .string(contentHash),
        ])
    }
}
