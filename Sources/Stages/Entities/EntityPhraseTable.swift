import Pipeline

/// A set of multi-token phrases matched against tokenised text, each carrying a bit mask of categories.
///
/// Phrases are tokenised with ``EntityTokenizer`` and stored as one 64-bit hash of their tokens (joined by a single
/// space, ASCII-lower-cased unless the table is case-sensitive), so matching never allocates: from each token the
/// table hashes growing token windows while they are prefixes of stored phrases. Matches never cross a line.
struct EntityPhraseTable: Sendable {
    /// Phrase hash to category bits.
    private var index = EntityHashIndex(minimumCapacity: 64)
    /// Whether matching ignores ASCII case.
    let ignoresCase: Bool
    /// The number of tokens of the longest phrase.
    private(set) var maximumTokenCount = 0

    /// Creates an empty table.
    init(ignoresCase: Bool) {
        self.ignoresCase = ignoresCase
    }

    /// Whether the table has no phrases.
    var isEmpty: Bool { index.count == 0 }

    /// Adds `phrase` with `bits`, OR-ing them with the bits of an identical phrase already stored.
    ///
    /// Every proper token prefix of the phrase is stored too, with bits `0` unless it is a phrase itself, so that
    /// matching can stop as soon as a window is no phrase's prefix.
    mutating func add(_ phrase: String, bits: Int32) {
        var text = phrase
        let hashes: [UInt64] = text.withUTF8 { buffer in
            let tokens = EntityTokenizer.tokenize(buffer)
            var hash = FNV1a.offsetBasis
            var prefixes: [UInt64] = []
            for (k, token) in tokens.enumerated() {
                hash = Self.extend(hash, buffer, token, first: k == 0, ignoresCase: ignoresCase)
                prefixes.append(hash)
            }
            return prefixes
        }
        guard let full = hashes.last else { return }
        for prefix in hashes.dropLast() where index.value(for: prefix) < 0 { index.set(0, for: prefix) }
        let old = index.value(for: full)
        index.set(old < 0 ? bits : old | bits, for: full)
        maximumTokenCount = max(maximumTokenCount, hashes.count)
    }

    @inline(__always)
    private static func extend(
        _ hash: UInt64,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ token: EntityToken,
        first: Bool,
        ignoresCase: Bool
    ) -> UInt64 {
        var h = first ? hash : FNV1a.adding(0x20, to: hash)
        var i = Int(token.start)
        let end = Int(token.end)
        if ignoresCase {
            while i < end {
                h = FNV1a.adding(UTF8Byte.lowercasedASCII(bytes[i]), to: h)
                i += 1
            }
        } else {
            while i < end {
                h = FNV1a.adding(bytes[i], to: h)
                i += 1
            }
        }
        return h
    }

    /// Calls `body(first, end, bits)` for every stored phrase found at tokens `first..<end`.
    func forEachMatch(
        in bytes: UnsafeBufferPointer<UInt8>,
        tokens: [EntityToken],
        _ body: (Int, Int, Int32) -> Void
    ) {
        if isEmpty { return }
        let maximum = maximumTokenCount
        for first in tokens.indices {
            var hash = FNV1a.offsetBasis
            var k = first
            while k < tokens.count && k - first < maximum {
                if k > first && tokens[k].startsLine { break }
                // Windows longer than a sane phrase are not hashed (keeps hostile one-token inputs linear).
                if tokens[k].end - tokens[k].start > 64 { break }
                hash = Self.extend(hash, bytes, tokens[k], first: k == first, ignoresCase: ignoresCase)
                let bits = index.value(for: hash)
                if bits < 0 { break }
                if bits > 0 { body(first, k + 1, bits) }
                k += 1
            }
        }
    }

    /// The longest non-overlapping matches, chosen left to right, as `(first, end, bits)` token ranges.
    func longestMatches(in bytes: UnsafeBufferPointer<UInt8>, tokens: [EntityToken]) -> [(Int, Int, Int32)] {
        var best: [Int: (Int, Int32)] = [:]
        forEachMatch(in: bytes, tokens: tokens) { first, end, bits in
            if let current = best[first], current.0 >= end { return }
            best[first] = (end, bits)
        }
        var result: [(Int, Int, Int32)] = []
        var covered = 0
        for first in best.keys.sorted() where first >= covered {
            let (end, bits) = best[first]!
            result.append((first, end, bits))
            covered = end
        }
        return result
    }
}
