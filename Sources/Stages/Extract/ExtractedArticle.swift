/// The result of extracting one page: the article text and its metadata.
struct ExtractedArticle: Sendable, Equatable {
    /// The article body: blocks separated by one blank line, list items and table rows one per line.
    var text: String
    /// The headline (`og:title`, JSON-LD `headline`, `<title>`), if any.
    var title: String?
    /// The author or byline, if any.
    var author: String?
    /// The publication date as written by the page (ISO 8601 in most pages), if any.
    var date: String?
    /// The canonical URL (`<link rel=canonical>`, `og:url`), else the URL the page was fetched from.
    var url: String?
    /// The page language (`<html lang>`, `content-language`, `og:locale`), if declared.
    var language: String?
    /// The character set the bytes were decoded from (for example `utf-8`, `windows-1252`, `shift_jis`).
    var charset: String
    /// `false` when the input did not look like HTML (the text is then the input decoded as plain text).
    var wasHTML: Bool
    /// The site's name (`og:site_name`, `application-name`), if declared.
    var siteName: String? = nil
}
