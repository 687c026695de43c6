public import Pipeline

extension AnnotationKey where Value == String {
    /// The extractive summary `summarize` writes: the chosen sentences in article order, joined by single spaces
    /// (empty when none was chosen). Exports store it in a column of its own.
    public static var summary: Self { Self("summary") }
}

extension AnnotationKey where Value == [Int] {
    /// The 0-based indices, ascending, of the body sentences `summarize` chose (the headline is not counted).
    public static var summarySentences: Self { Self("summary_sentences") }
}
