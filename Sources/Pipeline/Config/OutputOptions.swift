/// The `output` section of a pipeline file: where the run's side outputs go. Documents themselves are written by
/// export stages.
///
/// ```yaml
/// output:
///   dead_letter: out/news.dead-letter.jsonl
///   stats: out/news.stats.json
/// ```
public struct OutputOptions: Sendable, Hashable, Decodable {
    /// The JSON Lines file receiving `{id, stage, error, source, document}` for each failed document.
    /// Default: `out/<name>.dead-letter.jsonl`.
    public var deadLetterPath: String?
    /// A JSON file receiving the run's statistics (as `--stats-json`).
    public var statsPath: String?
    /// The JSON file recording what the last committed run completed, for `--resume`.
    /// Default: `out/<name>.state.json`.
    public var statePath: String?

    /// Creates output options.
    /// - Parameters:
    ///   - deadLetterPath: The dead-letter file (default derived from the pipeline's name).
    ///   - statsPath: The statistics file (default none).
    public init(deadLetterPath: String? = nil, statsPath: String? = nil) {
        self.deadLetterPath = deadLetterPath
        self.statsPath = statsPath
    }

    private enum CodingKeys: String, CodingKey {
        case deadLetterPath = "dead_letter"
        case statsPath = "stats"
        case statePath = "state"
    }

    /// Decodes the section.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        deadLetterPath = try container.decodeIfPresent(String.self, forKey: .deadLetterPath)
        statsPath = try container.decodeIfPresent(String.self, forKey: .statsPath)
        statePath = try container.decodeIfPresent(String.self, forKey: .statePath)
    }

    /// The section's options, for `pipeline-run stages`.
    public static let documentation: [OptionDocumentation] = [
        OptionDocumentation(
            "dead_letter",
            type: "string",
            defaultValue: "out/<name>.dead-letter.jsonl",
            summary: "JSON Lines file of failed documents with the stage and error."
        ),
        OptionDocumentation(
            "stats",
            type: "string",
            defaultValue: "none",
            summary: "JSON file of the run's statistics."
        ),
        OptionDocumentation(
            "state",
            type: "string",
            defaultValue: "out/<name>.state.json",
            summary: "What the last committed run completed; run --resume continues after it."
        ),
    ]
}
