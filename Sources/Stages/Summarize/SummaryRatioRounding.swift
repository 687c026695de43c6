import Pipeline

/// How ``NewsSummarizer`` turns `ratio × body sentences` into a whole number of sentences.
enum SummaryRatioRounding: String, Sendable, Equatable, CaseIterable, ConfigurationEnum {
    /// Round to the nearest whole number, halves away from zero (`0.4 × 12 = 4.8 → 5`, `0.4 × 11 = 4.4 → 4`).
    case nearest
    /// Round up (`0.4 × 11 = 4.4 → 5`): the convention of the BBC extractive summaries used for evaluation.
    case up
}
