import Foundation
import Pipeline

/// The placeholder that e-mail obfuscation leaves in scraped text: `[email protected]` (also with a no-break space
/// or an underscore between the words).
enum PlaceholderEmail {
    /// The longest gap between `[email` and `protected]`, in bytes.
    private static let longestGap = 6
    /// The opening of the placeholder.
    private static let open: [UInt8] = Array("[email".utf8)
    /// The close of the placeholder.
    private static let close: [UInt8] = Array("protected]".utf8)

    /// Finds the first placeholder in `bytes[start..<end]`.
    /// - Returns: the placeholder's byte range, or nil.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Range<Int>? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + open.count + close.count <= end {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "[")), end - index) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(open, in: bytes, at: index, end: end) {
                let afterOpen = index + open.count
                var gap = 0
                while gap <= longestGap && afterOpen + gap + close.count <= end {
                    if matches(close, in: bytes, at: afterOpen + gap, end: end) {
                        return index..<(afterOpen + gap + close.count)
                    }
                    gap += 1
                }
            }
            index += 1
        }
        return nil
    }

    /// True when `pattern` occurs at `index`, ignoring ASCII case.
    @inline(__always)
    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int)
        -> Bool
    {
        guard index + pattern.count <= end else { return false }
        for offset in 0..<pattern.count {
            let byte = bytes[index + offset]
            let lower = UTF8Byte.lowercasedASCII(byte)
            if lower != pattern[offset] { return false }
        }
        return true
    }
}
