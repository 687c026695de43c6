/// Decodes sentence byte ranges into output text, normalising whitespace.
///
/// A sentence is emitted as written, except that every run of whitespace containing a line break or tab becomes a
/// single space (a sentence spanning a hard-wrapped line reads as one line). Invalid UTF-8 becomes U+FFFD.
struct SentenceTexts {
    /// The article's bytes (valid only during ``NewsSummarizer/summarize(bytes:)``).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The sentences' byte ranges.
    let ranges: [Range<Int>]

    /// The normalised text of sentence `index`.
    func text(_ index: Int) -> String {
        let range = ranges[index]
        var needsNormalising = false
        for position in range where bytes[position] != 0x20 && NewsSentenceSplitter.isSpace(bytes[position]) {
            needsNormalising = true
            break
        }
        if !needsNormalising { return NewsSentenceSplitter.string(bytes, range) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            if NewsSentenceSplitter.isSpace(byte) {
                var end = position
                var hasBreak = false
                while end < range.upperBound, NewsSentenceSplitter.isSpace(bytes[end]) {
                    if bytes[end] != 0x20 { hasBreak = true }
                    end += 1
                }
                if hasBreak {
                    output.append(0x20)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
                }
                position = end
            } else {
                output.append(byte)
                position += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The number of Unicode scalars in the normalised text of sentence `index`.
    func scalarCount(_ index: Int) -> Int {
        text(index).unicodeScalars.count
    }
}
