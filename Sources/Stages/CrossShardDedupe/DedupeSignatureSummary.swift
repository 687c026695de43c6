/// What one shard's `dedupe signatures` run committed.
public struct DedupeSignatureSummary: Sendable, Equatable {
    /// The documents signed.
    public var documents = 0
    /// The documents whose text had no word (filed under the exact band only).
    public var emptySignatures = 0
    /// The band entries written, over every band.
    public var bandEntries = 0
    /// FNV-1a 64 of every byte written (signature file, then band files in band order), in hexadecimal: identical
    /// reruns give the same hash, so later steps can tell whether their input changed.
    public var contentHash = ""

    /// Creates an empty summary.
    public init() {}
}
