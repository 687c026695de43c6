/// Hashing of words for allocation-free vocabulary look-ups in the boilerplate rules.
///
/// A word is hashed from its UTF-8 bytes with ASCII letters lowercased and apostrophes dropped (`don't` and
/// `dont` hash alike). The lowest bit of the hash is set when the word contains an ASCII digit, so a rule can ask
/// "is this token a number" without the text; vocabulary words carry no digits and so have the bit clear.
enum BoilerplateWordHash {
    /// The FNV-1a offset basis.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a prime.
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Mixes one byte (already lowercased) into a running hash.
    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

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
        var value = seed
        var digit = false
        for byte in word.utf8 where byte != UInt8(ascii: "'") {
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lower >= 0x30 && lower <= 0x39 { digit = true }
            value = mix(value, lower)
        }
        return finish(value, hasDigit: digit)
    }

    /// Hashes each word of a space-separated list into a set.
    static func set(_ words: String) -> CleanWordHashSet {
        CleanWordHashSet(words: words)
    }
}
