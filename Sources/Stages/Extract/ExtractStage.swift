public import Pipeline

/// Extracts the article text and metadata from HTML pages; other documents pass through unchanged.
///
/// Pages come from `.html` files, WARC archives, or a JSON Lines member (`text_field: html`). They are parsed with
/// libxml2's HTML parser (malformed markup recovered, the character set taken from the HTTP header, `<meta>`, or
/// detected), and the main content is found by text and link density, paragraph scoring and class/id hints, with
/// fallbacks when too little is found. Headings, paragraphs, lists, quotes and tables are kept as text with a blank
/// line between blocks.
///
/// ```yaml
/// - type: extract
///   favor: balanced        # precision | balanced | recall
/// ```
/// Writes `text` (the article) and, when found, `title`, `author`, `published`, `url`, `language`, `site_name` and
/// `charset`.
/// A page with no article text is dropped ("no article text").
public struct ExtractStage: ConfigurableStage, DocumentStage {
    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        var configuration = ExtractConfiguration()

        private enum CodingKeys: String, CodingKey {
            case favor
            case minimumTextLength = "min_text_length"
            case includeTables = "include_tables"
            case includeLists = "include_lists"
            case includeLinkText = "include_link_text"
            case includeHeadings = "include_headings"
            case includeTitle = "include_title"
            case includeCaptions = "include_captions"
            case includeComments = "include_comments"
        }

        /// Creates options with the defaults.
        public init() {}

        /// Decodes the options.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var configuration = ExtractConfiguration()
            if let favor = try container.decodeIfPresent(String.self, forKey: .favor) {
                guard let parsed = ExtractConfiguration.Favor(rawValue: favor) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .favor,
                        in: container,
                        debugDescription: "expected one of precision, balanced, recall, found \"\(favor)\""
                    )
                }
                configuration.favor = parsed
            }
            configuration.minimumTextLength =
                try container.decodeIfPresent(Int.self, forKey: .minimumTextLength, in: 0...1_000_000) ?? 250
            configuration.includeTables = try container.decodeIfPresent(Bool.self, forKey: .includeTables) ?? true
            configuration.includeLists = try container.decodeIfPresent(Bool.self, forKey: .includeLists) ?? true
            configuration.includeLinkText = try container.decodeIfPresent(Bool.self, forKey: .includeLinkText) ?? true
            configuration.includeHeadings = try container.decodeIfPresent(Bool.self, forKey: .includeHeadings) ?? true
            configuration.includeTitleHeading = try container.decodeIfPresent(Bool.self, forKey: .includeTitle) ?? false
            configuration.includeCaptions = try container.decodeIfPresent(Bool.self, forKey: .includeCaptions) ?? false
            configuration.includeComments = try container.decodeIfPresent(Bool.self, forKey: .includeComments) ?? false
            self.configuration = configuration
        }

        /// The options, for `pipeline-run stages`.
        public static let documentation: [OptionDocumentation] = [
            OptionDocumentation(
                "favor",
                type: "one of precision, balanced, recall",
                defaultValue: "balanced",
                summary: "How strictly borderline blocks are kept."
            ),
            OptionDocumentation(
                "min_text_length",
                type: "integer",
                defaultValue: "250",
                summary: "Below this many characters, fall back to wider selections of the page."
            ),
            OptionDocumentation(
                "include_tables",
                type: "boolean",
                defaultValue: "true",
                summary: "Keep tables, a row per line."
            ),
            OptionDocumentation(
                "include_lists",
                type: "boolean",
                defaultValue: "true",
                summary: "Keep lists, an item per line."
            ),
            OptionDocumentation(
                "include_link_text",
                type: "boolean",
                defaultValue: "true",
                summary: "Keep the text of links."
            ),
            OptionDocumentation(
                "include_headings",
                type: "boolean",
                defaultValue: "true",
                summary: "Keep h2-h6 headings."
            ),
            OptionDocumentation(
                "include_title",
                type: "boolean",
                defaultValue: "false",
                summary: "Keep the page's h1 title."
            ),
            OptionDocumentation(
                "include_captions",
                type: "boolean",
                defaultValue: "false",
                summary: "Keep figure captions."
            ),
            OptionDocumentation(
                "include_comments",
                type: "boolean",
                defaultValue: "false",
                summary: "Append the page's comment sections after the article."
            ),
        ]
    }

    /// `extract`.
    public static let typeName = "extract"
    /// What the stage does.
    public static let summary = "Extracts article text and metadata from HTML pages (files, WARC, JSON Lines)."

    /// The options.
    public let options: Options
    private let extractor: HTMLArticleExtractor

    /// Creates the stage.
    /// - Parameter options: The options.
    public init(options: Options) {
        self.options = options
        self.extractor = HTMLArticleExtractor(configuration: options.configuration)
    }

    /// Extracts one page, or passes a document that is not HTML through.
    public func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let url = document.fields["url"]?.stringValue
        let article: ExtractedArticle
        if let bytes = HTMLPayload.bytes(of: document) {
            article = extractor.extract(
                html: bytes,
                contentType: document.fields["content_type"]?.stringValue,
                url: url
            )
        } else if extractor.looksLikeHTML(document.text) {
            article = extractor.extract(html: document.text, url: url)
        } else {
            context.counters.add(to: "not_html")
            return .keep(document)
        }
        guard article.wasHTML else {
            context.counters.add(to: "not_html")
            return .keep(document)
        }
        guard !article.text.isEmpty else { return .drop(reason: "no article text") }
        var extracted = document
        extracted.text = article.text
        extracted.fields.removeValue(forKey: HTMLPayload.marker)
        let metadata: [(String, String?)] = [
            ("title", article.title), ("author", article.author), ("published", article.date),
            ("url", article.url ?? url),
            ("language", article.language), ("charset", article.charset), ("site_name", article.siteName),
        ]
        for (key, value) in metadata {
            if let value, !value.isEmpty { extracted.fields[key] = .string(value) }
        }
        context.counters.add(to: "extracted")
        return .keep(extracted)
    }
}
