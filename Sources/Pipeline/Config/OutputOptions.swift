/// The `output` section of a pipeline file: where the run's side outputs go. Documents themselves are written by
/// export stages.
///
/// ```yaml
/// output:
///   dead_letter: out/news.dead-letter.jsonl
///   stats: out/news.stats.json
/// ```
public struct OutputOptions: DeclaredOptions, Hashable {
    /// The JSON Lines file receiving `{id, stage, error, source, document}` for each failed document.
    /// Default: `out/<name>.dead-letter.jsonl`.
    public var deadLetterPath: String?
    /// A JSON file receiving the run's statistics (as `--stats-json`).
    public var statsPath: String?
    /// The JSON file recording what the last committed run completed, for `--resume`.
    /// Default: `out/<name>.state.json`.
    public var statePath: String?

    /// Creates output options with the defaults.
    public init() {}

    /// Creates output options.
    /// - Parameters:
    ///   - deadLetterPath: The dead-letter file (default derived from the pipeline's name).
    ///   - statsPath: The statistics file (default none).
    public init(deadLetterPath: String? = nil, statsPath: String? = nil) {
        self.deadLetterPath = deadLetterPath
        self.statsPath = statsPath
    }

    /// The section's options.
    public static let declarations: [OptionDeclaration<Self>] = [
        .option(
            "dead_letter",
            \.deadLetterPath,
            help: "JSON Lines file of failed documents with the stage and error.",
            defaultText: "out/<name>.dead-letter.jsonl"
        ),
        .option("stats", \.statsPath, help: "JSON file of the run's statistics."),
        .option(
            "state",
            \.statePath,
            help: "What the last committed run completed; run --resume continues after it.",
            defaultText: "out/<name>.state.json"
        ),
    ]
}
