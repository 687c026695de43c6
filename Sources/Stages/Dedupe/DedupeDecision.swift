/// The `dedupe` stage's verdict on one document.
struct DedupeDecision: Sendable, Equatable {
    /// What the document is.
    enum Kind: Sendable, Equatable {
        /// Not a duplicate of any earlier kept document: kept and inserted into the index.
        case kept
        /// Its normalised text equals that of an earlier kept document.
        case exactDuplicate
        /// Its estimated Jaccard similarity to an earlier kept document reaches the threshold.
        case nearDuplicate
    }

    /// What the document is.
    var kind: Kind

    /// The id of the earlier kept document it duplicates; `nil` when kept.
    var duplicateOf: String?

    /// The estimated Jaccard similarity to ``duplicateOf`` (1.0 for an exact duplicate); `nil` when kept.
    var similarity: Double?

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - kind: What the document is.
    ///   - duplicateOf: The id of the duplicated kept document.
    ///   - similarity: The estimated similarity to it.
    init(kind: Kind, duplicateOf: String? = nil, similarity: Double? = nil) {
        self.kind = kind
        self.duplicateOf = duplicateOf
        self.similarity = similarity
    }

    /// The decision for a kept document.
    static let kept = DedupeDecision(kind: .kept)

    /// Whether the document is a duplicate (exact or near) and should be dropped or marked.
    var isDuplicate: Bool { kind != .kept }
}
