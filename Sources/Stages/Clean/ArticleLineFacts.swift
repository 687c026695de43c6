/// What the boilerplate rules know about one line of the repaired text.
///
/// A line is a paragraph unit: the text between two newlines, already trimmed and with spaces collapsed by
/// ``UnicodeTextRepairer``. Facts are gathered in one pass over the line's UTF-8 bytes; lines longer than
/// ``ArticleLineFacts/shortLineByteLimit`` are article prose for every rule, so only their length is measured.
struct ArticleLineFacts: Sendable {
    /// How a line ends, after closing quotes and brackets.
    enum Ending: Sendable, Equatable {
        /// `.`
        case period
        /// `!`
        case exclamation
        /// `?`
        case question
        /// `…` or `...`: a truncated teaser.
        case ellipsis
        /// `:`
        case colon
        /// Anything else: a letter, digit or symbol.
        case other
    }

    /// Lines longer than this many bytes are prose; the rules do not look inside them.
    static let shortLineByteLimit = 320

    /// Byte offset of the line's first byte.
    var start: Int
    /// Byte offset just past the line's last byte.
    var end: Int
    /// True when at least one blank line separates this line from the previous non-blank line.
    var blankBefore: Bool
    /// Unicode scalars in the line (counted for short lines; long lines count bytes until needed).
    var scalarCount: Int = 0
    /// Index of the line's first word hash in the document's hash array.
    var wordStart: Int = 0
    /// Words in the line (0 for long lines).
    var wordCount: Int = 0
    /// Words starting with an ASCII capital.
    var capitalizedWords: Int = 0
    /// Words that may be verbs: from ``BoilerplateVocabulary/verbWords``, or ending in `-ed`, `-ing` or `-s`.
    var verbWords: Int = 0
    /// Words of reported speech (`said`, `told`, ...).
    var reportingWords: Int = 0
    /// Sentence boundaries inside the line: `.`, `!` or `?` followed by a space and a capital, digit or quote.
    var sentenceBreaks: Int = 0
    /// How the line ends.
    var ending: Ending = .other
    /// True when the line has a double quotation mark (`"`, `“`, `”`, `„`).
    var hasDoubleQuote = false
    /// True when the line has an `@`.
    var hasAtSign = false
    /// ASCII digits in the line.
    var digitCount = 0
    /// Navigation separators preceded by a space (`|`, `>`, `»`, `›`, `•`, `·`, `→`, ` / `).
    var separatorCount = 0
    /// True when the line starts with `©` or `(c)`.
    var startsWithCopyright = false
    /// True when the line is longer than ``shortLineByteLimit``.
    var isLong = false
    /// True when the line has a lowercase ASCII letter (short lines only).
    var hasLowercase = false

    /// Byte length of the line.
    var byteCount: Int { end - start }

    /// True when the line reads as quoted or reported speech, which boilerplate never is.
    var isSpeech: Bool { hasDoubleQuote || reportingWords > 0 }

    /// True when the line looks like article prose: long, several sentences, or one full sentence of 8+ words.
    var isProse: Bool {
        if isLong || sentenceBreaks > 0 || scalarCount >= 150 { return true }
        switch ending {
        case .period, .exclamation, .question: return wordCount >= 8
        default: return false
        }
    }

    /// True when the line is shaped like a headline or a teaser: short, one clause, no closing full stop.
    var isTitleLike: Bool {
        guard !isLong, sentenceBreaks == 0, wordCount >= 1, wordCount <= 14, scalarCount <= 100 else { return false }
        switch ending {
        case .period, .exclamation: return false
        default: return true
        }
    }

    /// True when the line is a teaser in a teaser block: a title, a question, or a lede cut off with an ellipsis.
    var isTeaserLike: Bool {
        guard !isLong, scalarCount <= 220 else { return false }
        if ending == .ellipsis { return sentenceBreaks <= 1 }
        guard sentenceBreaks == 0 else { return false }
        switch ending {
        case .period: return false
        case .exclamation: return wordCount <= 14
        default: return true
        }
    }
}
