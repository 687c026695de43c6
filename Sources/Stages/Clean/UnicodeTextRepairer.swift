/// One pass over UTF-8 bytes that repairs characters and, in plain text, removes stray markup.
///
/// In order of appearance in a byte stream it:
/// - turns CRLF, lone CR, NEL and U+2028 into `\n` (U+2029 into a blank line);
/// - collapses runs of spaces, tabs and other spaces into one space and trims every line (a single no-break or other
///   special space between two words is kept as it is);
/// - with `repairsUnicode`: removes control characters (NUL included) and zero-width characters (ZWSP, word joiner,
///   BOM, soft hyphen; ZWNJ/ZWJ only after ASCII, where they cannot join a script or an emoji), and repairs
///   UTF-8-read-as-Windows-1252 mojibake (see ``Windows1252Mojibake``);
/// - with `decodesEntities`: decodes named, decimal and hexadecimal character references;
/// - with `stripsTags`: removes tags of known HTML elements, comments, and the content of `<script>`/`<style>`;
///   block tags become paragraph breaks.
///
/// Work is linear in the input: every look-ahead is bounded, and a skipped region is never scanned again.
struct UnicodeTextRepairer: Sendable {
    /// Run the `unicode` group's repairs (controls, zero-width characters, mojibake).
    var repairsUnicode: Bool
    /// Decode character references.
    var decodesEntities: Bool
    /// Remove stray tags and comments from plain text.
    var stripsTags: Bool
    /// Replace curly quotes, dashes and the ellipsis by ASCII.
    var normalizesPunctuation: Bool

    /// The furthest a stray tag's `>` may be from its `<`, in bytes.
    static let strayTagLimit = 2_000
    /// The furthest the end of a stray comment may be from its start, in bytes.
    static let strayCommentLimit = 100_000

    /// The repaired text and what was removed.
    struct Outcome: Sendable {
        /// The repaired UTF-8 bytes.
        var bytes: [UInt8]
        /// Scalars removed or merged by the `unicode` group (controls, zero-width, mojibake, spaces).
        var unicodeRemoved: Int
        /// Scalars removed by the `markup` group (tags, comments, entity syntax).
        var markupRemoved: Int
        /// True when the text has a `[` (placeholder e-mails and bracket markers need one).
        var hasBracket: Bool
        /// True when some scalar may change under NFC, so the caller must normalise.
        var needsCanonicalComposition: Bool
    }

    /// Repairs a UTF-8 buffer.
    /// - Parameter input: well-formed UTF-8 (invalid bytes become U+FFFD).
    /// - Returns: the repaired bytes and the removal counts.
    func repair(_ input: UnsafeBufferPointer<UInt8>) -> Outcome {
        var writer = RepairedTextWriter(capacity: input.count)
        var unicodeRemoved = 0
        var markupRemoved = 0
        let count = input.count
        var index = 0
        while index < count {
            let byte = input[index]
            if Self.isPlain(byte) {
                // Fast path: a run of plain ASCII with single spaces between words is copied in one append.
                var end = index + 1
                while end < count {
                    let next = input[end]
                    if Self.isPlain(next) {
                        end += 1
                    } else if next == 0x20 && end + 1 < count && Self.isPlain(input[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                writer.writeASCIIRun(UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
                continue
            }
            if byte == UInt8(ascii: "[") {
                writer.noteBracket()
                writer.writeASCII(byte)
                index += 1
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x0B, 0x0C:
                    writer.writeSpace(0x20)
                    index += 1
                case 0x0A:
                    writer.writeNewline()
                    index += 1
                case 0x0D:
                    writer.writeNewline()
                    index += (index + 1 < count && input[index + 1] == 0x0A) ? 2 : 1
                case UInt8(ascii: "<"):
                    if stripsTags, let skipped = skipStrayMarkup(input, at: index, writer: &writer) {
                        markupRemoved += skipped.removedScalars
                        index = skipped.end
                    } else {
                        writer.writeASCII(byte)
                        index += 1
                    }
                case UInt8(ascii: "&"):
                    if decodesEntities, let entity = CleanEntityTable.decode(input, at: index) {
                        markupRemoved += entity.length - 1
                        unicodeRemoved += write(scalar: entity.scalar, to: &writer)
                        index += entity.length
                    } else {
                        writer.writeASCII(byte)
                        index += 1
                    }
                default:
                    // C0 controls and DEL.
                    if repairsUnicode {
                        unicodeRemoved += 1
                    } else {
                        writer.writeASCII(byte)
                    }
                    index += 1
                }
                continue
            }
            let (scalar, length) = Self.decodeScalar(input, at: index)
            if repairsUnicode, let repaired = repairMojibake(input, at: index, lead: scalar) {
                unicodeRemoved += repaired.mergedScalars
                unicodeRemoved += write(scalar: repaired.scalar, to: &writer)
                index = repaired.end
                continue
            }
            unicodeRemoved += write(scalar: scalar, to: &writer)
            index += length
        }
        writer.finish()
        unicodeRemoved += writer.removedSpaces
        return Outcome(
            bytes: writer.bytes,
            unicodeRemoved: unicodeRemoved,
            markupRemoved: markupRemoved,
            hasBracket: writer.sawBracket,
            needsCanonicalComposition: writer.needsCanonicalComposition
        )
    }

    /// True for a visible ASCII byte that needs no work: not a space, control, `<`, `&` or `[`.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&")
            && byte != UInt8(ascii: "[")
    }

    /// Writes one non-markup scalar, applying the Unicode repairs.
    /// - Returns: the number of scalars removed (0 or 1).
    @inline(__always)
    private func write(scalar: UInt32, to writer: inout RepairedTextWriter) -> Int {
        if scalar < 0x80 {
            switch scalar {
            case 0x20, 0x09, 0x0B, 0x0C:
                writer.writeSpace(0x20)
            case 0x0A, 0x0D:
                writer.writeNewline()
            case 0x00...0x1F, 0x7F:
                if repairsUnicode { return 1 }
                writer.writeASCII(UInt8(scalar))
            default:
                writer.writeASCII(UInt8(scalar))
            }
            return 0
        }
        if repairsUnicode {
            switch scalar {
            case 0x85:
                writer.writeNewline()
                return 0
            case 0x80...0x9F, 0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E:
                return 1
            case 0x200C, 0x200D:
                if writer.lastWasASCII { return 1 }
            case 0x2028:
                writer.writeNewline()
                return 0
            case 0x2029:
                writer.writeNewline()
                writer.writeNewline()
                return 0
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                writer.writeSpace(scalar)
                return 0
            default:
                break
            }
        }
        if normalizesPunctuation, let replacement = Self.asciiPunctuation(for: scalar) {
            for byte in replacement.utf8 { writer.writeASCII(byte) }
            return 0
        }
        writer.writeScalar(scalar)
        return 0
    }

    /// Tries to repair a mojibake sequence whose first character is `lead`.
    /// - Returns: the repaired scalar, the offset after the sequence and how many scalars were merged away.
    private func repairMojibake(
        _ input: UnsafeBufferPointer<UInt8>,
        at start: Int,
        lead: UInt32
    ) -> (scalar: UInt32, end: Int, mergedScalars: Int)? {
        let length = Windows1252Mojibake.sequenceLength(forLead: lead)
        guard length > 0 else { return nil }
        let leadByte = UInt8(lead)
        var value: UInt32
        switch length {
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        var index = start + 2  // A lead character U+00C2...U+00F4 takes two bytes.
        for position in 1..<length {
            guard index < input.count else { return nil }
            let (scalar, scalarLength) = Self.decodeScalar(input, at: index)
            guard let byte = Windows1252Mojibake.continuationByte(for: scalar) else { return nil }
            if position == 1 && !Windows1252Mojibake.isValidSecond(byte, afterLead: leadByte) { return nil }
            value = (value << 6) | UInt32(byte & 0x3F)
            index += scalarLength
        }
        return (value, index, length - 1)
    }

    /// Skips a stray tag or comment at `start`, writing the paragraph break a block tag stands for.
    /// - Returns: the offset after the skipped markup and the scalars removed, or nil to keep the `<`.
    private func skipStrayMarkup(
        _ input: UnsafeBufferPointer<UInt8>,
        at start: Int,
        writer: inout RepairedTextWriter
    ) -> (end: Int, removedScalars: Int)? {
        let count = input.count
        if start + 3 < count && input[start + 1] == UInt8(ascii: "!") && input[start + 2] == UInt8(ascii: "-")
            && input[start + 3] == UInt8(ascii: "-")
        {
            let limit = min(count, start + Self.strayCommentLimit)
            var index = start + 4
            while index + 2 < limit {
                if input[index] == UInt8(ascii: "-") && input[index + 1] == UInt8(ascii: "-")
                    && input[index + 2] == UInt8(ascii: ">")
                {
                    return (index + 3, Self.countScalars(input, from: start, to: index + 3))
                }
                index += 1
            }
            return nil
        }
        guard let tag = CleanMarkupTags.readTag(input, at: start, limit: start + Self.strayTagLimit),
            let role = tag.role
        else { return nil }
        switch role {
        case .inline, .dropped:
            return (tag.end, tag.end - start)
        case .lineBreak:
            writer.writeNewline()
            return (tag.end, tag.end - start)
        case .block:
            writer.writeNewline()
            writer.writeNewline()
            return (tag.end, tag.end - start)
        case .rawDropped:
            guard !tag.isClosing, !tag.isSelfClosing else { return (tag.end, tag.end - start) }
            let end = CleanHTMLReducer.endOfRawText(input, from: tag.end, nameHash: tag.nameHash)
            return (end, Self.countScalars(input, from: start, to: end))
        }
    }

    /// Decodes the UTF-8 scalar at `index`; an invalid or truncated sequence decodes as U+FFFD of length 1.
    @inline(__always)
    static func decodeScalar(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = input[index]
        let count = input.count
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead >= 0xC2 && lead <= 0xDF && index + 1 < count && input[index + 1] & 0xC0 == 0x80 {
            return ((UInt32(lead & 0x1F) << 6) | UInt32(input[index + 1] & 0x3F), 2)
        }
        if lead >= 0xE0 && lead <= 0xEF && index + 2 < count && input[index + 1] & 0xC0 == 0x80
            && input[index + 2] & 0xC0 == 0x80
        {
            let value =
                (UInt32(lead & 0x0F) << 12) | (UInt32(input[index + 1] & 0x3F) << 6)
                | UInt32(input[index + 2] & 0x3F)
            return (value, 3)
        }
        if lead >= 0xF0 && lead <= 0xF4 && index + 3 < count && input[index + 1] & 0xC0 == 0x80
            && input[index + 2] & 0xC0 == 0x80 && input[index + 3] & 0xC0 == 0x80
        {
            let value =
                (UInt32(lead & 0x07) << 18) | (UInt32(input[index + 1] & 0x3F) << 12)
                | (UInt32(input[index + 2] & 0x3F) << 6) | UInt32(input[index + 3] & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }

    /// Counts the scalars (non-continuation bytes) of a byte range.
    static func countScalars(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var scalars = 0
        var index = start
        while index < end {
            if input[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars
    }

    /// The ASCII replacement of typographic punctuation, or nil.
    static func asciiPunctuation(for scalar: UInt32) -> String? {
        switch scalar {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return "-"
        case 0x2026: return "..."
        default: return nil
        }
    }
}
