public import Pipeline

/// Reduces scraped news text to the article: headline and body paragraphs, boilerplate and broken text removed.
///
/// Repairs Unicode (NFC, Windows-1252 mojibake, control and zero-width characters), reduces HTML to text, and
/// removes boilerplate lines and blocks (ad markers, calls to action, share bars, teaser blocks, footers, captions,
/// placeholder e-mails...) judged by their shape as well as by common phrases, then lets a small trained line model
/// (``BoilerplateLineModel``) judge the lines the rules kept by their shape, place, neighbours and multilingual
/// furniture vocabulary. A site name appended to the headline, an opening photo credit and a closing share prompt
/// are cut out of lines that are otherwise article. Each document records what was removed per rule group in
/// `clean_report` (and, with `clean_removed: true`, the removed text with its kind in `clean_removed`); a removed
/// byline becomes `author` when the document has none. Documents left shorter than `minimum_length` are dropped
/// ("too short").
///
/// ```yaml
/// - type: clean
///   minimum_length: 200
///   drop_patterns: ['(?i)^sponsored by ']
/// ```
public struct CleanStage: ConfigurableStage, DocumentStage {
    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        /// The cleaner's configuration; each option's default lives there.
        var configuration = CleanConfiguration()
        /// Phrases added to the built-in boilerplate list (`extra_phrases`).
        var extraPhrases: [String] = []

        /// Creates options with the defaults.
        public init() {}

        /// The configuration the cleaner runs with: `extra_phrases`, lowercased, join the built-in phrases.
        var cleanerConfiguration: CleanConfiguration {
            var configuration = configuration
            configuration.boilerplatePhrases += extraPhrases.map { $0.lowercased() }.filter { !$0.isEmpty }
            return configuration
        }

        /// The options.
        public static let declarations: [OptionDeclaration<Self>] = [
            .option("rule_groups", \.configuration.ruleGroups, help: "Which rule groups run."),
            .option(
                "drop_lines",
                \.configuration.dropLines,
                help: "Extra whole lines to drop (case-insensitive, after trimming)."
            ),
            .option(
                "drop_patterns",
                \.configuration.dropPatterns,
                help: "Regular expressions: lines matching any are dropped; compiled once, matched per line; "
                    + "(?i) ignores case."
            ),
            .option(
                "extra_phrases",
                \.extraPhrases,
                help: "Boilerplate phrases added to the built-in list: a short line containing one is dropped."
            ),
            .option(
                "minimum_length",
                \.configuration.minimumLength,
                in: 0...1_000_000,
                help: "Articles shorter than this (characters) after cleaning are dropped as \"too short\"."
            ),
            .option("keep_headline", \.configuration.keepHeadline, help: "Keep the headline line."),
            .option(
                "normalize_punctuation",
                \.configuration.normalizePunctuation,
                help: "Turn curly quotes, dashes and ellipses into ASCII."
            ),
            .option("detect_html", \.configuration.detectHTML, help: "Reduce HTML documents to their text."),
            .option(
                "clean_removed",
                \.configuration.recordsRemoved,
                help: "Write the removed lines and cut parts, with their kind, to the document's clean_removed."
            ),
        ]
    }

    /// `clean`.
    public static let typeName = "clean"
    /// What the stage does.
    public static let summary = "Strips boilerplate, markup and broken Unicode from scraped news, keeping the article."

    /// The options.
    public let options: Options
    private let cleaner: ArticleTextCleaner

    /// Creates the stage, compiling `drop_patterns`.
    /// - Parameter options: The options.
    /// - Throws: ``ConfigurationError`` when a pattern does not compile.
    public init(options: Options) throws {
        self.options = options
        do {
            cleaner = try ArticleTextCleaner(configuration: options.cleanerConfiguration)
        } catch {
            throw ConfigurationError(
                code: .invalidValue,
                message: "invalid drop_patterns: \(error)",
                location: nil,
                keyPath: "",
                hint: "patterns use Swift Regex syntax, e.g. '(?i)^sponsored by '"
            )
        }
    }

    /// Cleans one document.
    public func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let result = cleaner.clean(document.text)
        var report: [String: JSONValue] = [:]
        for (group, count) in result.report.removed where count.lines > 0 || count.characters > 0 {
            report[group.rawValue] = .object([
                "lines": .integer(Int64(count.lines)), "characters": .integer(Int64(count.characters)),
            ])
            context.counters.add(count.characters, to: "removed_characters")
            context.counters.add(count.lines, to: "removed_lines")
            context.counters.add(count.characters, to: "removed_characters.\(group.rawValue)")
        }
        if result.wasHTML { context.counters.add(to: "html_documents") }
        if result.isTooShort { return .drop(reason: "too short") }
        var cleaned = document
        cleaned.text = result.text
        cleaned[.cleanReport] = .object(report)
        if options.configuration.recordsRemoved {
            cleaned[.cleanRemoved] = result.removed.map {
                .object(["text": .string($0.text), "kind": .string($0.kind)])
            }
        }
        if let author = result.author, cleaned[.author] == nil {
            // A byline removed from the text is kept as the author when the document names none.
            cleaned[.author] = author
        }
        return .keep(cleaned)
    }
}
