import Pipeline

/// Normalises text and splits it into hashed words, on UTF-8 bytes, without allocating a `String` per word.
///
/// The normalisation, applied before shingling and before the exact-duplicate hash:
/// - A word is a maximal run of word characters: ASCII letters and digits, and every non-ASCII character that is not
///   listed below as a separator (accented and non-Latin letters, CJK ideographs, ...).
/// - Separators: every other ASCII byte (whitespace, punctuation, symbols, controls), and the non-ASCII punctuation
///   and symbol blocks: U+0080–U+00BF (no-break space, `£`, `©`, `«`, `»`, ...), `×`, `÷`, General Punctuation
///   U+2000–U+206F (curly quotes, dashes, ellipsis, special spaces), currency symbols, arrows, mathematical and
///   technical symbols, box drawing, shapes, dingbats, CJK and full-width punctuation, the byte-order mark, the
///   replacement character and emoji. So `BA’s` and `BA's` both give the words `ba` and `s`, and straight and curly
///   quotes or dashes vanish alike.
/// - Case folding: ASCII, Latin-1 (`À`–`Þ`), basic Greek and basic Cyrillic capitals are lower-cased; other scripts
///   are compared as written. No Unicode normalisation (NFC/NFD) is applied.
///
/// Each word is hashed with FNV-1a 64 over its folded UTF-8 bytes and then mixed (``DedupeHash/mix(_:)``). The
/// exact-duplicate hash is FNV-1a 64 of the normalised text: the folded words joined by single spaces.
///
/// The scan is a single pass over the bytes: linear in the text length, whatever its shape (one 5 MB word or
/// 100,000 one-character lines).
struct DedupeTextScanner: Sendable {
    /// The words of one text and its exact-duplicate hash.
    struct ScannedText: Sendable {
        /// The mixed 64-bit hash of every word, in text order.
        var wordHashes: [UInt64]
        /// FNV-1a 64 of the normalised text (folded words joined by single spaces).
        var exactHash: UInt64
    }

    /// Scans a text into word hashes and its exact-duplicate hash.
    ///
    /// - Parameter text: The document text.
    /// - Returns: The word hashes (empty when the text has no word character) and the exact hash.
    static func scan(_ text: String) -> ScannedText {
        var text = text
        return text.withUTF8 { scan(bytes: $0) }
    }

    /// Scans UTF-8 bytes (assumed valid, as `String.utf8` guarantees) into word hashes and the exact hash.
    ///
    /// - Parameter bytes: The UTF-8 bytes of a text.
    /// - Returns: The word hashes and the exact hash.
    static func scan(bytes: UnsafeBufferPointer<UInt8>) -> ScannedText {
        var words: [UInt64] = []
        words.reserveCapacity(bytes.count / 5 + 1)
        var exact = FNV1a.offsetBasis
        var word = FNV1a.offsetBasis
        var inWord = false
        var index = 0
        let count = bytes.count

        // Adds one folded byte of a word character to the word hash and the exact hash.
        @inline(__always)
        func feed(_ byte: UInt8) {
            if !inWord {
                if !words.isEmpty {
                    exact = FNV1a.adding(0x20, to: exact)
                }
                inWord = true
                word = FNV1a.offsetBasis
            }
            word = FNV1a.adding(byte, to: word)
            exact = FNV1a.adding(byte, to: exact)
        }

        @inline(__always)
        func endWord() {
            if inWord {
                words.append(DedupeHash.mix(word))
                inWord = false
            }
        }

        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                if UTF8Byte.isASCIILowercase(lead) || UTF8Byte.isASCIIDigit(lead) {
                    feed(lead)
                } else if UTF8Byte.isASCIIUppercase(lead) {
                    feed(lead | 0x20)
                } else {
                    endWord()
                }
                continue
            }
            // Decode one multi-byte scalar.
            var scalar: UInt32
            var length: Int
            if lead >= 0xf0 {
                scalar = UInt32(lead & 0x07)
                length = 4
            } else if lead >= 0xe0 {
                scalar = UInt32(lead & 0x0f)
                length = 3
            } else {
                scalar = UInt32(lead & 0x1f)
                length = 2
            }
            let end = min(index + length, count)
            var cursor = index + 1
            while cursor < end {
                scalar = (scalar << 6) | UInt32(bytes[cursor] & 0x3f)
                cursor += 1
            }
            index = end
            if isSeparator(scalar) {
                endWord()
                continue
            }
            let folded = foldCase(scalar)
            if folded < 0x800 {
                feed(UInt8(0xc0 | (folded >> 6)))
                feed(UInt8(0x80 | (folded & 0x3f)))
            } else if folded < 0x10000 {
                feed(UInt8(0xe0 | (folded >> 12)))
                feed(UInt8(0x80 | ((folded >> 6) & 0x3f)))
                feed(UInt8(0x80 | (folded & 0x3f)))
            } else {
                feed(UInt8(0xf0 | (folded >> 18)))
                feed(UInt8(0x80 | ((folded >> 12) & 0x3f)))
                feed(UInt8(0x80 | ((folded >> 6) & 0x3f)))
                feed(UInt8(0x80 | (folded & 0x3f)))
            }
        }
        endWord()
        return ScannedText(wordHashes: words, exactHash: exact)
    }

    /// Whether a non-ASCII scalar separates words (punctuation, symbols, special spaces, emoji).
    ///
    /// - Parameter scalar: A Unicode scalar value of at least U+0080.
    /// - Returns: `true` for a separator, `false` for a word character.
    @inline(__always)
    static func isSeparator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0xbf, 0xd7, 0xf7: return true
        case 0x2000...0x206f: return true  // general punctuation: quotes, dashes, spaces, bullets
        case 0x20a0...0x20cf: return true  // currency symbols
        case 0x2190...0x23ff: return true  // arrows, mathematical operators, technical symbols
        case 0x2500...0x27bf: return true  // box drawing, block elements, shapes, miscellaneous symbols, dingbats
        case 0x3000...0x303f: return true  // CJK symbols and punctuation, ideographic space
        case 0xfe30...0xfe4f, 0xfeff, 0xfffd: return true
        case 0xff01...0xff0f, 0xff1a...0xff20, 0xff3b...0xff40, 0xff5b...0xff65: return true  // full-width punctuation
        case 0x1f000...0x1faff: return true  // emoji and pictographs
        default: return false
        }
    }

    /// Lower-cases Latin-1, basic Greek and basic Cyrillic capitals; returns other scalars unchanged.
    ///
    /// - Parameter scalar: A Unicode scalar value of at least U+0080.
    /// - Returns: The folded scalar value.
    @inline(__always)
    static func foldCase(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0xc0...0xde: return scalar + 0x20  // À–Þ (× is a separator, handled before)
        case 0x391...0x3a9: return scalar + 0x20  // Greek capitals
        case 0x410...0x42f: return scalar + 0x20  // Cyrillic А–Я
        case 0x400...0x40f: return scalar + 0x50  // Cyrillic Ѐ–Џ
        default: return scalar
        }
    }
}
