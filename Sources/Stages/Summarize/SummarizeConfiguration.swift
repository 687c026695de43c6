/// Every option of the `summarize` stage, with its default.
///
/// Length options: `sentences` wins over `ratio`; when neither is set, `ratio` defaults to ``defaultRatio``.
/// `maxCharacters` is an extra budget on the joined summary: sentences are taken in rank order and any sentence that
/// would overflow the budget is skipped (so a tight budget can yield an empty summary).
struct SummarizeConfiguration: Sendable, Equatable {
    /// The ratio used when neither `sentences` nor `ratio` is given.
    static let defaultRatio = 0.4

    /// The ranking method (YAML `method: lead | frequency | textrank | lexrank | news`); default `news`.
    var method: SummaryMethod = .news
    /// A fixed number of summary sentences (YAML `sentences: N`, N >= 1); default `nil` (use `ratio`).
    var sentences: Int? = nil
    /// The fraction of body sentences to keep (YAML `ratio: r`, 0 < r <= 1), at least 1 sentence; default `nil`,
    /// which means ``defaultRatio`` (0.4) unless `sentences` is set.
    var ratio: Double? = nil
    /// How `ratio × sentences` is rounded (YAML `ratio_rounding: up | nearest`); default `up`.
    var ratioRounding: SummaryRatioRounding = .up
    /// The longest summary, in Unicode scalars including the joining spaces (YAML `max_chars`); default `nil`.
    var maxCharacters: Int? = nil
    /// The most body sentences ranked (YAML `max_sentences`); default 2,000. Beyond it only the first
    /// `maxSentences` sentences are candidates (indices still refer to the full list), which bounds the quadratic
    /// similarity graph on hostile input.
    var maxSentences: Int = 2_000
    /// The weights of the `news` method (advanced; not usually set from YAML).
    var newsWeights: NewsRankingWeights = NewsRankingWeights()
}
