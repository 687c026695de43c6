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
        var configuration = SummarizeConfiguration(ratioRounding: .nearest)

        private enum CodingKeys: String, CodingKey {
            case method, sentences, ratio
            case ratioRounding = "ratio_rounding"
            case maxCharacters = "max_chars"
            case maxSentences = "max_sentences"
        }

        /// Creates options with the defaults.
        public init() {}

        /// Decodes the options, checking ranges.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var configuration = SummarizeConfiguration(ratioRounding: .nearest)
            if let method = try container.decodeIfPresent(String.self, forKey: .method) {
                guard let parsed = SummaryMethod(rawValue: method) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .method,
                        in: container,
                        debugDescription:
                            "expected one of \(SummaryMethod.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(method)\""
                    )
                }
                configuration.method = parsed
            }
            configuration.sentences = try container.decodeIfPresent(Int.self, forKey: .sentences, in: 1...10_000)
            configuration.ratio = try container.decodeIfPresent(Double.self, forKey: .ratio, in: 0.001...1.0)
            if let rounding = try container.decodeIfPresent(String.self, forKey: .ratioRounding) {
                guard let parsed = SummaryRatioRounding(rawValue: rounding) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .ratioRounding,
                        in: container,
                        debugDescription: "expected one of nearest, up, found \"\(rounding)\""
                    )
                }
                configuration.ratioRounding = parsed
            }
            configuration.maxCharacters = try container.decodeIfPresent(
                Int.self,
                forKey: .maxCharacters,
                in: 1...10_000_000
            )
            configuration.maxSentences =
                try container.decodeIfPresent(Int.self, forKey: .maxSentences, in: 10...1_000_000) ?? 2_000
            self.configuration = configuration
        }

        /// The options, for `pipeline-run stages`.
        public static let documentation: [OptionDocumentation] = [
            OptionDocumentation(
                "method",
                type: "one of \(SummaryMethod.allCases.map(\.rawValue).joined(separator: ", "))",
                defaultValue: "news",
                summary:
                    "Ranking: news (frequency + TextRank + LexRank + MMR), highlights (a model trained on CNN story highlights, for lead-heavy news), or a simpler baseline."
            ),
            OptionDocumentation(
                "sentences",
                type: "integer 1...10000",
                defaultValue: "none",
                summary: "Summary length in sentences (wins over ratio)."
            ),
            OptionDocumentation(
                "ratio",
                type: "number 0.001...1.0",
                defaultValue: "0.4 when no length is set",
                summary: "Summary length as a fraction of the body's sentences, rounded, at least 1."
            ),
            OptionDocumentation(
                "ratio_rounding",
                type: "one of nearest, up",
                defaultValue: "nearest",
                summary: "How ratio × sentences becomes a whole number."
            ),
            OptionDocumentation(
                "max_chars",
                type: "integer",
                defaultValue: "none",
                summary: "Longest summary in characters; sentences that would overflow are skipped."
            ),
            OptionDocumentation(
                "max_sentences",
                type: "integer 10...1000000",
                defaultValue: "2000",
                summary: "Only the first N body sentences are ranked, which bounds the cost of huge documents."
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
        summarized.fields["summary"] = .string(result.summary)
        summarized.fields["summary_sentences"] = .array(result.sentenceIndices.map { .integer(Int64($0)) })
        if result.bodySentenceCount > options.configuration.maxSentences {
            context.counters.add(to: "sentence_cap_reached")
        }
        return .keep(summarized)
    }
}
