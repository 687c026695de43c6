public import Pipeline

extension AnnotationKey where Value == [EntityAnnotation] {
    /// Every entity mention `entities` found, in document order.
    public static var entities: Self { Self("entities") }
}

extension AnnotationKey where Value == [EntitySummaryAnnotation] {
    /// The document's distinct entities, as `entities` merged its mentions. Exports store them in a table of their
    /// own.
    public static var entitySummary: Self { Self("entity_summary") }
}
