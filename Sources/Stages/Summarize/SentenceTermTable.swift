import Pipeline

/// The content words of an article's sentences, as per-article term ids with counts.
///
/// Words are maximal runs of ASCII letters and digits or non-ASCII letters (general punctuation such as `’`, `“`
/// and Latin-1 symbols such as `£` separate words), ASCII-lowercased. Single-character words and English stop words
/// are dropped, and a light plural stemmer removes a final `s` from ASCII words longer than three bytes (`profits`
/// → `profit`, but not `business`). Each distinct stem gets a dense id for this article.
///
/// # Thread safety
/// A value built per article; no shared mutable state.
struct SentenceTermTable: Sendable {
    /// For sentence `i`, its distinct term ids (ascending) are `termIDs[offsets[i]..<offsets[i + 1]]`.
    private(set) var termIDs: [Int32] = []
    /// The number of times each entry of `termIDs` occurs in its sentence.
    private(set) var termCounts: [Int32] = []
    /// Sentence boundaries in `termIDs`; `offsets.count == sentenceCount + 1`.
    private(set) var offsets: [Int] = [0]
    /// The number of content words (with repeats) of each sentence.
    private(set) var contentWordCounts: [Int] = []
    /// For each term id, the number of sentences containing it.
    private(set) var documentFrequency: [Int32] = []
    /// For each term id, its number of occurrences in all sentences.
    private(set) var totalFrequency: [Int32] = []
    /// The distinct term ids of the headline (ascending); terms seen only in the headline are included.
    private(set) var headlineTermIDs: [Int32] = []

    /// The number of sentences in the table.
    var sentenceCount: Int { offsets.count - 1 }
    /// The number of distinct terms.
    var termCount: Int { documentFrequency.count }

    /// Builds the table for the given byte ranges of `bytes`.
    /// - Parameters:
    ///   - bytes: The article's UTF-8 bytes.
    ///   - sentences: The byte ranges of the sentences to index.
    ///   - headline: The byte range of the headline, if any.
    init(bytes: UnsafeBufferPointer<UInt8>, sentences: ArraySlice<Range<Int>>, headline: Range<Int>?) {
        var dictionary = HashedWordIDs(expectedCount: min(4_096, sentences.count * 12 + 16))
        let stopWords = NewsStopWords.hashes
        let longestStopWord = NewsStopWords.longestWord
        var scratch: [Int32] = []
        scratch.reserveCapacity(64)
        termIDs.reserveCapacity(sentences.count * 14)
        termCounts.reserveCapacity(sentences.count * 14)
        offsets.reserveCapacity(sentences.count + 1)
        contentWordCounts.reserveCapacity(sentences.count)
        for range in sentences {
            scratch.removeAll(keepingCapacity: true)
            collectTerms(
                bytes,
                range,
                stopWords: stopWords,
                longestStopWord: longestStopWord,
                dictionary: &dictionary,
                into: &scratch
            )
            contentWordCounts.append(scratch.count)
            scratch.sort()
            var index = 0
            while index < scratch.count {
                let id = scratch[index]
                var run = index + 1
                while run < scratch.count, scratch[run] == id { run += 1 }
                termIDs.append(id)
                termCounts.append(Int32(run - index))
                documentFrequency[Int(id)] += 1
                totalFrequency[Int(id)] += Int32(run - index)
                index = run
            }
            offsets.append(termIDs.count)
        }
        if let headline {
            scratch.removeAll(keepingCapacity: true)
            collectTerms(
                bytes,
                headline,
                stopWords: stopWords,
                longestStopWord: longestStopWord,
                dictionary: &dictionary,
                into: &scratch
            )
            scratch.sort()
            var last: Int32 = -1
            for id in scratch where id != last {
                headlineTermIDs.append(id)
                last = id
            }
        }
    }

    /// The distinct term ids of sentence `sentence`.
    func terms(of sentence: Int) -> ArraySlice<Int32> {
        termIDs[offsets[sentence]..<offsets[sentence + 1]]
    }

    /// Appends the term ids of the content words in `range` to `ids`, assigning new ids as needed.
    private mutating func collectTerms(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        stopWords: HashedWordSet,
        longestStopWord: Int,
        dictionary: inout HashedWordIDs,
        into ids: inout [Int32]
    ) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            let width = Self.wordByteWidth(bytes, index, end)
            if width == 0 {
                index += byte < 0x80 ? 1 : UTF8Byte.sequenceLength(lead: byte)
                continue
            }
            // A word: hash its lowercased bytes, remembering the hash before the last byte for stemming.
            var hash = FNV1a.offsetBasis
            var previousHash = hash
            var ascii = true
            var cursor = index
            while cursor < end {
                let asciiByte = bytes[cursor]
                if asciiByte < 0x80 {
                    // Fast path for the commonest word byte, ASCII: one byte wide, a letter or a digit or the end.
                    guard UTF8Byte.isASCIIAlphanumeric(asciiByte) else { break }
                    previousHash = hash
                    hash = FNV1a.adding(UTF8Byte.lowercasedASCII(asciiByte), to: hash)
                    cursor &+= 1
                    continue
                }
                let w = Self.wordByteWidth(bytes, cursor, end)
                if w == 0 { break }
                for offset in 0..<w {
                    let b = bytes[cursor + offset]
                    if b >= 0x80 { ascii = false }
                    previousHash = hash
                    hash = FNV1a.adding(UTF8Byte.lowercasedASCII(b), to: hash)
                }
                cursor += w
            }
            let length = cursor - index
            index = cursor
            if length < 2 || length > 64 { continue }
            if length <= longestStopWord && stopWords.contains(hash) { continue }
            if ascii && length > 3 && UTF8Byte.lowercasedASCII(bytes[cursor - 1]) == 0x73 {
                let secondLast = UTF8Byte.lowercasedASCII(bytes[cursor - 2])
                if secondLast != 0x73 && secondLast != 0x75 && secondLast != 0x69 {
                    hash = previousHash  // plural 's' (not -ss, -us, -is)
                }
            }
            let (id, isNew) = dictionary.id(for: hash)
            if isNew {
                documentFrequency.append(0)
                totalFrequency.append(0)
            }
            ids.append(id)
        }
    }

    /// The width of the word character at `index`, or 0 when it is not part of a word.
    @inline(__always)
    private static func wordByteWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return UTF8Byte.isASCIIAlphanumeric(byte) ? 1 : 0
        }
        if byte < 0xC2 { return 0 }  // stray continuation or invalid byte
        if byte == 0xC2 { return 0 }  // Latin-1 punctuation and symbols: NBSP, £, «, », ·
        if byte == 0xE2 && index + 1 < end && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81) { return 0 }
        let width = UTF8Byte.sequenceLength(lead: byte)
        return index + width <= end ? width : 0
    }
}
