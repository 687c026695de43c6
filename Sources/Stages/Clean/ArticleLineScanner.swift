import Pipeline

/// Splits repaired text into lines and gathers each line's ``ArticleLineFacts`` in one pass over its bytes.
///
/// The input must already have `\n` as its only line break and trimmed lines (``UnicodeTextRepairer`` does that).
/// Word hashes of short lines are appended to one array per document, so scanning allocates nothing per line.
enum ArticleLineScanner {
    /// Scans every non-blank line.
    /// - Parameters:
    ///   - bytes: the repaired UTF-8 text.
    ///   - hashes: receives the word hashes of short lines; each line's facts index into it.
    /// - Returns: the facts of the non-blank lines, in order.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, hashes: inout [UInt64]) -> [ArticleLineFacts] {
        var lines: [ArticleLineFacts] = []
        let count = bytes.count
        var position = 0
        var sawBlank = false
        while position < count {
            var end = position
            while end < count && bytes[end] != 0x0A { end += 1 }
            if end > position {
                var facts = ArticleLineFacts(start: position, end: end, blankBefore: sawBlank)
                if end - position > ArticleLineFacts.shortLineByteLimit {
                    facts.isLong = true
                    facts.scalarCount = end - position
                } else {
                    measure(bytes, into: &facts, hashes: &hashes)
                }
                lines.append(facts)
                sawBlank = false
            } else if !lines.isEmpty {
                sawBlank = true
            }
            position = end + 1
        }
        return lines
    }

    /// Fills the facts of one short line.
    private static func measure(
        _ bytes: UnsafeBufferPointer<UInt8>,
        into facts: inout ArticleLineFacts,
        hashes: inout [UInt64]
    ) {
        let start = facts.start
        let end = facts.end
        facts.wordStart = hashes.count
        var hash = FNV1a.offsetBasis
        var inWord = false
        var wordHasDigit = false
        var wordLength = 0
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        var scalars = 0
        var wordAllUpper = true
        var wordCapitalized = false
        var lineHasLowercase = false
        var countryIndices: [Int] = []

        var index = start
        while index < end {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte < 0x80 {
                let isUpper = UTF8Byte.isASCIIUppercase(byte)
                let isLower = UTF8Byte.isASCIILowercase(byte)
                let isDigit = UTF8Byte.isASCIIDigit(byte)
                if isUpper || isLower || isDigit {
                    if !inWord {
                        inWord = true
                        hash = FNV1a.offsetBasis
                        wordHasDigit = false
                        wordLength = 0
                        wordAllUpper = true
                        wordCapitalized = isUpper
                        if isUpper { facts.capitalizedWords += 1 }
                    }
                    if isLower {
                        wordAllUpper = false
                        lineHasLowercase = true
                    }
                    let lower = isUpper ? byte | 0x20 : byte
                    if isDigit {
                        wordHasDigit = true
                        facts.digitCount += 1
                    }
                    hash = FNV1a.adding(lower, to: hash)
                    wordLength += 1
                    beforeLast = last
                    last = lower
                    // The rest of a run of lowercase letters, the common case, in a tight loop.
                    var next = index + 1
                    while next < end && UTF8Byte.isASCIILowercase(bytes[next]) {
                        hash = FNV1a.adding(bytes[next], to: hash)
                        next += 1
                    }
                    let run = next - index - 1
                    if run > 0 {
                        scalars += run
                        wordLength += run
                        wordAllUpper = false
                        lineHasLowercase = true
                        beforeLast = run >= 2 ? bytes[next - 2] : last
                        last = bytes[next - 1]
                        index = next
                        continue
                    }
                } else if byte == UInt8(ascii: "'") && inWord {
                    // An apostrophe inside a word is skipped: "don't" hashes as "dont".
                } else {
                    if inWord {
                        inWord = false
                        finishWord(
                            hash,
                            hasDigit: wordHasDigit,
                            allUpper: wordAllUpper,
                            capitalized: wordCapitalized,
                            length: wordLength,
                            last: last,
                            beforeLast: beforeLast,
                            facts: &facts,
                            hashes: &hashes,
                            countryIndices: &countryIndices
                        )
                    }
                    switch byte {
                    case UInt8(ascii: "\""): facts.hasDoubleQuote = true
                    case UInt8(ascii: "@"): facts.hasAtSign = true
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        if index > start && bytes[index - 1] == 0x20 { facts.separatorCount += 1 }
                    case UInt8(ascii: "/"):
                        if index > start && bytes[index - 1] == 0x20 && index + 1 < end && bytes[index + 1] == 0x20 {
                            facts.separatorCount += 1
                        }
                    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                        if index + 2 < end && bytes[index + 1] == 0x20 && startsSentence(bytes, at: index + 2, end: end)
                        {
                            facts.sentenceBreaks += 1
                        }
                    default: break
                    }
                }
                index += 1
                continue
            }
            // Non-ASCII: general punctuation, Latin-1 symbols and curly apostrophes are handled here.
            if byte == 0xE2 && index + 2 < end
                && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 || bytes[index + 1] == 0x86)
            {
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second == 0x80 && (third == 0x98 || third == 0x99) && inWord {
                    // ‘ ’ inside a word are apostrophes.
                } else {
                    if inWord {
                        inWord = false
                        finishWord(
                            hash,
                            hasDigit: wordHasDigit,
                            allUpper: wordAllUpper,
                            capitalized: wordCapitalized,
                            length: wordLength,
                            last: last,
                            beforeLast: beforeLast,
                            facts: &facts,
                            hashes: &hashes,
                            countryIndices: &countryIndices
                        )
                    }
                    if second == 0x80 {
                        switch third {
                        case 0x9C, 0x9D, 0x9E: facts.hasDoubleQuote = true
                        case 0xBA, 0xA2:
                            if index > start && bytes[index - 1] == 0x20 { facts.separatorCount += 1 }
                        case 0xA6:
                            if index + 4 < end && bytes[index + 3] == 0x20
                                && startsSentence(bytes, at: index + 4, end: end)
                            {
                                facts.sentenceBreaks += 1
                            }
                        default: break
                        }
                    } else if second == 0x86 && third == 0x92 {
                        if index > start && bytes[index - 1] == 0x20 { facts.separatorCount += 1 }
                    }
                }
                index += 3
                // The lead byte was counted; the two continuation bytes are skipped.
                continue
            }
            if byte == 0xC2 && index + 1 < end {
                if inWord {
                    inWord = false
                    finishWord(
                        hash,
                        hasDigit: wordHasDigit,
                        allUpper: wordAllUpper,
                        capitalized: wordCapitalized,
                        length: wordLength,
                        last: last,
                        beforeLast: beforeLast,
                        facts: &facts,
                        hashes: &hashes,
                        countryIndices: &countryIndices
                    )
                }
                let second = bytes[index + 1]
                if second == 0xBB || second == 0xB7 {
                    if index > start && bytes[index - 1] == 0x20 { facts.separatorCount += 1 }
                } else if second == 0xA9 && index == start {
                    facts.startsWithCopyright = true
                }
                index += 2
                continue
            }
            // Any other non-ASCII byte is part of a word (letters of other scripts, accented letters).
            if !inWord {
                inWord = true
                hash = FNV1a.offsetBasis
                wordHasDigit = false
                wordLength = 0
                wordCapitalized = false
            }
            wordAllUpper = false
            hash = FNV1a.adding(byte, to: hash)
            if byte & 0xC0 != 0x80 { wordLength += 1 }
            beforeLast = 0
            last = 0
            index += 1
        }
        if inWord {
            inWord = false
            finishWord(
                hash,
                hasDigit: wordHasDigit,
                allUpper: wordAllUpper,
                capitalized: wordCapitalized,
                length: wordLength,
                last: last,
                beforeLast: beforeLast,
                facts: &facts,
                hashes: &hashes,
                countryIndices: &countryIndices
            )
        }
        if !lineHasLowercase {
            for index in countryIndices { hashes[index] = usHash }
        }
        facts.hasLowercase = lineHasLowercase
        facts.scalarCount = scalars
        facts.ending = ending(bytes, start: start, end: end)
        if end - start >= 3 && bytes[start] == UInt8(ascii: "(") && (bytes[start + 1] | 0x20) == UInt8(ascii: "c")
            && bytes[start + 2] == UInt8(ascii: ")")
        {
            facts.startsWithCopyright = true
        }
    }

    /// Records a finished word: its hash (the country "US" marked), and whether it counts as a verb or as reported
    /// speech. A function of its own, not a closure over the scanning loop's variables, which would box them and
    /// check exclusive access at run time on every word.
    private static func finishWord(
        _ hash: UInt64,
        hasDigit: Bool,
        allUpper: Bool,
        capitalized: Bool,
        length: Int,
        last: UInt8,
        beforeLast: UInt8,
        facts: inout ArticleLineFacts,
        hashes: inout [UInt64],
        countryIndices: inout [Int]
    ) {
        var finished = BoilerplateWordHash.finish(hash, hasDigit: hasDigit)
        if allUpper && length == 2 && finished == usHash {
            // "US" the country is not "us" the reader; restored below if the whole line is in capitals.
            countryIndices.append(hashes.count)
            finished = countryHash
        }
        hashes.append(finished)
        facts.wordCount += 1
        // "-ing" and "-s" words are often nouns; lowercase ones ("tackles", "rising") are counted as verbs.
        let endsLikeVerb =
            (length >= 4 && beforeLast == UInt8(ascii: "e") && last == UInt8(ascii: "d"))
            || (!capitalized && length >= 5 && beforeLast == UInt8(ascii: "n") && last == UInt8(ascii: "g"))
            || (!capitalized && length >= 4 && last == UInt8(ascii: "s") && beforeLast != UInt8(ascii: "s"))
        // One look-up in the union settles most words; members are looked up in each set.
        let listed = verbOrReportingWords.contains(finished)
        if endsLikeVerb || (listed && BoilerplateVocabulary.verbWords.contains(finished)) {
            facts.verbWords += 1
        }
        if listed && BoilerplateVocabulary.reportingWords.contains(finished) { facts.reportingWords += 1 }
    }

    /// The words of ``BoilerplateVocabulary/verbWords`` and ``BoilerplateVocabulary/reportingWords``.
    private static let verbOrReportingWords = HashedWordSet(union: [
        BoilerplateVocabulary.verbWords, BoilerplateVocabulary.reportingWords,
    ])

    /// The hash of the word "us".
    private static let usHash = BoilerplateWordHash.hash("us")
    /// The hash standing for "US", the country, in a line that is not all capitals.
    private static let countryHash = BoilerplateWordHash.hash("u-s-country")

    /// True when the byte at `index` can start a sentence: an ASCII capital or digit, a quote, or a non-ASCII letter.
    @inline(__always)
    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        let byte = bytes[index]
        if UTF8Byte.isASCIIUppercase(byte) { return true }
        if UTF8Byte.isASCIIDigit(byte) { return true }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return true }
        if byte == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80 {
            return bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98
        }
        return byte >= 0xC3
    }

    /// How a line ends, skipping closing quotes and brackets.
    private static func ending(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> ArticleLineFacts.Ending {
        var index = end - 1
        while index >= start {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")")
                || byte == UInt8(ascii: "]")
            {
                index -= 1
                continue
            }
            if index - 2 >= start && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80 {
                switch byte {
                case 0x9D, 0x99:
                    index -= 3
                    continue
                case 0xA6: return .ellipsis
                default: return .other
                }
            }
            switch byte {
            case UInt8(ascii: "."):
                if index - 2 >= start && bytes[index - 1] == UInt8(ascii: ".") && bytes[index - 2] == UInt8(ascii: ".")
                {
                    return .ellipsis
                }
                return .period
            case UInt8(ascii: "!"): return .exclamation
            case UInt8(ascii: "?"): return .question
            case UInt8(ascii: ":"): return .colon
            default: return .other
            }
        }
        return .other
    }
}
