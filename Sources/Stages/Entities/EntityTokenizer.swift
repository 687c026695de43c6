import Pipeline

/// Splits news text into word tokens over UTF-8 bytes.
///
/// Rules, in order, for each whitespace-separated chunk:
/// - URLs (`http://`, `https://`, `www.`) and e-mail addresses stay one token (trailing punctuation split off).
/// - Brackets, double quotes (straight and curly), em/en dashes, ellipses, `;`, `!`, `?` and commas that are not
///   between digits are split off as tokens of their own wherever they occur.
/// - Leading single quotes are split off unless the chunk is a clitic such as `'s`; a leading currency sign
///   (`$`, `€`, `£`, `¥`, also `US$`) before a digit becomes its own token.
/// - Trailing `'`, `’`, `:`, `%` and `.` are split off; a final period stays on abbreviations (`Mr.`, `Gen.`, `Inc.`),
///   on initials (`J.`) and on dotted acronyms (`U.S.`, `a.m.`).
/// - The possessive `'s`/`’s` and the clitic `n't` become separate tokens.
/// Hyphens and apostrophes inside words are kept (`Kang Kyung-wha`, `O'Brien`), as are number separators (`1,000.5`).
/// Work is linear in the input size whatever the input.
enum EntityTokenizer {
    /// Hashes (ASCII lower-case) of the abbreviations that keep their period: every word of ``Abbreviations/all``.
    static let abbreviationHashes = HashedWordSet(Abbreviations.all)

    /// Tokenises `bytes`, returning tokens in document order.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [EntityToken] {
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(bytes.count / 5 + 4)
        var i = 0
        let n = bytes.count
        var atLineStart = true
        while i < n {
            let spaceLength = UTF8Byte.whitespaceLength(bytes, at: i)
            if spaceLength > 0 {
                if bytes[i] == 0x0A { atLineStart = true }
                i += spaceLength
                continue
            }
            var end = i
            while end < n && UTF8Byte.whitespaceLength(bytes, at: end) == 0 { end += 1 }
            let firstNew = tokens.count
            splitChunk(bytes, i, end, into: &tokens)
            if atLineStart && tokens.count > firstNew {
                tokens[firstNew].startsLine = true
                atLineStart = false
            }
            i = end
        }
        markSentenceStarts(bytes, &tokens)
        return tokens
    }

    /// Length of a "hard" separator at `i` (split off wherever it occurs), or 0.
    @inline(__always)
    static func hardSeparatorLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ start: Int, _ end: Int) -> Int {
        let c = b[i]
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return 1
        case UInt8(ascii: ","):
            let digitBefore = i > start && UTF8Byte.isASCIIDigit(b[i - 1])
            let digitAfter = i + 1 < end && UTF8Byte.isASCIIDigit(b[i + 1])
            return digitBefore && digitAfter ? 0 : 1
        case 0xE2:
            guard i + 2 < end, b[i + 1] == 0x80 else { return 0 }
            let d = b[i + 2]
            // – — “ ” „ … ‹ ›
            if d == 0x93 || d == 0x94 || d == 0x9C || d == 0x9D || d == 0x9E || d == 0xA6 || d == 0xB9 || d == 0xBA {
                return 3
            }
            return 0
        case 0xC2:
            // « »
            if i + 1 < end && (b[i + 1] == 0xAB || b[i + 1] == 0xBB) { return 2 }
            return 0
        default:
            return 0
        }
    }

    /// Length of a single-quote character (`'`, `‘`, `’`, `` ` ``) at `i`, or 0.
    @inline(__always)
    static func singleQuoteLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "`") { return 1 }
        if c == 0xE2 && i + 2 < end && b[i + 1] == 0x80 && (b[i + 2] == 0x98 || b[i + 2] == 0x99) { return 3 }
        return 0
    }

    /// Whether `b[start..<end]` starts with the ASCII string `prefix`, ignoring case.
    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        if end - start < count { return false }
        let p = prefix.utf8Start
        for k in 0..<count where UTF8Byte.lowercasedASCII(b[start + k]) != p[k] { return false }
        return true
    }

    private static func appendToken(_ start: Int, _ end: Int, _ tokens: inout [EntityToken]) {
        if end > start {
            tokens.append(EntityToken(start: Int32(start), end: Int32(end), startsLine: false, startsSentence: false))
        }
    }

    /// Splits one whitespace-free chunk.
    private static func splitChunk(
        _ b: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        into tokens: inout [EntityToken]
    ) {
        if hasPrefix(b, start, end, "http://") || hasPrefix(b, start, end, "https://")
            || hasPrefix(b, start, end, "www.")
        {
            var e = end
            while e > start + 4 {
                let c = b[e - 1]
                if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":")
                    || c == UInt8(ascii: ")") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
                    || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                {
                    e -= 1
                } else {
                    break
                }
            }
            appendToken(start, e, &tokens)
            for k in e..<end { appendToken(k, k + 1, &tokens) }
            return
        }
        var pieceStart = start
        var i = start
        while i < end {
            let length = hardSeparatorLength(b, i, start, end)
            if length > 0 {
                splitPiece(b, pieceStart, i, into: &tokens)
                appendToken(i, i + length, &tokens)
                i += length
                pieceStart = i
            } else {
                i += 1
            }
        }
        splitPiece(b, pieceStart, end, into: &tokens)
    }

    /// Splits leading and trailing punctuation, currency, possessives and clitics off one piece.
    private static func splitPiece(
        _ b: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        into tokens: inout [EntityToken]
    ) {
        var s = start
        var e = end
        if s >= e { return }
        // Clitic chunks such as 's, 're, 'll, n't stay whole.
        if isClitic(b, s, e) {
            appendToken(s, e, &tokens)
            return
        }
        // Leading single quotes and colons.
        while s < e {
            let q = singleQuoteLength(b, s, e)
            if q > 0 {
                appendToken(s, s + q, &tokens)
                s += q
                continue
            }
            if b[s] == UInt8(ascii: ":") || b[s] == UInt8(ascii: "*")
                || b[s] == UInt8(ascii: "#") && s + 1 < e && !UTF8Byte.isASCIIDigit(b[s + 1])
            {
                appendToken(s, s + 1, &tokens)
                s += 1
                continue
            }
            break
        }
        if s >= e { return }
        // Leading currency sign before a digit.
        let currency = currencyPrefixLength(b, s, e)
        if currency > 0 && s + currency < e && UTF8Byte.isASCIIDigit(b[s + currency]) {
            appendToken(s, s + currency, &tokens)
            s += currency
        }
        // Trailing punctuation, found right to left and emitted left to right.
        let pieceEnd = e
        while e > s {
            let c = b[e - 1]
            if c == UInt8(ascii: ":") || c == UInt8(ascii: "%") || c == UInt8(ascii: "*") || c == UInt8(ascii: "'")
                || c == UInt8(ascii: "`")
            {
                e -= 1
                continue
            }
            if e - s >= 3, c == 0x99 || c == 0x98, b[e - 3] == 0xE2, b[e - 2] == 0x80 {
                e -= 3
                continue
            }
            if c == UInt8(ascii: ".") {
                if keepsFinalPeriod(b, s, e) { break }
                e -= 1
                continue
            }
            break
        }
        if e > s {
            appendWord(b, s, e, into: &tokens)
        }
        var k = e
        while k < pieceEnd {
            let unit = b[k] == 0xE2 ? 3 : 1
            appendToken(k, k + unit, &tokens)
            k += unit
        }
    }

    /// Appends a word, splitting a possessive `'s` or a clitic `n't` off its end.
    private static func appendWord(
        _ b: UnsafeBufferPointer<UInt8>,
        _ s: Int,
        _ e: Int,
        into tokens: inout [EntityToken]
    ) {
        let length = e - s
        if length >= 3 && (b[e - 1] | 0x20) == UInt8(ascii: "s") {
            if b[e - 2] == UInt8(ascii: "'") {
                appendToken(s, e - 2, &tokens)
                appendToken(e - 2, e, &tokens)
                return
            }
            if length >= 5 && b[e - 2] == 0x99 && b[e - 3] == 0x80 && b[e - 4] == 0xE2 {
                appendToken(s, e - 4, &tokens)
                appendToken(e - 4, e, &tokens)
                return
            }
        }
        if length >= 4 && (b[e - 1] | 0x20) == UInt8(ascii: "t") && b[e - 2] == UInt8(ascii: "'")
            && (b[e - 3] | 0x20) == UInt8(ascii: "n")
        {
            appendToken(s, e - 3, &tokens)
            appendToken(e - 3, e, &tokens)
            return
        }
        appendToken(s, e, &tokens)
    }

    /// Whether `b[s..<e]` is a clitic token such as `'s`, `'S`, `'re`, `'ll`, `'d`, `'m`, `'ve`, `n't`.
    private static func isClitic(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let q = singleQuoteLength(b, s, e)
        if q > 0 {
            let rest = e - s - q
            if rest < 1 || rest > 2 { return false }
            for k in (s + q)..<e where !UTF8Byte.isASCIILetter(b[k]) { return false }
            let first = b[s + q] | 0x20
            if rest == 1 {
                return first == UInt8(ascii: "s") || first == UInt8(ascii: "d") || first == UInt8(ascii: "m")
            }
            let second = b[s + q + 1] | 0x20
            return (first == UInt8(ascii: "r") && second == UInt8(ascii: "e"))
                || (first == UInt8(ascii: "l") && second == UInt8(ascii: "l"))
                || (first == UInt8(ascii: "v") && second == UInt8(ascii: "e"))
        }
        return e - s == 3 && (b[s] | 0x20) == UInt8(ascii: "n") && b[s + 1] == UInt8(ascii: "'")
            && (b[s + 2] | 0x20) == UInt8(ascii: "t")
    }

    /// Length of a currency prefix (`$`, `US$`, `C$`, `A$`, `HK$`, `€`, `£`, `¥`) at `s`, or 0.
    static func currencyPrefixLength(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let c = b[s]
        if c == UInt8(ascii: "$") { return 1 }
        if c == 0xC2 && s + 1 < e && (b[s + 1] == 0xA3 || b[s + 1] == 0xA5) { return 2 }
        if c == 0xE2 && s + 2 < e && b[s + 1] == 0x82 && (b[s + 2] == 0xAC || b[s + 2] == 0xA9) { return 3 }
        var k = s
        while k < e && k - s < 3 && b[k] &- 65 < 26 { k += 1 }
        if k > s && k < e && b[k] == UInt8(ascii: "$") { return k + 1 - s }
        return 0
    }

    /// Whether the word `b[s..<e]` (ending in a period) keeps its period.
    private static func keepsFinalPeriod(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let length = e - s
        if length == 1 { return false }
        // Initial: one letter and a period.
        if length == 2 && UTF8Byte.isASCIILetter(b[s]) && b[s] &- 65 < 26 { return true }
        // Dotted acronyms: letters separated by single periods (U.S., a.m., U.S.A.).
        if length <= 12 {
            var dotted = true
            var k = s
            var periods = 0
            while k < e {
                if UTF8Byte.isASCIILetter(b[k]) && k + 1 < e && b[k + 1] == UInt8(ascii: ".") {
                    periods += 1
                    k += 2
                } else {
                    dotted = false
                    break
                }
            }
            if dotted && periods >= 2 { return true }
        }
        if length <= 8 {
            let h = FNV1a.hashLowercasingASCII(b, s..<e - 1)
            if abbreviationHashes.contains(h) { return true }
        }
        return false
    }

    /// Marks the first token of every line and every token that follows sentence-final punctuation.
    private static func markSentenceStarts(_ b: UnsafeBufferPointer<UInt8>, _ tokens: inout [EntityToken]) {
        var previousEndsSentence = true
        for k in tokens.indices {
            if tokens[k].startsLine { previousEndsSentence = true }
            let starts = previousEndsSentence
            tokens[k].startsSentence = starts
            let s = Int(tokens[k].start)
            let e = Int(tokens[k].end)
            if e - s == 1 {
                let c = b[s]
                if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
                {
                    previousEndsSentence = true
                    continue
                }
                if starts
                    && (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(")
                        || c == UInt8(ascii: "-"))
                {
                    previousEndsSentence = true
                    continue
                }
            } else if e - s == 3 && b[s] == 0xE2 && starts && (b[s + 2] == 0x9C || b[s + 2] == 0x98) {
                previousEndsSentence = true
                continue
            }
            previousEndsSentence = false
        }
    }
}
