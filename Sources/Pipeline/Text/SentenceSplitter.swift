/// Splits text into a headline and body sentences, working on UTF-8 bytes: the sentence boundaries of the toolkit.
///
/// The splitter is rule based and tuned for English news copy:
///
/// - **Headline.** The first non-blank line is the headline when more text follows it and it either has no final
///   punctuation (`Ad sales boost Time Warner profit`) or is a short line (at most ``maximumHeadlineWords`` words)
///   ending in `?`, `!` or an ellipsis (`Could Yukos be a blessing in disguise?`). A first line ending in a full stop
///   is a body sentence.
/// - **Paragraphs.** A blank line always ends a sentence, so a paragraph without final punctuation (a standfirst,
///   a list item, a cross-heading) is a sentence of its own. A single line break ends a sentence when the next line
///   starts with a bullet (`-`, `*`, `•`, `–`) or when the line before it ends with sentence punctuation; otherwise
///   it is treated as a space, so hard-wrapped text is rejoined.
/// - **Terminators.** `.`, `!`, `?`, `...` and `…`, followed by any closing quotes or brackets (`."`, `?'`, `.)`,
///   `”`, `’`), end a sentence when whitespace (including a no-break space) follows and the next word does not
///   start with a lowercase letter, so `"...," he said.` and `"Why?" she asked.` stay whole while
///   `...market." High oil prices` is split.
/// - **Datelines.** A dateline at the start of the body or of a paragraph (`WASHINGTON (CNN) --`, `(CNN)Share`,
///   `Lausanne, Switzerland (CNN)`, `SHANGHAI, China --`) is not part of the first sentence; see
///   ``datelineEnd(_:from:)``. When the body opens with two or more lines without final punctuation (story
///   highlights above the article), each line is a sentence.
/// - **Abbreviations.** A full stop does not end a sentence after a title of ``Abbreviations/titles`` (`Mr.`,
///   `Dr.`, `Gen.`, `Prof.`, `St.`), after a single capital initial (`J. Allard`, `John E. Kelly`), after
///   `No.`/`Vol.`/`pp.`/a month (`Jan.`) before a number (``Abbreviations/beforeNumbers``), after
///   `vs.`/`e.g.`/`i.e.`/`et al.`/`approx.` (``Abbreviations/inSentence``), after a list number at the start of a line (`1. `), or
///   after a dotted acronym (`U.S.`, `a.m.`) unless the next word is a common sentence opener (`The`, `He`, ...).
///   Decimals and money (`$1.5bn`, `0.1%`) never split because no whitespace follows the dot.
///
/// Cost is linear in the input: every byte is visited a bounded number of times (look-behind is capped at a few
/// dozen bytes), so a 5 MB text without punctuation is one scan and one sentence.
///
/// # Thread safety
/// An immutable value; `split(_:)` is pure and may be called from many tasks at once.
public struct SentenceSplitter: Sendable, Equatable {
    /// The longest first line, in words, that still counts as a headline when it ends in `?`, `!` or an ellipsis.
    public var maximumHeadlineWords: Int

    /// Creates a splitter.
    /// - Parameter maximumHeadlineWords: The longest punctuated first line (in words) treated as a headline.
    public init(maximumHeadlineWords: Int = 20) {
        self.maximumHeadlineWords = maximumHeadlineWords
    }

    /// Splits `text` into its headline and body sentences.
    /// - Parameter text: The article text; any string, including empty or whitespace-only text.
    /// - Returns: The headline (if any) and the body sentences (trimmed, line breaks inside a sentence turned into
    ///   spaces), in article order.
    public func split(_ text: String) -> SplitArticle {
        var text = text
        return text.withUTF8 { bytes in
            let layout = splitBytes(bytes)
            let texts = SentenceTexts(bytes: bytes, ranges: layout.sentences)
            return SplitArticle(
                headline: layout.headline.map { Self.string(bytes, $0) },
                sentences: layout.sentences.indices.map { texts.text($0) }
            )
        }
    }

    /// Splits UTF-8 bytes into the byte ranges of the headline and the body sentences.
    ///
    /// Ranges are trimmed of surrounding whitespace and never empty.
    /// - Parameter bytes: UTF-8 text.
    /// - Returns: The byte ranges found.
    public func splitBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteLayout {
        var layout = ByteLayout(headline: nil, sentences: [])
        let count = bytes.count
        var position = 0
        // Skip leading blank space.
        while position < count, UTF8Byte.isASCIIWhitespace(bytes[position]) { position += 1 }
        if position >= count { return layout }
        // Headline candidate: the first line.
        var lineEnd = position
        while lineEnd < count, bytes[lineEnd] != Self.newline { lineEnd += 1 }
        let firstLine = Self.trimmed(bytes, position..<lineEnd)
        var rest = lineEnd
        while rest < count, UTF8Byte.isASCIIWhitespace(bytes[rest]) { rest += 1 }
        if rest < count, let firstLine, isHeadline(bytes, firstLine) {
            layout.headline = firstLine
            position = rest
        }
        splitBody(bytes, from: Self.datelineEnd(bytes, from: position), into: &layout.sentences)
        return layout
    }

    /// The byte ranges of an article's headline and sentences.
    public struct ByteLayout: Sendable, Equatable {
        /// The headline's byte range, if the first line is a headline.
        public var headline: Range<Int>?
        /// The body sentences' byte ranges, in order.
        public var sentences: [Range<Int>]

        /// Creates a layout.
        /// - Parameters:
        ///   - headline: The headline's byte range, or `nil`.
        ///   - sentences: The body sentences' byte ranges, in order.
        public init(headline: Range<Int>?, sentences: [Range<Int>]) {
            self.headline = headline
            self.sentences = sentences
        }
    }

    // MARK: - Headline

    /// Whether the trimmed first line `line` is a headline.
    private func isHeadline(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var last = line.upperBound - 1
        // Step back over closing quotes and brackets, stopping at the line's first character.
        while last > line.lowerBound {
            let width = Self.isCloser(bytes, last)
            guard width != 0, last - width >= line.lowerBound else { break }
            last -= width
        }
        let final = bytes[last]
        let endsWithEllipsis = Self.isEllipsisEnd(bytes, last, lowerBound: line.lowerBound)
        if final != Self.period && final != Self.question && final != Self.exclamation && !endsWithEllipsis {
            return true
        }
        if final == Self.period && !endsWithEllipsis { return false }
        var words = 0
        var inWord = false
        for index in line {
            let space = UTF8Byte.isASCIIWhitespace(bytes[index])
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words <= maximumHeadlineWords
    }

    // MARK: - Dateline

    /// Where the body starts after a dateline at `start`, or `start` when there is none.
    ///
    /// A dateline is an optional place (at most 64 bytes of letters, spaces, commas, full stops, apostrophes and
    /// hyphens, starting with a capital: `WASHINGTON`, `Lausanne, Switzerland`) and a parenthesised source of at
    /// most 40 bytes starting with a capital (`(CNN)`, `(The Hollywood Reporter)`), optionally followed by a dash
    /// (`--`, `—`, `–`, `-`) or else directly followed by the text (`(CNN)Share`); or a place whose first word is in
    /// capitals followed by a dash (`SHANGHAI, China --`). Every word of the place starts with a capital, and the text
    /// after the dateline must open a sentence (a capital, a digit or an opening quote), so prose such as
    /// `The World Health Organization (WHO) said` or `(Not quite) ...` is left alone.
    static func datelineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        // The place.
        var capitalsInFirstWord = 0
        var firstWordDone = false
        if index < count && UTF8Byte.isASCIIUppercase(bytes[index]) {
            while index < count && index - start < 64 {
                let byte = bytes[index]
                if dashWidth(bytes, index) > 0 && byte != hyphen { break }
                if byte == hyphen && index + 1 < count && bytes[index + 1] == hyphen { break }
                if UTF8Byte.isASCIILetter(byte) || byte >= 0x80 {
                    let atWordStart = index == start || bytes[index - 1] == space
                    if atWordStart && UTF8Byte.isASCIILowercase(byte) { return start }  // "The man (...)": prose
                    if !firstWordDone {
                        if UTF8Byte.isASCIIUppercase(byte) {
                            capitalsInFirstWord += 1
                        } else {
                            capitalsInFirstWord = -64
                        }
                    }
                } else if byte == space || byte == comma || byte == period || byte == 0x27 || byte == hyphen {
                    firstWordDone = true
                } else {
                    break
                }
                index += 1
            }
        }
        let placeEnd = index
        var afterSource = index
        if index < count && bytes[index] == openParen {
            // The source.
            var close = index + 1
            guard close < count, UTF8Byte.isASCIIUppercase(bytes[close]) else { return start }
            while close < count && close - index <= 40 && bytes[close] != closeParen {
                let byte = bytes[close]
                guard
                    UTF8Byte.isASCIILetter(byte) || UTF8Byte.isASCIIDigit(byte) || byte == space || byte == period
                        || byte == 0x26 || byte == 0x27 || byte == hyphen
                else { return start }
                close += 1
            }
            guard close < count, bytes[close] == closeParen else { return start }
            afterSource = close + 1
        } else {
            // No source: a capitalised place must be followed by a dash.
            guard capitalsInFirstWord >= 2, placeEnd > start else { return start }
            var probe = placeEnd
            while probe > start && bytes[probe - 1] == space { probe -= 1 }
            afterSource = probe
            guard dashWidth(bytes, placeEnd) > 0 else { return start }
        }
        var next = afterSource
        while next < count && UTF8Byte.inlineSpaceLength(bytes, at: next) > 0 {
            next += UTF8Byte.inlineSpaceLength(bytes, at: next)
        }
        let dash = next < count ? dashWidth(bytes, next) : 0
        if dash > 0 {
            next += dash
            guard next < count && UTF8Byte.inlineSpaceLength(bytes, at: next) > 0 else { return start }
            while next < count && UTF8Byte.inlineSpaceLength(bytes, at: next) > 0 {
                next += UTF8Byte.inlineSpaceLength(bytes, at: next)
            }
        } else if next != afterSource {
            return start  // "(Source)Text" without a dash has no space
        }
        guard next < count else { return start }
        let first = bytes[next]
        let opensSentence =
            UTF8Byte.isASCIIUppercase(first) || UTF8Byte.isASCIIDigit(first) || first == 0x22 || first == 0x27
            || (first == 0xE2 && next + 2 < count && bytes[next + 1] == 0x80
                && (bytes[next + 2] == 0x9C || bytes[next + 2] == 0x98))
        return opensSentence ? next : start
    }

    /// The width of a dash at `index`: 2 for `--`, 3 for `—` or `–`, 1 for a lone `-`, else 0.
    private static func dashWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == hyphen { return index + 1 < bytes.count && bytes[index + 1] == hyphen ? 2 : 1 }
        if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93)
        {
            return 3
        }
        return 0
    }

    // MARK: - Body

    /// Appends the sentences of the body starting at `start` to `sentences`.
    private func splitBody(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into sentences: inout [Range<Int>]) {
        let count = bytes.count
        var sentenceStart = start
        var index = start
        let listEnd = Self.unpunctuatedListEnd(bytes, from: start)
        while index < count {
            let byte = bytes[index]
            if byte == Self.newline {
                // Look at the following line(s).
                var next = index + 1
                var blank = false
                while next < count, UTF8Byte.isASCIIWhitespace(bytes[next]) {
                    if bytes[next] == Self.newline { blank = true }
                    next += 1
                }
                if blank || next >= count || index < listEnd
                    || breaksAtLineEnd(bytes, lineEnd: index, nextLine: next)
                {
                    Self.append(bytes, sentenceStart..<index, to: &sentences)
                    // A paragraph may open with a dateline ("Story highlights" bullets, then "(CNN) -- ...").
                    sentenceStart = blank && next < count ? Self.datelineEnd(bytes, from: next) : next
                    next = sentenceStart
                }
                index = next
                continue
            }
            if byte == Self.period || byte == Self.question || byte == Self.exclamation
                || (byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6)
            {
                // Consume the run of terminators, then closing quotes and brackets.
                let runStart = index
                var end = index
                while end < count {
                    let b = bytes[end]
                    if b == Self.period || b == Self.question || b == Self.exclamation {
                        end += 1
                    } else if b == 0xE2 && end + 2 < count && bytes[end + 1] == 0x80 && bytes[end + 2] == 0xA6 {
                        end += 3
                    } else {
                        break
                    }
                }
                while end < count {
                    let width = Self.closerWidth(bytes, end)
                    if width == 0 { break }
                    end += width
                }
                if end < count, UTF8Byte.inlineSpaceLength(bytes, at: end) > 0,
                    endsSentence(bytes, runStart: runStart, runEnd: end, segmentStart: sentenceStart)
                {
                    Self.append(bytes, sentenceStart..<end, to: &sentences)
                    var next = end
                    while next < count, UTF8Byte.inlineSpaceLength(bytes, at: next) > 0 {
                        next += UTF8Byte.inlineSpaceLength(bytes, at: next)
                    }
                    sentenceStart = next
                    index = next
                    continue
                }
                index = max(end, index + 1)
                continue
            }
            index += 1
        }
        Self.append(bytes, sentenceStart..<count, to: &sentences)
    }

    /// The end of the body's first paragraph when it is a list of two or more lines none of which ends with
    /// sentence punctuation (story highlights above the article), so each line is a sentence; otherwise `start`.
    private static func unpunctuatedListEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var lines = 0
        var lineStart = start
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != newline { lineEnd += 1 }
            guard let line = trimmed(bytes, lineStart..<lineEnd) else { break }  // a blank line ends the paragraph
            var last = line.upperBound - 1
            while last > line.lowerBound, isCloser(bytes, last) != 0 { last -= isCloser(bytes, last) }
            let final = bytes[last]
            if final == period || final == question || final == exclamation
                || isEllipsisEnd(bytes, last, lowerBound: line.lowerBound)
            {
                return start
            }
            lines += 1
            lineStart = lineEnd + 1
        }
        return lines >= 2 ? min(lineStart, count) : start
    }

    /// Whether a single line break after `lineEnd` ends the sentence, the next line starting at `nextLine`.
    private func breaksAtLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, lineEnd: Int, nextLine: Int) -> Bool {
        let first = bytes[nextLine]
        if first == Self.hyphen || first == Self.asterisk { return true }
        if first == 0xE2 && nextLine + 2 < bytes.count && bytes[nextLine + 1] == 0x80
            && (bytes[nextLine + 2] == 0xA2 || bytes[nextLine + 2] == 0x93)
        {
            return true  // • or –
        }
        var last = lineEnd - 1
        while last >= 0, UTF8Byte.isASCIIWhitespace(bytes[last]) { last -= 1 }
        if last < 0 { return true }
        while last > 0, Self.isCloser(bytes, last) != 0 { last -= Self.isCloser(bytes, last) }
        let final = bytes[last]
        return final == Self.period || final == Self.question || final == Self.exclamation
            || Self.isEllipsisEnd(bytes, last, lowerBound: 0)
    }

    /// Whether the terminator run `runStart..<runEnd` (closers included), followed by whitespace, ends a sentence.
    private func endsSentence(
        _ bytes: UnsafeBufferPointer<UInt8>,
        runStart: Int,
        runEnd: Int,
        segmentStart: Int
    ) -> Bool {
        let count = bytes.count
        var next = runEnd
        while next < count, UTF8Byte.inlineSpaceLength(bytes, at: next) > 0 {
            next += UTF8Byte.inlineSpaceLength(bytes, at: next)
        }
        if next >= count || bytes[next] == Self.newline || bytes[next] == Self.carriageReturn { return true }
        let first = bytes[next]
        // A lowercase continuation ("...," he said) or trailing punctuation never starts a sentence.
        if UTF8Byte.isASCIILowercase(first) { return false }
        if first == Self.comma || first == Self.semicolon || first == Self.colon || first == Self.closeParen {
            return false
        }
        // Only a single full stop is ambiguous; '?', '!' and ellipses end the sentence here.
        if bytes[runStart] != Self.period || (runStart + 1 < count && bytes[runStart + 1] == Self.period) {
            return true
        }
        // The word before the full stop, lowercased, at most 24 bytes back.
        var wordStart = runStart
        let limit = max(segmentStart, runStart - 24)
        while wordStart > limit, UTF8Byte.isWordByte(bytes[wordStart - 1]) || bytes[wordStart - 1] == Self.period {
            wordStart -= 1
        }
        if wordStart == runStart { return true }
        if wordStart > segmentStart, UTF8Byte.isWordByte(bytes[wordStart - 1]) { return true }  // word too long
        let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<runStart])
        let nextIsDigit = UTF8Byte.isASCIIDigit(first)
        // A single capital initial: "J. Allard", "John E. Kelly" (but not the "T" of "AT&T.").
        if word.count == 1 && UTF8Byte.isASCIIUppercase(word[0])
            && (wordStart == segmentStart || UTF8Byte.isASCIIWhitespace(bytes[wordStart - 1])
                || Self.isOpener(bytes[wordStart - 1]))
        {
            return false
        }
        // A list number at the start of the segment: "1. First item".
        if wordStart == segmentStart && word.count <= 2 && word.allSatisfy({ UTF8Byte.isASCIIDigit($0) }) {
            return false
        }
        // Abbreviations are matched case-insensitively, except that an all-capital word ("MS", "IE", "NO") is an
        // acronym, not the abbreviation "Ms." or "i.e.".
        let key = Self.keyHash(word)
        let allCapitals = word.count > 1 && word.allSatisfy { $0 == Self.period || UTF8Byte.isASCIIUppercase($0) }
        if !allCapitals {
            if Self.abbreviationsWithinSentences.contains(key) { return false }
            if nextIsDigit && Self.abbreviationsBeforeNumbers.contains(key) { return false }
        }
        // A dotted acronym ("U.S.", "a.m."): a sentence ends only before a common sentence opener.
        if word.contains(Self.period) && word.allSatisfy({ $0 == Self.period || UTF8Byte.isASCIILetter($0) }) {
            var wordStart = next
            while wordStart < count, Self.isOpener(bytes[wordStart]) { wordStart += 1 }
            return Self.sentenceOpeners.contains(Self.keyHash(Self.wordAt(bytes, wordStart)))
        }
        return true
    }

    // MARK: - Byte helpers

    /// Common sentence-opening words: after a dotted acronym (`U.S.`), a capitalised word from this list starts a
    /// new sentence, while any other capitalised word (`U.S. Treasury`) continues the current one.
    static let sentenceOpeners = HashedWordSet([
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "this",
        "that", "these", "those", "there", "here", "his", "her", "its", "their", "our", "my", "however", "in", "on",
        "at", "as", "if", "when", "while", "after", "before", "since", "for", "meanwhile", "also", "some", "many",
        "most", "mr", "mrs", "ms", "dr", "what", "who", "why", "how", "now", "then", "still", "last", "earlier",
        "later", "analysts", "officials",
    ])

    /// ``Abbreviations/titles`` and ``Abbreviations/inSentence``: a full stop after them does not end a sentence.
    private static let abbreviationsWithinSentences = HashedWordSet(
        Abbreviations.titles.union(Abbreviations.inSentence)
    )
    /// ``Abbreviations/beforeNumbers``: a full stop after them does not end a sentence before a number.
    private static let abbreviationsBeforeNumbers = HashedWordSet(Abbreviations.beforeNumbers)

    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let space: UInt8 = 0x20
    private static let period: UInt8 = 0x2E
    private static let question: UInt8 = 0x3F
    private static let exclamation: UInt8 = 0x21
    private static let comma: UInt8 = 0x2C
    private static let semicolon: UInt8 = 0x3B
    private static let colon: UInt8 = 0x3A
    private static let hyphen: UInt8 = 0x2D
    private static let asterisk: UInt8 = 0x2A
    private static let closeParen: UInt8 = 0x29
    private static let openParen: UInt8 = 0x28

    /// Whether `byte` is an ASCII opening quote or bracket.
    private static func isOpener(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B
    }

    /// The width in bytes of a closing quote or bracket starting at `index`, or 0.
    private static func closerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D { return 1 }
        if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99)
        {
            return 3  // ” ’
        }
        if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xBB { return 2 }  // »
        return 0
    }

    /// The width of a closing quote or bracket that ENDS at `index` (inclusive), or 0.
    private static func isCloser(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D { return 1 }
        if index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80 && (byte == 0x9D || byte == 0x99) {
            return 3
        }
        if index >= 1 && bytes[index - 1] == 0xC2 && byte == 0xBB { return 2 }
        return 0
    }

    /// Whether an ellipsis (`...` or `…`) ends at `index` (inclusive).
    private static func isEllipsisEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, lowerBound: Int) -> Bool {
        if index - 2 >= lowerBound && bytes[index] == 0xA6 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2 {
            return true
        }
        return index - 2 >= lowerBound && bytes[index] == period && bytes[index - 1] == period
            && bytes[index - 2] == period
    }

    /// The FNV-1a hash of a short word ASCII-lowercased with its dots removed: its key in ``Abbreviations``.
    private static func keyHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FNV1a.offsetBasis
        for byte in word where byte != period {
            hash = FNV1a.adding(UTF8Byte.lowercasedASCII(byte), to: hash)
        }
        return hash
    }

    /// The word (letters and digits, at most 16 bytes) starting at `index`.
    private static func wordAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UnsafeBufferPointer<UInt8> {
        var end = index
        while end < bytes.count, end - index < 16, UTF8Byte.isWordByte(bytes[end]) { end += 1 }
        return UnsafeBufferPointer(rebasing: bytes[index..<end])
    }

    /// `range` without leading and trailing whitespace, or `nil` when nothing is left.
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - range: A byte range inside `bytes`.
    /// - Returns: The trimmed range, or `nil`.
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, UTF8Byte.isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, UTF8Byte.isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// Appends the trimmed `range` to `sentences` unless it is empty.
    private static func append(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        to sentences: inout [Range<Int>]
    ) {
        if let trimmed = trimmed(bytes, range) { sentences.append(trimmed) }
    }

    /// Decodes a byte range as a string (invalid UTF-8 is repaired with U+FFFD).
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - range: A byte range inside `bytes`.
    /// - Returns: The text of those bytes.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
