import Foundation

/// Removes pull quotes: a short line whose words repeat, in order, inside a nearby paragraph of the article.
///
/// ```
///  prose … "It's a cheaper method for people who do want to get pregnant," she said. …
///  “It’s a cheaper method for people who do want to get pregnant.”   ◀── pull quote (caption kind)
///  prose …
/// ```
///
/// A magazine layout sets a sentence of the text apart in large type; a scraper keeps it as a line of its own.
/// The rule reads only the shape: one sentence or two of six words or more and at most 220 characters (a
/// paragraph the scraper repeated is longer), all of them found consecutively in a longer kept line at most
/// ``window`` lines away. The headline is never judged (a body that repeats it is the `title` rule's business),
/// and a line in straight or curly single quotes is left alone: that is how a subheading quotes a speaker.
enum PullQuoteRule {
    /// How many lines above and below a pull quote its source paragraph may be.
    static let window = 8
    /// The fewest words a pull quote has: shorter repeats are names and phrases, not quotations.
    static let minimumWords = 6

    /// Marks pull quotes `.captions`.
    /// - Parameters:
    ///   - lines: the document's lines.
    ///   - headline: the headline's index.
    ///   - verdicts: the verdicts so far, updated in place.
    ///   - hashes: the document's word hashes (short lines).
    ///   - bytes: the document's bytes.
    static func apply(
        _ lines: [ArticleLineFacts],
        headline: Int,
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        guard let base = bytes.baseAddress else { return }
        for index in (headline + 1)..<max(headline + 1, lines.count) where verdicts[index] == nil {
            let line = lines[index]
            guard !line.isLong, line.wordCount >= minimumWords, line.scalarCount <= 220, line.sentenceBreaks <= 1,
                !opensWithSingleQuote(line, bytes: bytes), let probe = probe(line, bytes: bytes)
            else {
                continue
            }
            let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
            let lower = max(headline + 1, index - window)
            let upper = min(lines.count - 1, index + window)
            for other in lower...upper where other != index && verdicts[other] == nil {
                let candidate = lines[other]
                guard candidate.isLong || candidate.wordCount > line.wordCount,
                    occurs(base + probe.lowerBound, probe.count, in: base + candidate.start, candidate.byteCount)
                else { continue }
                // The probe's bytes are there: compare the whole line word by word.
                let found: Bool
                if candidate.isLong {
                    let candidateWords = BoilerplateWordHash.leadingWords(
                        bytes,
                        from: candidate.start,
                        to: candidate.end,
                        limit: Int.max
                    )
                    found = contains(candidateWords, words)
                } else {
                    found = contains(hashes[candidate.wordStart..<(candidate.wordStart + candidate.wordCount)], words)
                }
                if found {
                    verdicts[index] = .captions
                    break
                }
            }
        }
    }

    /// The bytes from the line's second word to the end of its fifth: present, byte for byte, in any line that
    /// repeats the line (the first word may change case or lose a quotation mark), and cheap to look for.
    private static func probe(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = line.start
        while index < line.end && bytes[index] != 0x20 { index += 1 }
        let start = index + 1
        var spaces = 0
        index = start
        while index < line.end {
            if bytes[index] == 0x20 {
                spaces += 1
                if spaces == 4 { break }
            }
            index += 1
        }
        guard spaces == 4, index - start >= 8 else { return nil }
        return start..<index
    }

    /// True when the `count` bytes at `needle` occur in the `length` bytes at `haystack` (memchr for the first byte,
    /// memcmp for the rest).
    private static func occurs(
        _ needle: UnsafePointer<UInt8>,
        _ count: Int,
        in haystack: UnsafePointer<UInt8>,
        _ length: Int
    ) -> Bool {
        var offset = 0
        let first = Int32(needle[0])
        while length - offset >= count {
            guard let found = memchr(haystack + offset, first, length - offset - count + 1) else { return false }
            let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(position, needle, count) == 0 { return true }
            offset = position - haystack + 1
        }
        return false
    }

    /// True when `needle` occurs consecutively in `haystack`.
    private static func contains<Haystack: RandomAccessCollection<UInt64>>(
        _ haystack: Haystack,
        _ needle: UnsafeBufferPointer<UInt64>
    ) -> Bool where Haystack.Index == Int {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// True when the line opens with `'` or `‘`.
    private static func opensWithSingleQuote(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[line.start]
        if first == UInt8(ascii: "'") { return true }
        return first == 0xE2 && line.byteCount >= 3 && bytes[line.start + 1] == 0x80 && bytes[line.start + 2] == 0x98
    }
}
