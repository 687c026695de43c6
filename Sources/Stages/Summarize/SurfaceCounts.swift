import Pipeline

/// What one scan over a sentence's bytes finds on its surface: words, capitalised words, numbers, quotation marks,
/// attribution verbs and its shape, for ``NewsSentenceFeatures``.
///
/// Words are runs of non-space bytes holding at least one ASCII letter or digit or non-ASCII byte. A word is
/// capitalised when its first letter (after opening quotes and brackets) is an ASCII capital, and it is not the
/// sentence's first word. Quotation marks are `"`, `“` and `”`; the bytes between an opening and a closing mark
/// count as quoted.
struct SurfaceCounts {
    /// The number of words.
    private(set) var words = 0
    /// The number of capitalised words after the first.
    private(set) var capitalised = 0
    /// The number of words containing a digit.
    private(set) var numbers = 0
    /// The number of quotation marks.
    private(set) var quotes = 0
    /// The number of bytes inside quotation marks.
    private(set) var quotedBytes = 0
    /// Whether the sentence opens with a quotation mark.
    private(set) var opensWithQuote = false
    /// Whether a word is an attribution verb (`said`, `says`, `told`, `according`, ...).
    private(set) var attribution = false
    /// Whether the sentence lacks final punctuation or its final full stop stands after a space (a cross-heading or
    /// a link line flattened into the text).
    private(set) var headingLike = false
    /// Whether the sentence ends with a question mark.
    private(set) var question = false
    /// Whether the first word refers back (`He`, `She`, `It`, `They`, `This`, `But`, `However`, ...).
    private(set) var opensWithReference = false
    /// Whether the sentence contains an opening parenthesis.
    private(set) var parenthesis = false
    /// Whether the sentence contains a colon that is not part of a time (`10:30`).
    private(set) var colon = false

    /// The attribution verbs, as FNV-1a hashes of their lowercase bytes.
    static let attributionWords = HashedWordSet([
        "said", "says", "told", "tells", "according", "added", "adds", "explained", "stated", "announced",
    ])
    /// The first words that refer to something said before, as FNV-1a hashes of their lowercase bytes.
    static let referenceWords = HashedWordSet([
        "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their", "but", "and",
        "however", "also", "so", "then", "still", "yet",
    ])

    /// Scans the sentence at `range` of `bytes`.
    /// - Parameters:
    ///   - bytes: The article's UTF-8 bytes.
    ///   - range: The sentence's byte range.
    ///   - attributionWords: ``attributionWords``, read once by the caller rather than once per sentence.
    ///   - referenceWords: ``referenceWords``, likewise.
    init(
        bytes: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        attributionWords: HashedWordSet = Self.attributionWords,
        referenceWords: HashedWordSet = Self.referenceWords
    ) {
        var index = range.lowerBound
        let end = range.upperBound
        var insideQuote = false
        var first = true
        while index < end {
            let byte = bytes[index]
            if UTF8Byte.isASCIIWhitespace(byte) {
                index += 1
                continue
            }
            // One whitespace-delimited token.
            var hasWordByte = false
            var hasDigit = false
            var firstLetter: UInt8 = 0
            var hash = FNV1a.offsetBasis
            while index < end {
                let b = bytes[index]
                if b &- 0x61 < 26 || b &- 0x41 < 26 {
                    // Fast path for the commonest byte, an ASCII letter: never a space, quotation mark, digit or
                    // symbol.
                    if insideQuote { quotedBytes &+= 1 }
                    hasWordByte = true
                    if firstLetter == 0 { firstLetter = b }
                    hash = FNV1a.adding(b | 0x20, to: hash)
                    index &+= 1
                    continue
                }
                if UTF8Byte.isASCIIWhitespace(b) { break }
                var quoteWidth = 0
                var opens = false
                if b == 0x22 {
                    quoteWidth = 1
                    opens = !insideQuote
                } else if b == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D)
                {
                    quoteWidth = 3
                    opens = bytes[index + 2] == 0x9C
                }
                if quoteWidth > 0 {
                    quotes += 1
                    if index == range.lowerBound { opensWithQuote = true }
                    insideQuote = opens
                    index += quoteWidth
                    continue
                }
                if insideQuote { quotedBytes += 1 }
                if UTF8Byte.isWordByte(b) {
                    hasWordByte = true
                    if firstLetter == 0 { firstLetter = b }
                    if UTF8Byte.isASCIIDigit(b) { hasDigit = true }
                    hash = FNV1a.adding(UTF8Byte.lowercasedASCII(b), to: hash)
                } else if b == 0x28 {
                    parenthesis = true
                } else if b == 0x3A {
                    let digitAfter = index + 1 < end && UTF8Byte.isASCIIDigit(bytes[index + 1])
                    if !digitAfter { colon = true }
                }
                index += 1
            }
            if insideQuote { quotedBytes += 1 }  // the space after a quoted word
            guard hasWordByte else { continue }
            words += 1
            if hasDigit { numbers += 1 }
            if first {
                opensWithReference = referenceWords.contains(hash)
                first = false
            } else if UTF8Byte.isASCIIUppercase(firstLetter) {
                capitalised += 1
            }
            if !attribution && firstLetter >= 0x61 && attributionWords.contains(hash) { attribution = true }
        }
        // Shape of the ending: step back over closing quotes and brackets.
        var last = end - 1
        while last > range.lowerBound {
            let b = bytes[last]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D {
                last -= 1
            } else if last >= range.lowerBound + 2 && bytes[last - 2] == 0xE2 && bytes[last - 1] == 0x80
                && (b == 0x9D || b == 0x99)
            {
                last -= 3
            } else {
                break
            }
        }
        if last >= range.lowerBound {
            let final = bytes[last]
            let isEllipsis = final == 0xA6 && last >= range.lowerBound + 2 && bytes[last - 1] == 0x80
            question = final == 0x3F
            if final != 0x2E && final != 0x21 && final != 0x3F && !isEllipsis {
                headingLike = true
            } else if final == 0x2E && last > range.lowerBound && UTF8Byte.isASCIIWhitespace(bytes[last - 1]) {
                headingLike = true
            }
        }
    }
}
