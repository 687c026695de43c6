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
    /// What was removed, line by line, with its kind; empty unless ``CleanConfiguration/recordsRemoved`` is set.
    var removed: [CleanRemovedLine] = []
    /// The author named by the first removed byline, if any (see ``BylineAuthor``).
    var author: String?
}
