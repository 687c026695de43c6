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

    /// Hashes of the first words of `bytes[start..<end]`, at most `limit` of them.
    ///
    /// A word is a run of ASCII letters and digits and of non-ASCII letters (lead bytes from `0xC3` with their
    /// continuation bytes), so `U+00A0` and the Latin-1 punctuation (`«`, `·`) separate words; an apostrophe inside a
    /// word is skipped.
    static func leadingWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, limit: Int) -> [UInt64]
    {
        var found: [UInt64] = []
        var hash = FNV1a.offsetBasis
        var inWord = false
        var digit = false
        var index = start
        while index < end && found.count < limit {
            let byte = bytes[index]
            if UTF8Byte.isASCIIAlphanumeric(byte) || byte >= 0xC3 || (UTF8Byte.isContinuation(byte) && inWord) {
                if !inWord {
                    inWord = true
                    hash = FNV1a.offsetBasis
                    digit = false
                }
                if UTF8Byte.isASCIIDigit(byte) { digit = true }
                hash = FNV1a.adding(UTF8Byte.lowercasedASCII(byte), to: hash)
            } else if byte != UInt8(ascii: "'") || !inWord {
                if inWord { found.append(finish(hash, hasDigit: digit)) }
                inWord = false
            }
            index += 1
        }
        if inWord && found.count < limit { found.append(finish(hash, hasDigit: digit)) }
        return found
    }

    /// Hashes each word of a space-separated list into a set (the toolkit's ``HashedWordSet``).
    /// - Parameters:
    ///   - words: the words, separated by spaces.
    ///   - file: where the list is written, for ``CleanRuleAudit``.
    ///   - line: the line of the list, for ``CleanRuleAudit``.
    static func set(_ words: String, file: StaticString = #fileID, line: UInt = #line) -> HashedWordSet {
        let entries = CleanRuleAudit.entries(words.split(separator: " ").map(String.init), file: file, line: line)
        return HashedWordSet(hashes: entries.map { hash($0) })
    }
}
