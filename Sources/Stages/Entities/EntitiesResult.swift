/// The entities of one document: every mention in text order and the per-entity summary.
struct EntitiesResult: Sendable, Equatable {
    /// Mentions sorted by start offset; they never overlap.
    var mentions: [EntityMention]
    /// Distinct entities in order of first mention.
    var summary: [EntitySummaryEntry]
}
