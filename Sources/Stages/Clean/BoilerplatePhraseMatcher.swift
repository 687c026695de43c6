import Pipeline

/// Finds configured boilerplate phrases inside a line, case-insensitively, in time linear in the line's length.
///
/// Phrases and lines are folded the same way: ASCII lowercased, curly apostrophes (`’`) read as `'`. A table of
/// the phrases' first two bytes lets the search skip positions where no phrase can start.
struct BoilerplatePhraseMatcher: Sendable {
    /// The folded phrases.
    private let phrases: [[UInt8]]
    /// Indices of the phrases starting with each two-byte prefix (`first << 8 | second`).
    private let phrasesByPrefix: [UInt16: [Int]]
    /// One bit per two-byte prefix, set when some phrase starts with it (8 KB: stays in the first-level cache).
    private let prefixFlags: [UInt64]

    /// Creates a matcher.
    /// - Parameters:
    ///   - phrases: the phrases; empty ones are ignored, one-byte ones are matched as whole lines only.
    ///   - file: where the phrases are written, for ``CleanRuleAudit``.
    ///   - line: the line of the phrases, for ``CleanRuleAudit``.
    init(phrases: [String], file: StaticString = #fileID, line: UInt = #line) {
        var folded: [[UInt8]] = []
        var byPrefix: [UInt16: [Int]] = [:]
        var flags = [UInt64](repeating: 0, count: 65_536 / 64)
        for phrase in CleanRuleAudit.entries(phrases, file: file, line: line) {
            let bytes = Self.fold(Array(phrase.utf8))
            guard bytes.count >= 2 else { continue }
            let key = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            byPrefix[key, default: []].append(folded.count)
            flags[Int(key) >> 6] |= 1 << UInt64(key & 63)
            folded.append(bytes)
        }
        self.phrases = folded
        self.phrasesByPrefix = byPrefix
        self.prefixFlags = flags
    }

    /// True when there are no phrases to look for.
    var isEmpty: Bool { phrases.isEmpty }

    /// True when the line `bytes[start..<end]` contains one of the phrases.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var found = false
        forEachMatch(bytes, start: start, end: end) { _ in
            found = true
            return false
        }
        return found
    }

    /// How many different phrases the line `bytes[start..<end]` contains.
    func distinctMatches(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var found = Set<Int>()
        forEachMatch(bytes, start: start, end: end) { phrase in
            found.insert(phrase)
            return true
        }
        return found.count
    }

    /// Calls `body` with the index of each phrase found (its place among the phrases given to ``init(phrases:)``,
    /// all of which must then be two bytes or longer), in order of position, until it returns false.
    @inline(__always)
    func forEachMatch(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, body: (Int) -> Bool) {
        guard !phrases.isEmpty, end - start >= 2 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { buffer in
            var length = 0
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98)
                {
                    buffer[length] = UInt8(ascii: "'")
                    index += 3
                } else {
                    buffer[length] = UTF8Byte.lowercasedASCII(byte)
                    index += 1
                }
                length += 1
            }
            prefixFlags.withUnsafeBufferPointer { flags in
                var position = 0
                while position + 1 < length {
                    let key = UInt16(buffer[position]) << 8 | UInt16(buffer[position + 1])
                    if flags[Int(key) >> 6] & (1 << UInt64(key & 63)) != 0, let candidates = phrasesByPrefix[key] {
                        for candidate in candidates
                        where matchesPhrase(candidate, in: buffer, at: position, length: length) {
                            if !body(candidate) { return }
                        }
                    }
                    position += 1
                }
            }
        }
    }

    /// True when phrase `index` occurs at `position` of the folded line.
    @inline(__always)
    private func matchesPhrase(
        _ index: Int,
        in buffer: UnsafeMutableBufferPointer<UInt8>,
        at position: Int,
        length: Int
    ) -> Bool {
        let phrase = phrases[index]
        guard position + phrase.count <= length else { return false }
        for offset in 2..<phrase.count where buffer[position + offset] != phrase[offset] { return false }
        return true
    }

    /// Folds bytes for matching: ASCII lowercase, `’` and `‘` as `'`.
    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98)
            {
                result.append(UInt8(ascii: "'"))
                index += 3
            } else {
                result.append(UTF8Byte.lowercasedASCII(byte))
                index += 1
            }
        }
        return result
    }
}
