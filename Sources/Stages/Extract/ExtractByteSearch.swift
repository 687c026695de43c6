/// Substring search over UTF-8 bytes, for the short ASCII patterns the extractor matches.
enum ExtractByteSearch {
    /// `true` when `needle` occurs in `haystack`.
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in contains(haystack, pattern) }
    }

    /// `true` when `pattern` occurs in `haystack`.
    static func contains(_ haystack: ArraySlice<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        guard count > 0 else { return true }
        guard haystack.count >= count else { return false }
        let first = pattern[0]
        var index = haystack.startIndex
        let last = haystack.endIndex - count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < count && haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }
}
