/// The outcome of cleaning one document with ``ArticleTextCleaner``.
struct CleanResult: Sendable, Equatable {
    /// The article: headline and paragraphs in order, paragraphs separated by one blank line, no trailing newline.
    var text: String
    /// What each rule group removed.
    var report: CleanReport
    /// True when `text` has fewer characters than ``CleanConfiguration/minimumLength``; the stage may drop it.
    var isTooShort: Bool
    /// True when the input was detected as an HTML document and reduced to text.
    var wasHTML: Bool
}
