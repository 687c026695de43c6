public import Pipeline

/// Reduces scraped news text to the article: headline and body paragraphs, boilerplate and broken text removed.
///
/// Repairs Unicode (NFC, Windows-1252 mojibake, control and zero-width characters), reduces HTML to text, and
/// removes boilerplate lines and blocks (ad markers, calls to action, share bars, teaser blocks, footers, captions,
/// placeholder e-mails...) judged by their shape as well as by common phrases. Each document records what was
/// removed per rule group in `clean_report`; documents left shorter than `minimum_length` are dropped ("too short").
///
/// ```yaml
/// - type: clean
///   minimum_length: 200
///   drop_patterns: ['(?i)^sponsored by ']
/// ```
public struct CleanStage: ConfigurableStage, DocumentStage {
    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        var configuration = CleanConfiguration()

        private enum CodingKeys: String, CodingKey {
            case ruleGroups = "rule_groups"
            case dropLines = "drop_lines"
            case dropPatterns = "drop_patterns"
            case extraPhrases = "extra_phrases"
            case minimumLength = "minimum_length"
            case keepHeadline = "keep_headline"
            case normalizePunctuation = "normalize_punctuation"
            case detectHTML = "detect_html"
        }

        /// Creates options with the defaults.
        public init() {}

        /// Decodes the options, checking rule group names and ranges.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var configuration = CleanConfiguration()
            if let names = try container.decodeIfPresent([String].self, forKey: .ruleGroups) {
                var groups = Set<CleanRuleGroup>()
                let valid = CleanRuleGroup.allCases.map(\.rawValue)
                for name in names {
                    guard let group = CleanRuleGroup(rawValue: name) else {
                        throw DecodingError.dataCorruptedError(
                            forKey: .ruleGroups,
                            in: container,
                            debugDescription:
                                "unknown rule group '\(name)'; expected some of \(valid.joined(separator: ", "))"
                        )
                    }
                    groups.insert(group)
                }
                configuration.ruleGroups = groups
            }
            configuration.dropLines = try container.decodeIfPresent([String].self, forKey: .dropLines) ?? []
            configuration.dropPatterns = try container.decodeIfPresent([String].self, forKey: .dropPatterns) ?? []
            let extra = try container.decodeIfPresent([String].self, forKey: .extraPhrases) ?? []
            configuration.boilerplatePhrases += extra.map { $0.lowercased() }.filter { !$0.isEmpty }
            configuration.minimumLength =
                try container.decodeIfPresent(Int.self, forKey: .minimumLength, in: 0...1_000_000) ?? 200
            configuration.keepHeadline = try container.decodeIfPresent(Bool.self, forKey: .keepHeadline) ?? true
            configuration.normalizePunctuation =
                try container.decodeIfPresent(Bool.self, forKey: .normalizePunctuation) ?? false
            configuration.detectHTML = try container.decodeIfPresent(Bool.self, forKey: .detectHTML) ?? true
            self.configuration = configuration
        }

        /// The options, for `pipeline-run stages`.
        public static let documentation: [OptionDocumentation] = [
            OptionDocumentation(
                "rule_groups",
                type: "list of \(CleanRuleGroup.allCases.map(\.rawValue).joined(separator: ", "))",
                defaultValue: "all",
                summary: "Which rule groups run."
            ),
            OptionDocumentation(
                "drop_lines",
                type: "list of strings",
                defaultValue: "[]",
                summary: "Extra whole lines to drop (case-insensitive, after trimming)."
            ),
            OptionDocumentation(
                "drop_patterns",
                type: "list of regular expressions",
                defaultValue: "[]",
                summary: "Lines matching any of these are dropped; compiled once, matched per line; (?i) ignores case."
            ),
            OptionDocumentation(
                "extra_phrases",
                type: "list of strings",
                defaultValue: "[]",
                summary: "Boilerplate phrases added to the built-in list: a short line containing one is dropped."
            ),
            OptionDocumentation(
                "minimum_length",
                type: "integer 0...1000000",
                defaultValue: "200",
                summary: "Articles shorter than this (characters) after cleaning are dropped as \"too short\"."
            ),
            OptionDocumentation(
                "keep_headline",
                type: "boolean",
                defaultValue: "true",
                summary: "Keep the headline line."
            ),
            OptionDocumentation(
                "normalize_punctuation",
                type: "boolean",
                defaultValue: "false",
                summary: "Turn curly quotes, dashes and ellipses into ASCII."
            ),
            OptionDocumentation(
                "detect_html",
                type: "boolean",
                defaultValue: "true",
                summary: "Reduce HTML documents to their text."
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
            cleaner = try ArticleTextCleaner(configuration: options.configuration)
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
        cleaned.fields["clean_report"] = .object(report)
        return .keep(cleaned)
    }
}
