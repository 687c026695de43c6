public import Pipeline

extension AnnotationKey where Value == String? {
    /// What `dedupe` (with `action: mark`) found: the id of the document this one duplicates, or `null` for a
    /// document it kept as an original. Exports store it in a column of its own.
    public static var duplicateOf: Self { Self("duplicate_of") }
}

extension AnnotationKey where Value == Double {
    /// The estimated Jaccard similarity of a duplicate to the document it duplicates (1 for an exact duplicate);
    /// absent on originals.
    public static var similarity: Self { Self("similarity") }
}
