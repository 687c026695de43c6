public import Pipeline

extension AnnotationKey where Value == String {
    /// The page's address: from the WARC record or the input, replaced by the canonical URL `extract` finds.
    public static var url: Self { Self("url") }
    /// The HTTP `Content-Type` of a page read from a WARC file, which `extract` reads for the charset.
    public static var contentType: Self { Self("content_type") }
    /// The WARC record's date (`WARC-Date`).
    public static var warcDate: Self { Self("warc_date") }
    /// The article's title, found by `extract`.
    public static var title: Self { Self("title") }
    /// The article's author (byline), found by `extract`.
    public static var author: Self { Self("author") }
    /// The article's publication date as the page gives it, found by `extract`.
    public static var published: Self { Self("published") }
    /// The page's language (`lang` or metadata), found by `extract`.
    public static var language: Self { Self("language") }
    /// The character set `extract` decoded the page with.
    public static var charset: Self { Self("charset") }
    /// The site's name (`og:site_name`), found by `extract`.
    public static var siteName: Self { Self("site_name") }
    /// `latin1` when a page's text carries its raw bytes, one code point per byte, until `extract` decodes them
    /// (see ``HTMLPayload``).
    static var htmlBytes: Self { Self("html_bytes") }
}

extension AnnotationKey where Value == Int {
    /// The HTTP status of a page read from a WARC file.
    public static var httpStatus: Self { Self("http_status") }
}
