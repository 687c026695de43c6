/// Character classes on UTF-8 bytes, for scanners that work on `String.utf8` without decoding characters.
///
/// The single-byte tests look at ASCII only: a byte of a multi-byte sequence (`0x80` and up) is never an ASCII
/// letter, digit or space. The `…Length(_:at:)` tests recognise a few multi-byte characters and return how many
/// bytes they span, so a scanner can step over them.
///
/// ```
/// "Mr. Kang’s 2 cars".utf8                 UTF8Byte
///  M  -> isASCIIUppercase                   lowercasedASCII(M) == m
///  2  -> isASCIIDigit
///  ’  -> 3 bytes, each isWordByte          (non-ASCII bytes count as word bytes)
/// ```
///
/// Every function is `@inlinable`: in a per-byte loop it costs what a hand-written comparison costs.
///
/// # Thread safety
/// Pure functions of their arguments; call them from any task.
public enum UTF8Byte {
    /// Whether `byte` is an ASCII digit, `0`–`9`.
    @inlinable @inline(__always)
    public static func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Whether `byte` is an ASCII capital, `A`–`Z`.
    @inlinable @inline(__always)
    public static func isASCIIUppercase(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// Whether `byte` is an ASCII small letter, `a`–`z`.
    @inlinable @inline(__always)
    public static func isASCIILowercase(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    /// Whether `byte` is an ASCII letter, `A`–`Z` or `a`–`z`.
    @inlinable @inline(__always)
    public static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Whether `byte` is an ASCII letter or digit.
    @inlinable @inline(__always)
    public static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || isASCIIDigit(byte) }

    /// Whether `byte` belongs to a word as the summarizer and the sentence splitter see one: an ASCII letter or digit,
    /// or any byte of a multi-byte character (accented and non-Latin letters).
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || isASCIIAlphanumeric(byte) }

    /// `byte` with ASCII `A`–`Z` mapped to `a`–`z`; every other byte unchanged.
    @inlinable @inline(__always)
    public static func lowercasedASCII(_ byte: UInt8) -> UInt8 { isASCIIUppercase(byte) ? byte | 0x20 : byte }

    /// Whether `byte` is ASCII whitespace: space, tab, line feed, vertical tab, form feed or carriage return.
    @inlinable @inline(__always)
    public static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// Whether `byte` is whitespace as HTML collapses it: space, tab, line feed, form feed or carriage return (not the
    /// vertical tab).
    @inlinable @inline(__always)
    public static func isHTMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Whether `byte` continues a multi-byte UTF-8 sequence (`10xxxxxx`), so it does not start a character.
    @inlinable @inline(__always)
    public static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The length of the UTF-8 sequence that a lead byte starts: 2, 3 or 4, or 1 for ASCII and for bytes that cannot
    /// lead a valid sequence (continuation bytes, `0xC0`, `0xC1`, `0xF5` and up).
    @inlinable @inline(__always)
    public static func sequenceLength(lead byte: UInt8) -> Int {
        if byte >= 0xF0 { return byte <= 0xF4 ? 4 : 1 }
        if byte >= 0xE0 { return 3 }
        if byte >= 0xC2 { return 2 }
        return 1
    }

    /// The length of the whitespace character at `index`, or 0: ASCII whitespace (1 byte), the no-break space U+00A0
    /// (2), the spaces U+2000–U+200B, the line and paragraph separators U+2028/U+2029, the narrow no-break space
    /// U+202F and the ideographic space U+3000 (3 each).
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - index: A valid index into `bytes`.
    /// - Returns: The character's length in bytes, or 0 when it is not whitespace.
    @inlinable @inline(__always)
    public static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if isASCIIWhitespace(byte) { return 1 }
        if byte < 0xC2 { return 0 }
        if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
            if third <= 0x8B || third == 0xAF || third == 0xA8 || third == 0xA9 { return 3 }
        }
        if byte == 0xE3 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 { return 3 }
        return 0
    }

    /// The length of a space inside a line at `index`, or 0: a space or a tab (1 byte) or a no-break space (2).
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - index: A valid index into `bytes`.
    /// - Returns: The space's length in bytes, or 0.
    @inlinable @inline(__always)
    public static func inlineSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 { return 2 }
        return 0
    }
}
