/// Metadata the parser collects from the document head while building the tree.
///
/// Only the handful of elements that carry article metadata are recorded: `<meta>` name/property/content pairs,
/// `<link rel=canonical>`, the `<html lang>` value, the `<title>` text, JSON-LD scripts and `<time datetime>`.
struct HTMLPageFacts: Sendable {
    /// `<meta>` entries as (lowercased `name`, `property`, `itemprop` or `http-equiv`; `content`), in order.
    var metaEntries: [(key: String, content: String)] = []
    /// The `href` of the first `<link rel="canonical">`.
    var canonicalURL: String?
    /// The `lang` attribute of `<html>`.
    var htmlLanguage: String?
    /// The text of the first `<title>`.
    var title: String?
    /// The text of each `<script type="application/ld+json">`.
    var jsonLinkedData: [String] = []
    /// The `datetime` of the first `<time>` element carrying one.
    var firstTimeValue: String?
    /// The text of elements marked as the author (`rel=author`, `itemprop=author`, class `byline`/`author`).
    var bylineCandidates: [String] = []

    /// The content of the first meta entry whose key is one of `keys`, tried in the order given.
    func metaContent(_ keys: [String]) -> String? {
        for key in keys {
            if let entry = metaEntries.first(where: { $0.key == key }) {
                let value = ArticleTextSpacing.collapsed(entry.content)
                if !value.isEmpty { return value }
            }
        }
        return nil
    }
}
