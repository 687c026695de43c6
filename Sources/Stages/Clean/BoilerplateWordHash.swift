import Pipeline

/// Hashing of words for allocation-free vocabulary look-ups in the boilerplate rules.
///
/// A word is hashed with ``FNV1a`` from its UTF-8 bytes with ASCII letters lowercased and apostrophes dropped (`don't` and
/// `dont` hash alike). The lowest bit of the hash is set when the word contains an ASCII digit, so a rule can ask
/// "is this token a number" without the text; vocabulary words carry no digits and so have the bit clear.
enum BoilerplateWordHash {
    /// Finishes a running hash, recording whether the word had a digit in the lowest bit.
    @inline(__always)
    static func finish(_ hash: UInt64, hasDigit: Bool) -> UInt64 {
        (hash & ~1) | (hasDigit ? 1 : 0)
    }

    /// True when the token a finished hash came from contains a digit.
    @inline(__always)
    static func isNumeric(_ hash: UInt64) -> Bool {
        hash & 1 == 1
    }

    /// Hashes a vocabulary word written in source (ASCII, lowercase or not).
    static func hash(_ word: String) -> UInt64 {
        var value = FNV1a.offsetBasis
        var digit = false
        for byte in word.utf8 where byte != UInt8(ascii: "'") {
            if UTF8Byte.isASCIIDigit(byte) { digit = true }
            value = FNV1a.adding(UTF8Byte.lowercasedASCII(byte), to: value)
        }
        return finish(value, hasDigit: digit)
    }

    /// Hashes each word of a space-separated list into a set.
    static func set(_ words: String) -> CleanWordHashSet {
        CleanWordHashSet(words: words)
    }
}
