/// One distinct entity of a document, merging its mentions under a canonical name.
struct EntitySummaryEntry: Sendable, Equatable, Codable {
    /// The canonical name (the longest full name for people, the alias table's name for common places).
    var name: String
    /// The entity's label.
    var label: EntityLabel
    /// The number of mentions merged into this entity.
    var count: Int
    /// The distinct surface forms, in order of first appearance.
    var mentions: [String]
}
