/// Classifies an element by the words in its `class`, `id`, `role` and `itemprop` values.
///
/// The vocabulary follows the conventions content-extraction tools have converged on: names such as `sidebar`,
/// `comment`, `share`, `related`, `promo` or `footer` mark page furniture, names such as `article`, `content`,
/// `entry`, `post` or `story` mark the article. Matching is by substring on the lowercased values, except for
/// a few short words (`ad`, `ads`, `nav`) that must be whole tokens.
enum BoilerplateHintMatcher {
    /// Bits returned by `classify`.
    enum Hint {
        /// Page furniture: removed before scoring unless the element also looks like content.
        static let unlikely: UInt16 = 1
        /// Words that rescue an `unlikely` element (`article`, `content`, `main`, `body`, …).
        static let maybeContent: UInt16 = 2
        /// Raises an element's score.
        static let positive: UInt16 = 4
        /// Lowers an element's score and marks it for removal inside the article.
        static let negative: UInt16 = 8
        /// Sharing and social widgets.
        static let share: UInt16 = 16
        /// Navigation, menus and dialogs by ARIA role.
        static let navigationRole: UInt16 = 32
        /// Explicit article-body markers (`articleBody`, `article-body`, `entry-content`, `post-content`, …).
        static let articleBody: UInt16 = 64
    }

    private static let unlikelyWords: [StaticString] = [
        "-ad-", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer",
        "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "newsletter", "subscribe", "cookie", "consent", "recirc", "trending", "most-popular", "mostpopular",
        "outbrain", "taboola", "signup", "sign-up", "modal", "masthead", "topbar", "navbar",
    ]
    private static let maybeContentWords: [StaticString] = [
        "and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post-",
    ]
    private static let positiveWords: [StaticString] = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story",
    ]
    private static let negativeWords: [StaticString] = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "tool", "widget", "byline", "author", "dateline", "timestamp", "caption",
        "newsletter", "subscribe", "recommend", "trending", "popular", "teaser", "signup", "social", "advert",
        "breadcrumb", "copyright", "disclaimer", "nav", "menu", "login", "cookie", "taboola",
    ]
    private static let shareWords: [StaticString] = [
        "share", "sharing", "social", "sharedaddy", "addthis", "follow-us", "followus",
    ]
    private static let articleBodyWords: [StaticString] = [
        "articlebody", "article-body", "article__body", "article_body", "articlecontent", "article-content",
        "article__content", "article_content", "entry-content", "post-content", "post_content", "postcontent",
        "post-body", "postbody", "story-body", "storybody", "story-content", "article-text", "articletext",
        "body-text", "bodytext", "content-body", "article-main", "main-content", "rich-text", "richtext",
        "post-entry", "entry-body", "news-text", "article__text", "story-text", "text-content", "article-detail",
    ]
    private static let navigationRoles: [StaticString] = [
        "navigation", "menu", "menubar", "complementary", "alert", "alertdialog", "dialog", "banner",
        "contentinfo", "search",
    ]
    private static let adTokens: [StaticString] = ["ad", "ads", "advert", "advertisement", "adsbygoogle", "nav"]

    /// The hint bits of an element's hint bytes.
    static func classify(_ hints: ArraySlice<UInt8>) -> UInt16 {
        guard !hints.isEmpty else { return 0 }
        var bits: UInt16 = 0
        if containsAny(hints, unlikelyWords) || containsToken(hints, adTokens) { bits |= Hint.unlikely }
        if containsAny(hints, maybeContentWords) { bits |= Hint.maybeContent }
        if containsAny(hints, positiveWords) { bits |= Hint.positive }
        if containsAny(hints, negativeWords) || containsToken(hints, adTokens) { bits |= Hint.negative }
        if containsAny(hints, shareWords) { bits |= Hint.share }
        if containsToken(hints, navigationRoles) { bits |= Hint.navigationRole }
        if containsAny(hints, articleBodyWords) { bits |= Hint.articleBody }
        return bits
    }

    /// `true` when any of `words` occurs in `hints`.
    private static func containsAny(_ hints: ArraySlice<UInt8>, _ words: [StaticString]) -> Bool {
        for word in words where ExtractByteSearch.contains(hints, word) { return true }
        return false
    }

    /// `true` when one of the space-, dash- or underscore-separated tokens of `hints` equals one of `words`.
    private static func containsToken(_ hints: ArraySlice<UInt8>, _ words: [StaticString]) -> Bool {
        var start = hints.startIndex
        var index = hints.startIndex
        while index <= hints.endIndex {
            let atEnd = index == hints.endIndex
            let byte: UInt8 = atEnd ? 0x20 : hints[index]
            if byte == 0x20 || byte == 0x2D || byte == 0x5F {
                if index > start {
                    let token = hints[start..<index]
                    for word in words where word.utf8CodeUnitCount == token.count {
                        let equal = word.withUTF8Buffer { buffer in
                            zip(buffer, token).allSatisfy { $0 == $1 }
                        }
                        if equal { return true }
                    }
                }
                start = index + 1
            }
            index += 1
        }
        return false
    }
}
