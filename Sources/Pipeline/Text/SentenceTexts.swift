/// Decodes sentence byte ranges into output text, normalising whitespace.
///
/// A sentence is emitted as written, except that every run of whitespace containing a line break or tab becomes a
/// single space (a sentence spanning a hard-wrapped line reads as one line). Invalid UTF-8 becomes U+FFFD.
public struct SentenceTexts {
    /// The article's bytes (valid only while the caller holds them).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The sentences' byte ranges.
    public let ranges: [Range<Int>]

    /// Creates the texts of `ranges` in `bytes`.
    /// - Parameters:
    ///   - bytes: UTF-8 text, valid while this value is used.
    ///   - ranges: The sentences' byte ranges.
    public init(bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) {
        self.bytes = bytes
        self.ranges = ranges
    }

    /// The normalised text of sentence `index`.
    /// - Parameter index: A sentence index.
    /// - Returns: The sentence text.
    public func text(_ index: Int) -> String {
        let range = ranges[index]
        var needsNormalising = false
        for position in range where bytes[position] != 0x20 && UTF8Byte.isASCIIWhitespace(bytes[position]) {
            needsNormalising = true
            break
        }
        if !needsNormalising { return SentenceSplitter.string(bytes, range) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            if UTF8Byte.isASCIIWhitespace(byte) {
                var end = position
                var hasBreak = false
                while end < range.upperBound, UTF8Byte.isASCIIWhitespace(bytes[end]) {
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
    /// - Parameter index: A sentence index.
    /// - Returns: The number of scalars.
    public func scalarCount(_ index: Int) -> Int {
        text(index).unicodeScalars.count
    }
}
