import Pipeline

/// Extracts the article text and metadata from HTML pages.
///
/// ```
/// bytes ──▶ HTMLCharsetSniffer ──▶ LibXMLHTMLParser ──▶ ArticleContentLocator ──▶ ArticleTextRenderer ──▶ text
///                                        └──────────▶ ArticleMetadataReader ─────────────────────────▶ metadata
/// ```
///
/// The charset comes from the byte-order mark, the HTTP `Content-Type`, the page's `<meta>` declaration, then
/// detection; libxml2's recovering HTML parser (through iconv) decodes and parses; the locator scores paragraphs
/// and containers; when the article found is shorter than `minimumTextLength`, the extractor widens the
/// selection to the whole cleaned body, then to all visible text.
///
/// # Thread safety
/// An immutable `Sendable` value: parser contexts are created per call, so one extractor may be used from
/// many tasks at once.
struct HTMLArticleExtractor: Sendable {
    /// The options.
    let configuration: ExtractConfiguration

    /// Creates an extractor.
    init(configuration: ExtractConfiguration = ExtractConfiguration()) {
        self.configuration = configuration
    }

    /// Extracts the article from raw page bytes.
    ///
    /// - Parameters:
    ///   - bytes: The page as received (any charset).
    ///   - contentType: The HTTP `Content-Type` header, if known (its `charset` parameter is honoured).
    ///   - url: The URL the page came from, reported when the page declares no canonical URL.
    /// - Returns: The article. When the bytes do not look like HTML, `wasHTML` is `false` and `text` is the input
    ///   itself if it is UTF-8 text, or empty (with `charset` `binary`) if it is not.
    func extract(html bytes: [UInt8], contentType: String?, url: String?) -> ExtractedArticle {
        let input =
            bytes.count > configuration.maximumInputBytes
            ? Array(bytes.prefix(configuration.maximumInputBytes)) : bytes
        guard Self.looksLikeHTML(bytes: input[...]) else {
            let isText = HTMLCharsetSniffer.isValidUTF8(input) && !Self.looksBinary(input)
            return ExtractedArticle(
                text: isText ? String(decoding: input, as: UTF8.self) : "",
                title: nil,
                author: nil,
                date: nil,
                url: url,
                language: nil,
                charset: isText ? "utf-8" : "binary",
                wasHTML: false
            )
        }
        let charset = HTMLCharsetSniffer.decide(input, contentType: contentType)
        let parsed = LibXMLHTMLParser.parse(input, encoding: charset.converterName)
        let locator = ArticleContentLocator(tree: parsed.tree, configuration: configuration)
        let metadata = ArticleMetadataReader.read(parsed.facts, locator: locator, pageURL: url)
        return ExtractedArticle(
            text: ArticleLeadLineFilter.strip(articleText(locator), title: metadata.title, author: metadata.author),
            title: metadata.title,
            author: metadata.author,
            date: metadata.date,
            url: metadata.url,
            language: metadata.language,
            charset: charset.label,
            wasHTML: true,
            siteName: metadata.siteName
        )
    }

    /// Extracts the article from a page that is already decoded (for example a JSONL field): the text is
    /// parsed as UTF-8 whatever its `<meta charset>` says.
    func extract(html text: String, url: String?) -> ExtractedArticle {
        extract(html: Array(text.utf8), contentType: "text/html; charset=utf-8", url: url)
    }

    /// `true` when `text` looks like an HTML document or fragment rather than plain text.
    func looksLikeHTML(_ text: String) -> Bool {
        Self.looksLikeHTML(bytes: Array(text.utf8.prefix(65_536))[...])
    }

    /// `true` when the bytes start like an HTML document (`<!doctype html`, `<html`, `<head`, `<body`, a
    /// comment, or `<?xml` followed by HTML) or contain several common HTML tags in their first 64 KB.
    static func looksLikeHTML(bytes: ArraySlice<UInt8>) -> Bool {
        let window = bytes.prefix(65_536)
        var start = window.startIndex
        if window.count >= 3 && window[start] == 0xEF && window[start + 1] == 0xBB && window[start + 2] == 0xBF {
            start += 3
        }
        while start < window.endIndex && (UTF8Byte.isHTMLWhitespace(window[start]) || window[start] == 0) {
            start += 1
        }
        let head = window[start...].prefix(1024).map { UTF8Byte.lowercasedASCII($0) }[...]
        for prefix: StaticString in ["<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title"] {
            let matches = prefix.withUTF8Buffer { head.starts(with: $0) }
            if matches { return true }
        }
        let lower = window.map { UTF8Byte.lowercasedASCII($0) }[...]
        var found = 0
        for tag: StaticString in ["<p>", "</p>", "<div", "</div>", "<br", "</a>", "<span", "<table", "<li>", "<html"] {
            if ExtractByteSearch.contains(lower, tag) { found += 1 }
        }
        return found >= 2
    }

    /// `true` when more than 1% of the first 64 KB are control bytes other than tab, line feed, carriage return
    /// and form feed (binary data rather than text).
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let window = bytes.prefix(65_536)
        var controls = 0
        for byte in window where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            controls += 1
        }
        return controls * 100 > window.count
    }

    /// The article text with the fallbacks applied.
    ///
    /// A short result is replaced by the whole cleaned body only when that is more than twice as long, and by all
    /// visible text only when almost nothing was found, so that genuinely short articles stay clean.
    private func articleText(_ locator: ArticleContentLocator) -> String {
        let roots = locator.articleRoots()
        var text = roots.isEmpty ? "" : ArticleTextRenderer.render(roots, of: locator, selection: .cleaned)
        var length = ArticleContentLocator.characterCount(text)
        if length < configuration.minimumTextLength {
            let wider = ArticleTextRenderer.render([locator.bodyIndex], of: locator, selection: .cleaned)
            let widerLength = ArticleContentLocator.characterCount(wider)
            if widerLength > 2 * length {
                text = wider
                length = widerLength
            }
        }
        if length * 5 < configuration.minimumTextLength {
            let visible = ArticleTextRenderer.render([locator.bodyIndex], of: locator, selection: .visible)
            if ArticleContentLocator.characterCount(visible) > 2 * length { text = visible }
        }
        if configuration.includeComments {
            let comments = commentText(locator, outside: roots)
            if !comments.isEmpty { text = text.isEmpty ? comments : text + "\n\n" + comments }
        }
        return text
    }

    /// The visible text of the page's comment sections: the outermost elements whose class or id contains
    /// `comment`, outside the article (and not containing it), in page order.
    private func commentText(_ locator: ArticleContentLocator, outside roots: [Int]) -> String {
        let tree = locator.tree
        var blocks: [Int] = []
        var index = 0
        while index < tree.count {
            let node = tree.nodes[index]
            if node.tag != .text, ExtractByteSearch.contains(tree.hintBytes(of: index), "comment"),
                !roots.contains(where: {
                    $0 == index || locator.isAncestor($0, of: index) || locator.isAncestor(index, of: $0)
                })
            {
                blocks.append(index)
                index = Int(node.end)
                continue
            }
            index += 1
        }
        return blocks.isEmpty ? "" : ArticleTextRenderer.render(blocks, of: locator, selection: .visible)
    }
}
