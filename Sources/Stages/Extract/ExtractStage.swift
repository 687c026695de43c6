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
        /// The extractor's configuration; each option's default lives there.
        var configuration = ExtractConfiguration()

        /// Creates options with the defaults.
        public init() {}

        /// The options.
        public static let declarations: [OptionDeclaration<Self>] = [
            .option("favor", \.configuration.favor, help: "How strictly borderline blocks are kept."),
            .option(
                "min_text_length",
                \.configuration.minimumTextLength,
                in: 0...1_000_000,
                help: "Below this many characters, fall back to wider selections of the page."
            ),
            .option("include_tables", \.configuration.includeTables, help: "Keep tables, a row per line."),
            .option("include_lists", \.configuration.includeLists, help: "Keep lists, an item per line."),
            .option("include_link_text", \.configuration.includeLinkText, help: "Keep the text of links."),
            .option("include_headings", \.configuration.includeHeadings, help: "Keep h2-h6 headings."),
            .option("include_title", \.configuration.includeTitleHeading, help: "Keep the page's h1 title."),
            .option("include_captions", \.configuration.includeCaptions, help: "Keep figure captions."),
            .option(
                "include_comments",
                \.configuration.includeComments,
                help: "Append the page's comment sections after the article."
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
        let url = document[.url]
        let article: ExtractedArticle
        if let bytes = HTMLPayload.bytes(of: document) {
            article = extractor.extract(
                html: bytes,
                contentType: document[.contentType],
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
        extracted[.htmlBytes] = nil
        let metadata: [(AnnotationKey<String>, String?)] = [
            (.title, article.title), (.author, article.author), (.published, article.date), (.url, article.url ?? url),
            (.language, article.language), (.charset, article.charset), (.siteName, article.siteName),
        ]
        for (key, value) in metadata {
            if let value, !value.isEmpty { extracted[key] = value }
        }
        context.counters.add(to: "extracted")
        return .keep(extracted)
    }
}
