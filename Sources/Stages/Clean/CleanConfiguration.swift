/// Every option of the `clean` stage, with its default.
///
/// The stage adapter decodes this from pipeline YAML (snake_case keys in brackets):
///
/// ```yaml
/// - clean:
///     rule_groups: [unicode, markup, markers, calls_to_action, teasers, footer]   # default: all groups
///     drop_lines: ["Print this page"]
///     drop_patterns: ["^Updated \\d+ (minutes|hours) ago$"]
///     minimum_length: 200
/// ```
///
/// `drop_patterns` are regular expressions compiled once, when ``ArticleTextCleaner`` is created; they are matched
/// against each whole line (a paragraph unit of the text after Unicode and markup repair), never against the
/// text as a whole, so their cost stays proportional to the number of lines.
struct CleanConfiguration: Sendable, Equatable {
    /// Rule groups that run (`rule_groups`). Default: every group in ``CleanRuleGroup`` but `model` (opt-in).
    var ruleGroups: Set<CleanRuleGroup>
    /// Extra whole lines to drop, compared case-insensitively after trimming (`drop_lines`). Default: none.
    var dropLines: [String]
    /// Regular expressions; a line with a match anywhere is dropped (`drop_patterns`). Default: none.
    /// Write `(?i)` for case-insensitive matching; anchor with `^` and `$` to match whole lines.
    var dropPatterns: [String]
    /// Common boilerplate phrases (`boilerplate_phrases`): a short line (at most ``phraseLineLimit`` characters,
    /// not quoted speech) containing one of them, case-insensitively, is dropped. Default:
    /// ``defaultBoilerplatePhrases``; YAML may replace the list, or extend it with `extra_boilerplate_phrases`.
    var boilerplatePhrases: [String]
    /// The longest line, in characters, that a phrase may remove (`phrase_line_limit`). Default: 200.
    var phraseLineLimit: Int
    /// Cleaned texts shorter than this many characters are reported as too short (`minimum_length`). Default: 200.
    var minimumLength: Int
    /// Keep the headline, the first line of the article (`keep_headline`). Default: true.
    var keepHeadline: Bool
    /// Replace curly quotes, primes, dashes and the ellipsis by ASCII (`normalize_punctuation`). Default: false, so
    /// the author's characters are kept.
    var normalizePunctuation: Bool
    /// Treat the input as HTML when it looks like HTML (`detect_html`). Default: true. Only used when the `markup`
    /// group runs.
    var detectHTML: Bool
    /// Keep the removed lines and cut parts, with their kind, in ``CleanResult/removed`` (`clean_removed`).
    /// Default: false.
    var recordsRemoved: Bool

    /// Creates a configuration; every parameter has the documented default.
    init(
        ruleGroups: Set<CleanRuleGroup> = CleanRuleGroup.defaultGroups,
        dropLines: [String] = [],
        dropPatterns: [String] = [],
        boilerplatePhrases: [String] = CleanConfiguration.defaultBoilerplatePhrases,
        phraseLineLimit: Int = 200,
        minimumLength: Int = 200,
        keepHeadline: Bool = true,
        normalizePunctuation: Bool = false,
        detectHTML: Bool = true,
        recordsRemoved: Bool = false
    ) {
        self.ruleGroups = ruleGroups
        self.dropLines = dropLines
        self.dropPatterns = dropPatterns
        self.boilerplatePhrases = boilerplatePhrases
        self.phraseLineLimit = phraseLineLimit
        self.minimumLength = minimumLength
        self.keepHeadline = keepHeadline
        self.normalizePunctuation = normalizePunctuation
        self.detectHTML = detectHTML
        self.recordsRemoved = recordsRemoved
    }

    /// Common web boilerplate phrases, lowercase. Each is specific enough that a short line containing it is not
    /// article prose; the shape rules of the other groups catch phrasings not listed here.
    static let defaultBoilerplatePhrases: [String] = [
        "advertisement - scroll to continue",
        "all rights reserved",
        "already a subscriber",
        "best recommended news",
        "by continuing to browse",
        "by continuing to use",
        "by using this site",
        "click here to",
        "close the window",
        "contact the reporter",
        "continue reading below",
        "continue reading the main story",
        "cookie policy",
        "don't miss out",
        "download our app",
        "follow us on",
        "get notified of",
        "get the latest news",
        "like us on facebook",
        "more from our partners",
        "must not be reproduced",
        "not be published, broadcast, rewritten",
        "our newsletter",
        "privacy policy",
        "read more:",
        "recommended for you",
        "recommended item",
        "related articles",
        "related stories",
        "share this article",
        "share on facebook",
        "sign up for our",
        "sign up to our",
        "skip to main content",
        "skip to content",
        "sponsored content",
        "story continues below",
        "subscribe to our",
        "terms of use",
        "this article is more than",
        "to continue reading",
        "we use cookies",
        "you may also like",
        "you might also like",
        "you may be interested in",
        "you might be interested in",
        "no longer being maintained",
        "no longer being updated",
    ]
}
