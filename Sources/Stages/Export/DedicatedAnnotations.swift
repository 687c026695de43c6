import Pipeline

/// The annotations the database exports (SQLite, PostgreSQL) store in columns or tables of their own:
/// ``AnnotationKey/summary``, ``AnnotationKey/duplicateOf`` and ``AnnotationKey/entitySummary``. Every other field goes
/// into the row's JSON column.
enum DedicatedAnnotations {
    /// The names of the dedicated fields.
    static let names: Set<String> = [
        AnnotationKey.summary.name, AnnotationKey.duplicateOf.name, AnnotationKey.entitySummary.name,
    ]

    /// The document's fields without the dedicated ones.
    /// - Parameter document: The document being written.
    /// - Returns: The fields for the JSON column.
    static func otherFields(of document: Document) -> [String: JSONValue] {
        document.fields.filter { !names.contains($0.key) }
    }
}
