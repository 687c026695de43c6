/// How the cluster step turns verified candidate pairs into removals.
public enum DedupeClusterMethod: String, Sendable, Hashable, CaseIterable {
    /// Replays the single-machine rule in global-key order: a document is removed when it duplicates a document
    /// kept before it (exact hash first, else the most similar verified candidate, ties to the smallest key).
    /// Duplicates are never kept, so in a chain A ~ B ~ C where A !~ C, B is removed and C is kept, exactly as the
    /// single-machine `dedupe` stage decides.
    case keepFirst = "keep-first"
    /// Unites every verified pair (equal exact hash, or a shared band with enough equal MinHash values) and keeps
    /// the smallest key of each connected component. In a chain A ~ B ~ C where A !~ C, both B and C are removed as
    /// duplicates of A (C with its lower similarity to A): more removals than the single-machine stage.
    case unionFind = "union-find"
}
