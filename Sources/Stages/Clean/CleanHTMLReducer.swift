import Foundation
import Pipeline

/// Reduces an HTML document to plain text with one paragraph per block, using a byte-level tag scanner.
///
/// ```
///  <html>…<nav>menu</nav><h1>Title</h1><p>One <b>two</b>.</p><footer>©</footer>
///      │  drop nav/header/footer/aside/form/script/style…, with their content
///      │  block tags (p, div, h1–h6, li, br…) → paragraph breaks; inline tags removed
///      ▼  whitespace of the source → spaces (kept in <pre>); comments, doctype removed
///  "Title\n\nOne two."
/// ```
///
/// Character references are left in place for ``UnicodeTextRepairer`` to decode, so nothing is decoded twice.
/// This is a careful scanner, not a parser: attributes with quoted `>` are handled, unknown tags are removed, and
/// unclosed dropped elements drop to the end of the document. Cost is linear in the input.
struct CleanHTMLReducer: Sendable {
    /// The reduced text and how many scalars of markup it removed.
    struct Outcome: Sendable {
        /// UTF-8 text with `\n\n` between blocks.
        var bytes: [UInt8]
        /// Scalars of tags, comments and dropped elements removed.
        var removedScalars: Int
    }

    /// True when the bytes look like an HTML document rather than text with a few stray tags: they start with a
    /// doctype, `<html>`, `<head>` or `<body>`, or contain `<body`/`<html`, or have at least six block tags and
    /// fewer than two blank lines (plain text keeps its paragraphs apart with blank lines).
    static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil else {
            return false
        }
        var index = 0
        let count = bytes.count
        while index < count
            && (bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                || bytes[index] == 0x09 || bytes[index] == 0xEF || bytes[index] == 0xBB || bytes[index] == 0xBF)
        {
            index += 1
        }
        if index < count && bytes[index] == UInt8(ascii: "<") {
            if hasPrefix(bytes, at: index + 1, "!doctype") || hasPrefix(bytes, at: index + 1, "html")
                || hasPrefix(bytes, at: index + 1, "head") || hasPrefix(bytes, at: index + 1, "body")
                || hasPrefix(bytes, at: index + 1, "?xml")
            {
                return true
            }
        }
        var blockTags = 0
        var blankLines = 0
        var position = 0
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") && position + 1 < count {
                if hasPrefix(bytes, at: position + 1, "body") || hasPrefix(bytes, at: position + 1, "html") {
                    return true
                }
                if let tag = CleanMarkupTags.readTag(bytes, at: position, limit: position + 2_000),
                    tag.role == .block || tag.role == .lineBreak
                {
                    blockTags += 1
                    position = tag.end
                    continue
                }
            } else if byte == 0x0A && position + 1 < count {
                var next = position + 1
                while next < count && (bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D) { next += 1 }
                if next < count && bytes[next] == 0x0A { blankLines += 1 }
            }
            position += 1
        }
        return blockTags >= 6 && blankLines < 2
    }

    /// Reduces an HTML document to text.
    /// - Parameter input: the document's UTF-8 bytes.
    /// - Returns: the text and the count of removed scalars.
    func reduce(_ input: UnsafeBufferPointer<UInt8>) -> Outcome {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2)
        var removed = 0
        let count = input.count
        var index = 0
        var droppedName: UInt64 = 0
        var droppedDepth = 0
        var preDepth = 0
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") {
                let markupEnd = endOfMarkup(input, at: index)
                if let markupEnd {
                    removed += UnicodeTextRepairer.countScalars(input, from: index, to: markupEnd)
                    index = markupEnd
                    continue
                }
                if let tag = CleanMarkupTags.readTag(input, at: index, limit: count) {
                    removed += tag.end - index
                    index = tag.end
                    if droppedDepth > 0 {
                        if tag.nameHash == droppedName && !tag.isSelfClosing {
                            droppedDepth += tag.isClosing ? -1 : 1
                        }
                        continue
                    }
                    switch tag.role {
                    case .rawDropped?:
                        if !tag.isClosing && !tag.isSelfClosing {
                            let end = Self.endOfRawText(input, from: tag.end, nameHash: tag.nameHash)
                            removed += UnicodeTextRepairer.countScalars(input, from: index, to: end)
                            index = end
                        }
                    case .dropped?:
                        if !tag.isClosing && !tag.isSelfClosing {
                            droppedName = tag.nameHash
                            droppedDepth = 1
                        }
                    case .block?:
                        if tag.nameHash == CleanMarkupTags.preHash {
                            preDepth = max(0, preDepth + (tag.isClosing ? -1 : 1))
                        }
                        output.append(0x0A)
                        output.append(0x0A)
                    case .lineBreak?:
                        output.append(0x0A)
                    case .inline?, nil:
                        break
                    }
                    continue
                }
            }
            if droppedDepth > 0 {
                if byte & 0xC0 != 0x80 { removed += 1 }
                index += 1
                continue
            }
            if preDepth == 0 && (byte == 0x0A || byte == 0x0D || byte == 0x09) {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return Outcome(bytes: output, removedScalars: removed)
    }

    /// The end of a comment, doctype, processing instruction or CDATA section at `start`, or nil.
    private func endOfMarkup(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = input.count
        guard start + 1 < count else { return nil }
        let next = input[start + 1]
        if next == UInt8(ascii: "!") {
            if Self.hasPrefix(input, at: start + 2, "--") {
                var index = start + 4
                while index + 2 < count {
                    if input[index] == UInt8(ascii: "-") && input[index + 1] == UInt8(ascii: "-")
                        && input[index + 2] == UInt8(ascii: ">")
                    {
                        return index + 3
                    }
                    index += 1
                }
                return count
            }
            var index = start + 2
            while index < count && input[index] != UInt8(ascii: ">") { index += 1 }
            return min(count, index + 1)
        }
        if next == UInt8(ascii: "?") {
            var index = start + 2
            while index < count && input[index] != UInt8(ascii: ">") { index += 1 }
            return min(count, index + 1)
        }
        return nil
    }

    /// The offset after the end tag of a raw-text element (`</script>`), or the end of the input.
    /// - Parameters:
    ///   - input: the text.
    ///   - start: the offset just after the start tag.
    ///   - nameHash: the element name's word hash.
    static func endOfRawText(_ input: UnsafeBufferPointer<UInt8>, from start: Int, nameHash: UInt64) -> Int {
        let count = input.count
        var index = start
        while index + 1 < count {
            if input[index] == UInt8(ascii: "<") && input[index + 1] == UInt8(ascii: "/"),
                let tag = CleanMarkupTags.readTag(input, at: index, limit: min(count, index + 2_000)),
                tag.isClosing && tag.nameHash == nameHash
            {
                return tag.end
            }
            index += 1
        }
        return count
    }

    /// True when the bytes at `index` start with `prefix`, ignoring ASCII case.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return prefix.withUTF8Buffer { expected in
            for offset in 0..<length {
                let byte = bytes[index + offset]
                let lower = UTF8Byte.lowercasedASCII(byte)
                if lower != expected[offset] { return false }
            }
            return true
        }
    }
}
