import Pipeline

/// Cuts the furniture out of a line that mixes it with article text, keeping the rest of the line.
///
/// ```
///  "Oscar Pistorious commits suicide in Prison – City Herald"   ──▶ "Oscar Pistorious commits suicide in Prison"
///  "Photo: AP / The minister said the talks would resume."       ──▶ "The minister said the talks would resume."
///  "CT angiograms detect blockages in nine out of 10. - Click to Tweet" ──▶ "CT angiograms detect ... out of 10."
/// ```
///
/// - A site name appended to the headline: the last segment after ` - `, ` – `, ` — `, ` | `, ` ⋆ `, ` * `, ` :: `
///   that has at most five words, every word capitalised (or a number, or a domain), no verb of a sentence and no
///   final `?`/`!`, when at least three words come before it; or a date after the separator.
/// - A credit opening a line: a caption word (`Photo`, `Image`, `Foto`, `Bild`...), an optional second word and `:`,
///   a credit of at most eight words, then ` / `, ` | `, ` - ` or ` — ` and a sentence of six words or more.
/// - A share prompt closing a line: ` - ` or ` | ` then two to five words of share and call-to-action vocabulary.
enum BoilerplateLineTrimmer {
    /// Separators between a headline and a site name, as UTF-8 between two spaces.
    private static let headlineSeparators: [[UInt8]] = ["-", "–", "—", "|", "⋆", "*", "::", "•", "·"].map {
        Array($0.utf8)
    }

    /// The byte offset where a site name appended to the headline starts (at the separator's leading space), or nil.
    /// - Parameters:
    ///   - line: the headline.
    ///   - bytes: the document's bytes.
    ///   - hashes: the document's word hashes.
    static func siteNameStart(
        _ line: ArticleLineFacts,
        bytes: UnsafeBufferPointer<UInt8>,
        hashes: UnsafeBufferPointer<UInt64>
    ) -> Int? {
        guard !line.isLong, line.wordCount >= 4, line.scalarCount <= 250 else { return nil }
        guard let (cut, suffixStart) = lastSeparator(line, bytes: bytes, separators: headlineSeparators) else {
            return nil
        }
        let suffix = UnsafeBufferPointer(rebasing: bytes[suffixStart..<line.end])
        let words = wordsOf(suffix)
        guard words.count >= 1, words.count <= 5, suffix.count <= 48 else { return nil }
        let before = wordsOf(UnsafeBufferPointer(rebasing: bytes[line.start..<cut]))
        guard before.count >= 3 else { return nil }
        let last = bytes[line.end - 1]
        guard last != UInt8(ascii: "?"), last != UInt8(ascii: "!") else { return nil }
        if words.allSatisfy({ $0.isNumber }) { return cut }
        let verbs = BoilerplateVocabulary.verbWords
        for word in words {
            guard word.isCapitalized || word.isNumber || word.isDomain, !verbs.contains(word.hash),
                !notSiteNames.contains(word.hash)
            else { return nil }
        }
        return cut
    }

    /// Words that end a headline's own clause ("— Here's How", "- Video"), never a site's name.
    private static let notSiteNames = BoilerplateWordHash.set(
        """
        here heres how what why who when where which this that these those it its you your we our i he she they \
        watch video videos photos pictures report reports update updates analysis opinion live exclusive explainer \
        review interview part chapter
        """
    )

    /// The byte offset where the sentence after an opening credit starts, or nil.
    static func creditEnd(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line.byteCount >= 24 else { return nil }
        let words = wordsOf(UnsafeBufferPointer(rebasing: bytes[line.start..<min(line.end, line.start + 24)]))
        guard let first = words.first,
            FurnitureWordClasses.shared.classes(of: first.hash)
                & (1 << UInt32(FurnitureWordClasses.Class.captionLead.rawValue))
                != 0
        else { return nil }
        // A colon after the first or second word.
        var index = line.start
        var seenWords = 0
        var sawColon = false
        while index < min(line.end, line.start + 40) {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                sawColon = true
                break
            }
            if byte == 0x20 { seenWords += 1 }
            if seenWords >= 2 { break }
            index += 1
        }
        guard sawColon else { return nil }
        let separators = creditSeparators
        var position = index + 1
        let limit = min(line.end - 3, index + 100)
        while position < limit {
            if bytes[position] == 0x20 {
                for separator in separators
                where position + separator.count + 1 < line.end
                    && matches(separator, bytes: bytes, at: position + 1)
                    && bytes[position + 1 + separator.count] == 0x20
                {
                    let restStart = position + 2 + separator.count
                    let credit = wordsOf(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<position]))
                    let rest = wordsOf(UnsafeBufferPointer(rebasing: bytes[restStart..<line.end]))
                    guard credit.count >= 1, credit.count <= 8, rest.count >= 6, rest[0].isCapitalized else {
                        return nil
                    }
                    return restStart
                }
            }
            position += 1
        }
        return nil
    }

    /// The byte offset where a closing share prompt starts (at the separator's leading space), or nil.
    static func sharePromptStart(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line.byteCount >= 16 else { return nil }
        // A prompt is at most five short words: only the line's last bytes are searched for its separator.
        guard
            let (cut, suffixStart) = lastSeparator(
                line,
                bytes: bytes,
                separators: promptSeparators,
                within: 96
            )
        else { return nil }
        let words = wordsOf(UnsafeBufferPointer(rebasing: bytes[suffixStart..<line.end]))
        guard words.count >= 2, words.count <= 5 else { return nil }
        let classes = FurnitureWordClasses.shared
        let prompt: UInt32 =
            (1 << UInt32(FurnitureWordClasses.Class.shareFollow.rawValue))
            | (1 << UInt32(FurnitureWordClasses.Class.social.rawValue))
            | (1 << UInt32(FurnitureWordClasses.Class.callToAction.rawValue))
        var promptWords = 0
        for word in words {
            let mask = classes.classes(of: word.hash)
            if mask & prompt != 0 {
                promptWords += 1
            } else if !isGlueWord(word) {
                return nil
            }
        }
        let before = wordsOf(UnsafeBufferPointer(rebasing: bytes[line.start..<cut]))
        return promptWords >= 1 && before.count >= 4 ? cut : nil
    }

    /// A word that may join share words in a prompt ("Click to Tweet", "Share on Facebook", "Share it now"), by
    /// its shape: a short word (the function words of a prompt: four letters in lower case, three capitalised, as
    /// in "Click To Tweet"), not a number.
    private static func isGlueWord(_ word: Word) -> Bool {
        !word.isNumber && word.length <= (word.isCapitalized ? 3 : 4)
    }

    /// Separators between a credit and the sentence it opens.
    private static let creditSeparators: [[UInt8]] = ["/", "|", "-", "—", "–"].map { Array($0.utf8) }
    /// Separators before a closing share prompt.
    private static let promptSeparators: [[UInt8]] = ["-", "|", "–", "—"].map { Array($0.utf8) }

    /// The last ` <separator> ` in the line (in its last `within` bytes when given): the offset of its leading space
    /// and of the text after it.
    private static func lastSeparator(
        _ line: ArticleLineFacts,
        bytes: UnsafeBufferPointer<UInt8>,
        separators: [[UInt8]],
        within: Int? = nil
    ) -> (Int, Int)? {
        var position = line.end - 2
        let lowest = within.map { max(line.start, line.end - $0) } ?? line.start
        while position > lowest {
            // A separator of one to three bytes has a space before it: most spaces end a longer word and are
            // passed over without trying each separator.
            if bytes[position] == 0x20
                && ((position - 2 >= line.start && bytes[position - 2] == 0x20)
                    || (position - 3 >= line.start && bytes[position - 3] == 0x20)
                    || (position - 4 >= line.start && bytes[position - 4] == 0x20))
            {
                for separator in separators {
                    let end = position - separator.count
                    guard end - 1 >= line.start, bytes[end - 1] == 0x20 else { continue }
                    if matches(separator, bytes: bytes, at: end) { return (end - 1, position + 1) }
                }
            }
            position -= 1
        }
        return nil
    }

    /// True when `bytes` holds `separator` at `start` (the caller has checked the bounds).
    @inline(__always)
    private static func matches(_ separator: [UInt8], bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for (offset, byte) in separator.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    /// A word of a trimmed segment.
    private struct Word {
        var hash: UInt64
        var length: Int
        var isCapitalized: Bool
        var isNumber: Bool
        var isDomain: Bool
        var isAllCapitals: Bool
    }

    /// The words of a segment: runs of letters, digits and non-ASCII bytes; `.` inside a word makes it a domain.
    private static func wordsOf(_ segment: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < segment.count {
            while index < segment.count && !isWordByte(segment[index]) { index += 1 }
            guard index < segment.count else { break }
            var word = Word(
                hash: FNV1a.offsetBasis,
                length: 0,
                isCapitalized: UTF8Byte.isASCIIUppercase(segment[index]),
                isNumber: true,
                isDomain: false,
                isAllCapitals: true
            )
            var hasDigit = false
            while index < segment.count {
                let byte = segment[index]
                if byte == UInt8(ascii: ".") && index + 1 < segment.count && isWordByte(segment[index + 1])
                    && word.length > 0
                {
                    word.isDomain = true
                    word.hash = FNV1a.adding(byte, to: word.hash)
                    index += 1
                    continue
                }
                guard isWordByte(byte) || (byte == UInt8(ascii: "'") && word.length > 0) else { break }
                if byte != UInt8(ascii: "'") {
                    if UTF8Byte.isASCIIDigit(byte) { hasDigit = true } else { word.isNumber = false }
                    if UTF8Byte.isASCIILowercase(byte) { word.isAllCapitals = false }
                    word.hash = FNV1a.adding(UTF8Byte.lowercasedASCII(byte), to: word.hash)
                    word.length += 1
                }
                index += 1
            }
            word.hash = BoilerplateWordHash.finish(word.hash, hasDigit: hasDigit)
            if word.length > 0 { words.append(word) }
        }
        return words
    }

    /// Letters, digits and non-ASCII bytes.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        UTF8Byte.isASCIIDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }
}
