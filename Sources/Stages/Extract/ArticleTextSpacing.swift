import Pipeline

/// Whitespace handling shared by the extractor: collapsing runs (bytes are classified by ``UTF8Byte``).
enum ArticleTextSpacing {
    /// The text without leading and trailing whitespace, with inner whitespace runs (including no-break spaces)
    /// collapsed to one space.
    static func collapsed(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if UTF8Byte.isHTMLWhitespace(byte) {
                pendingSpace = !out.isEmpty
            } else if previous == 0xC2 && byte == 0xA0 {
                out.removeLast()
                if out.last == 0x20 { out.removeLast() }
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }
}
