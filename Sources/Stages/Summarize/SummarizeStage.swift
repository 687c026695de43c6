public import Pipeline

/// Writes an extractive summary of each article: some of its own sentences, in article order.
///
/// Sentences are split with news-aware rules (abbreviations, initials, decimals, quotations); the headline (a first
/// line without final punctuation) is never chosen. The default ranking (`news`) combines word frequency with
/// TextRank and LexRank centrality and avoids repeating itself (MMR); `highlights` starts from the lead and scores
/// sentences with a small model trained on CNN story highlights (the method for wire-style news, used by
/// `pipelines/news.yaml`).
///
/// ```yaml
/// - type: summarize
///   ratio: 0.4          # or sentences: 3, or max_chars: 400
/// ```
/// Writes `summary` (the sentences joined by a space) and `summary_sentences` (their 0-based indices among the
/// body sentences, headline excluded).
public struct SummarizeStage: ConfigurableStage, DocumentStage {
    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        /// The summarizer's configuration; each option's default lives there, except `ratio_rounding`, which the
        /// stage sets to `nearest`.
        var configuration = SummarizeConfiguration(ratioRounding: .nearest)

        /// Creates options with the defaults.
        public init() {}

        /// The options.
        public static let declarations: [OptionDeclaration<Self>] = [
            .option(
                "method",
                \.configuration.method,
                help: "Ranking: news (frequency + TextRank + LexRank + MMR), highlights (a model trained on CNN story "
                    + "highlights, for lead-heavy news), or a simpler baseline."
            ),
            .option(
                "sentences",
                \.configuration.sentences,
                in: 1...10_000,
                help: "Summary length in sentences (wins over ratio)."
            ),
            .option(
                "ratio",
                \.configuration.ratio,
                in: 0.001...1.0,
                help: "Summary length as a fraction of the body's sentences, rounded, at least 1.",
                defaultText: "\(SummarizeConfiguration.defaultRatio) when no length is set"
            ),
            .option(
                "ratio_rounding",
                \.configuration.ratioRounding,
                help: "How ratio × sentences becomes a whole number."
            ),
            .option(
                "max_chars",
                \.configuration.maxCharacters,
                in: 1...10_000_000,
                help: "Longest summary in characters; sentences that would overflow are skipped."
            ),
            .option(
                "max_sentences",
                \.configuration.maxSentences,
                in: 10...1_000_000,
                help: "Only the first N body sentences are ranked, which bounds the cost of huge documents."
            ),
        ]
    }

    /// `summarize`.
    public static let typeName = "summarize"
    /// What the stage does.
    public static let summary = "Adds an extractive summary: the article's most central sentences, in article order."

    /// The options.
    public let options: Options
    private let summarizer: NewsSummarizer

    /// Creates the stage.
    /// - Parameter options: The options.
    public init(options: Options) {
        self.options = options
        self.summarizer = NewsSummarizer(configuration: options.configuration)
    }

    /// Summarizes one document.
    public func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let result = summarizer.summarize(document.text)
        var summarized = document
        summarized[.summary] = result.summary
        summarized[.summarySentences] = result.sentenceIndices
        if result.bodySentenceCount > options.configuration.maxSentences {
            context.counters.add(to: "sentence_cap_reached")
        }
        return .keep(summarized)
    }
}
