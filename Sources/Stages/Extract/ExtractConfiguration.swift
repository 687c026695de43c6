import Pipeline

/// Options of the HTML article extractor.
///
/// The defaults reproduce the evaluated configuration; every field is optional in a pipeline file.
struct ExtractConfiguration: Sendable, Equatable {
    /// How to trade precision against recall when deciding what belongs to the article.
    enum Favor: String, Sendable, Equatable, CaseIterable, ConfigurationEnum {
        /// Keep only blocks that clearly belong to the article (stricter link-density and sibling rules).
        case precision
        /// The evaluated default.
        case balanced
        /// Keep borderline blocks too (looser rules; more boilerplate may come through).
        case recall
    }

    /// Precision/recall trade-off. Default `.balanced`.
    var favor: Favor = .balanced
    /// Below this many characters of article text the extractor falls back to wider selections (the whole
    /// cleaned body, then all visible text). Default 250.
    var minimumTextLength: Int = 250
    /// Keep `<table>` content, one row per line with cells separated by ` | `. Default `true`.
    var includeTables: Bool = true
    /// Keep `<ul>`/`<ol>`/`<dl>` content, one item per line. Default `true`.
    var includeLists: Bool = true
    /// Keep the text of links (`<a>`) inside the article; `false` drops it. Default `true`.
    var includeLinkText: Bool = true
    /// Keep headings (`<h2>`…`<h6>`) inside the article. Default `true`.
    var includeHeadings: Bool = true
    /// Keep the page's `<h1>` when it lies inside the article (it usually repeats the title). Default `false`.
    var includeTitleHeading: Bool = false
    /// Keep image captions (`<figcaption>`, elements marked `caption`). Default `false`.
    var includeCaptions: Bool = false
    /// The most bytes of HTML parsed per page; longer pages are cut (a safety limit). Default 64 MiB.
    var maximumInputBytes: Int = 64 << 20
    /// Append the page's comment sections (elements whose class or id names comments) after the article, separated
    /// by a blank line. Default `false`: comments are page furniture.
    var includeComments: Bool = false
}
