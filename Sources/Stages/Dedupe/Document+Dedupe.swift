import Pipeline

extension Document {
    /// Marks the document as an original that `dedupe` kept: ``AnnotationKey/duplicateOf`` is `null` and
    /// ``AnnotationKey/similarity`` is removed (it may have come from an earlier run).
    mutating func markOriginal() {
        let original: String? = nil
        self[.duplicateOf] = original
        self[.similarity] = nil
    }

    /// Marks the document as a duplicate of another.
    /// - Parameters:
    ///   - id: The id of the document it duplicates (written as `null` when unknown).
    ///   - similarity: The estimated Jaccard similarity to it.
    mutating func markDuplicate(of id: String?, similarity: Double) {
        self[.duplicateOf] = id
        self[.similarity] = similarity
    }
}
