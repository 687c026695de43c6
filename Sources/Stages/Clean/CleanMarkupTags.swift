import Pipeline

/// Recognition of HTML tag names from bytes, shared by ``CleanHTMLReducer`` and the stray-tag pass of
/// ``UnicodeTextRepairer``.
enum CleanMarkupTags {
    /// What a tag does to the text around it.
    enum Role: Sendable, Equatable {
        /// Inline markup (`<b>`, `<a>`, `<span>`): removed, the text around it joins.
        case inline
        /// A line break (`<br>`).
        case lineBreak
        /// A block (`<p>`, `<div>`, `<h2>`, `<li>`): its boundaries are paragraph breaks.
        case block
        /// An element whose content is not article text (`<nav>`, `<footer>`, `<form>`): dropped with its content.
        case dropped
        /// An element whose content is raw text to drop (`<script>`, `<style>`): skipped to its end tag.
        case rawDropped
    }

    /// Roles of the known tag names, keyed by the name's word hash.
    private static let roles: [UInt64: Role] = {
        var table: [UInt64: Role] = [:]
        let inline = """
            a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark q s samp small span strike strong \
            sub sup time tt u var wbr picture source track label center
            """
        let block = """
            p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody tfoot caption blockquote section \
            article main pre hr address details summary body html fieldset legend
            """
        let dropped = """
            nav header footer aside form svg math iframe object embed select button figure figcaption head menu \
            dialog canvas map video audio input meta link base
            """
        for name in inline.split(separator: " ") { table[BoilerplateWordHash.hash(String(name))] = .inline }
        for name in block.split(separator: " ") { table[BoilerplateWordHash.hash(String(name))] = .block }
        for name in dropped.split(separator: " ") { table[BoilerplateWordHash.hash(String(name))] = .dropped }
        table[BoilerplateWordHash.hash("br")] = .lineBreak
        for name in ["script", "style", "noscript", "template", "textarea", "title", "xmp"] {
            table[BoilerplateWordHash.hash(name)] = .rawDropped
        }
        return table
    }()

    /// Names of void elements, which have no end tag and so never start a dropped region.
    private static let voidNames = BoilerplateWordHash.set("meta link base input img br hr source track wbr embed")

    /// A tag read from the bytes at a `<`.
    struct Tag: Sendable {
        /// The lowercased name's word hash.
        var nameHash: UInt64
        /// True for `</name>`.
        var isClosing: Bool
        /// True for `<name/>` or a void element.
        var isSelfClosing: Bool
        /// The byte offset just past the closing `>`.
        var end: Int
        /// The tag's role, or nil for an unknown name.
        var role: Role?
    }

    /// Reads a tag starting at `start` (which holds `<`).
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - start: offset of the `<`.
    ///   - limit: the furthest the closing `>` may be; a tag reaching past it is not a tag.
    /// - Returns: the tag, or nil when the bytes at `start` are not a tag (`a < b`, `<3`).
    static func readTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> Tag? {
        let count = min(bytes.count, limit)
        var index = start + 1
        guard index < count else { return nil }
        var closing = false
        if bytes[index] == UInt8(ascii: "/") {
            closing = true
            index += 1
        }
        guard index < count, UTF8Byte.isASCIILetter(bytes[index]) else { return nil }
        var hash = FNV1a.offsetBasis
        var hasDigit = false
        while index < count
            && (UTF8Byte.isASCIILetter(bytes[index]) || UTF8Byte.isASCIIDigit(bytes[index])
                || bytes[index] == UInt8(ascii: "-"))
        {
            let lower = bytes[index] | (UTF8Byte.isASCIILetter(bytes[index]) ? 0x20 : 0)
            if UTF8Byte.isASCIIDigit(lower) { hasDigit = true }
            hash = FNV1a.adding(lower, to: hash)
            index += 1
        }
        guard index < count else { return nil }
        let next = bytes[index]
        guard
            next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x20 || next == 0x0A || next == 0x09
                || next == 0x0D
        else { return nil }
        let nameHash = BoilerplateWordHash.finish(hash, hasDigit: hasDigit)
        // Find the closing '>' outside quoted attribute values.
        var quote: UInt8 = 0
        var selfClosing = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                // Stopping at the next '<' even inside quotes keeps every scan bounded by the next tag.
                return nil
            } else if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                selfClosing = bytes[index - 1] == UInt8(ascii: "/")
                let role = roles[nameHash]
                return Tag(
                    nameHash: nameHash,
                    isClosing: closing,
                    isSelfClosing: selfClosing || voidNames.contains(nameHash),
                    end: index + 1,
                    role: role
                )
            }
            index += 1
        }
        return nil
    }

    /// The hash of `br`, the one tag that is a single line break.
    static let lineBreakHash = BoilerplateWordHash.hash("br")
    /// The hash of `pre`, inside which line breaks of the source are kept.
    static let preHash = BoilerplateWordHash.hash("pre")
}
