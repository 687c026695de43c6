import Foundation

/// Reads an article's title, author, date, canonical URL, language and site name from the page's metadata.
///
/// Sources, in order of trust: Open Graph and `article:*` meta tags, JSON-LD (`NewsArticle`, `Article`,
/// `BlogPosting`… including `@graph` lists), other common meta names (`author`, `date`, `dc.*`, `parsely-*`,
/// `sailthru.*`), then elements of the body marked as a byline and the first `<time datetime>`.
struct ArticleMetadataReader: Sendable {
    /// The metadata found; every field is optional.
    struct Metadata: Sendable, Equatable {
        /// The headline.
        var title: String?
        /// The author or byline.
        var author: String?
        /// The publication date as written.
        var date: String?
        /// The canonical URL.
        var url: String?
        /// The language code.
        var language: String?
        /// The site's name (`og:site_name`, `application-name`, or the JSON-LD publisher).
        var siteName: String?
    }

    /// JSON-LD fields of the first article-like object.
    private struct LinkedDataArticle {
        var headline: String?
        var author: String?
        var datePublished: String?
        var language: String?
        var url: String?
    }

    /// Reads the metadata of a parsed page.
    ///
    /// - Parameters:
    ///   - facts: The head metadata the parser collected.
    ///   - locator: The analysed page (for byline elements).
    ///   - pageURL: The URL the page came from, used when the page declares none.
    /// - Returns: The metadata.
    static func read(_ facts: HTMLPageFacts, locator: ArticleContentLocator, pageURL: String?) -> Metadata {
        let linked = linkedDataArticle(facts.jsonLinkedData)
        var metadata = Metadata()
        metadata.title =
            facts.metaContent(["og:title", "twitter:title"]) ?? linked.headline
            ?? facts.title.map(ArticleTextSpacing.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        let metaAuthor = facts.metaContent([
            "author", "article:author", "byl", "parsely-author", "sailthru.author",
            "dc.creator", "dcterms.creator",
        ])
        metadata.author =
            (metaAuthor.flatMap { $0.hasPrefix("http") ? nil : $0 }) ?? linked.author ?? bylineText(locator)
        metadata.date =
            facts.metaContent([
                "article:published_time", "og:published_time", "datepublished", "parsely-pub-date", "pubdate",
                "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                "sailthru.date", "article.published", "published_time", "cxenseparse:recs:publishtime",
            ]) ?? linked.datePublished ?? facts.firstTimeValue.map(ArticleTextSpacing.collapsed)
        metadata.url =
            facts.canonicalURL.map(ArticleTextSpacing.collapsed) ?? facts.metaContent(["og:url"]) ?? linked.url
            ?? pageURL
        let language =
            facts.htmlLanguage.map(ArticleTextSpacing.collapsed).flatMap { $0.isEmpty ? nil : $0 }
            ?? facts.metaContent(["content-language", "language", "dc.language", "og:locale"]) ?? linked.language
        metadata.language = language.map { $0.replacingOccurrences(of: "_", with: "-") }
        metadata.siteName = facts.metaContent(["og:site_name", "application-name", "publisher", "dc.publisher"])
        return metadata
    }

    /// The first article-like object in the page's JSON-LD blocks.
    private static func linkedDataArticle(_ blocks: [String]) -> LinkedDataArticle {
        var result = LinkedDataArticle()
        for block in blocks {
            guard let data = block.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            var queue: [Any] = [json]
            var visited = 0
            while !queue.isEmpty && visited < 200 {
                let item = queue.removeFirst()
                visited += 1
                if let list = item as? [Any] {
                    queue.append(contentsOf: list)
                    continue
                }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { queue.append(graph) }
                guard isArticleType(object["@type"]) else { continue }
                result.headline = result.headline ?? (object["headline"] as? String).map(ArticleTextSpacing.collapsed)
                result.author = result.author ?? personName(object["author"])
                result.datePublished = result.datePublished ?? object["datePublished"] as? String
                result.language = result.language ?? object["inLanguage"] as? String
                result.url = result.url ?? object["url"] as? String
            }
        }
        return result
    }

    /// `true` for schema.org types describing an article or a page carrying one.
    private static func isArticleType(_ value: Any?) -> Bool {
        let types: [String]
        if let single = value as? String { types = [single] } else { types = value as? [String] ?? [] }
        return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "WebPage" }
    }

    /// The name(s) in a schema.org `author` value (string, object or list), joined with ", ".
    private static func personName(_ value: Any?) -> String? {
        if let name = value as? String { return name.isEmpty ? nil : ArticleTextSpacing.collapsed(name) }
        if let object = value as? [String: Any] { return personName(object["name"]) }
        if let list = value as? [Any] {
            let names = list.compactMap { personName($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    /// The text of the first short visible element whose class/id names it a byline or author.
    private static func bylineText(_ locator: ArticleContentLocator) -> String? {
        let tree = locator.tree
        for index in 1..<max(tree.count, 1) where !locator.excluded[index] && tree.nodes[index].tag != .text {
            let hints = tree.hintBytes(of: index)
            guard ExtractByteSearch.contains(hints, "byline") || ExtractByteSearch.contains(hints, "author") else {
                continue
            }
            let characters = locator.rawCharacters(index)
            guard characters > 2 && characters < 60 else { continue }
            let text = ArticleTextSpacing.collapsed(
                ArticleTextRenderer.render([index], of: locator, selection: .visible)
            )
            if !text.isEmpty { return text }
        }
        return nil
    }
}
