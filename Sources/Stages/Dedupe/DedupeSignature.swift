/// What the `dedupe` stage remembers of one document: its exact-duplicate hash and its MinHash signature.
///
/// A signature is a pure function of the text and of the ``DedupeConfiguration`` options `shingleSize`,
/// `permutationCount` and `seed`; it is stable across runs and platforms, so it can be persisted (see
/// ``bytes`` and ``init(bytes:)``) and loaded into a later ``DedupeIndex``.
struct DedupeSignature: Sendable, Equatable {
    /// FNV-1a 64 of the normalised text (case-folded words joined by single spaces).
    var exactHash: UInt64

    /// The MinHash values: for each permutation, the smallest permuted 32-bit shingle hash.
    /// All `UInt32.max` when the text has no word.
    var minHashes: [UInt32]

    /// The number of shingles the text produced (0 for a text without words, 1 for a text shorter than a shingle).
    var shingleCount: Int

    /// Creates a signature from its parts (for example when loading it from a store).
    ///
    /// - Parameters:
    ///   - exactHash: The exact-duplicate hash.
    ///   - minHashes: The MinHash values.
    ///   - shingleCount: The number of shingles.
    init(exactHash: UInt64, minHashes: [UInt32], shingleCount: Int) {
        self.exactHash = exactHash
        self.minHashes = minHashes
        self.shingleCount = shingleCount
    }

    /// Whether the text had no word at all (empty, whitespace or punctuation only).
    var isEmpty: Bool { shingleCount == 0 }

    /// The signature as bytes, for a persistent store: the exact hash (8 bytes), the shingle count (4 bytes, capped
    /// at `UInt32.max`), then every MinHash value (4 bytes each), all little-endian.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 + 4 * minHashes.count)
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: exactHash >> UInt64(shift)))
        }
        let count = UInt32(clamping: shingleCount)
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift)))
        }
        for value in minHashes {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
            }
        }
        return bytes
    }

    /// Decodes a signature written by ``bytes``.
    ///
    /// - Parameter bytes: The encoded signature.
    /// - Returns: `nil` when the length is not 12 plus a multiple of 4.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 12, (bytes.count - 12) % 4 == 0 else { return nil }
        func word(at offset: Int, width: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<width {
                value |= UInt64(bytes[offset + index]) << UInt64(8 * index)
            }
            return value
        }
        exactHash = word(at: 0, width: 8)
        shingleCount = Int(word(at: 8, width: 4))
        minHashes = stride(from: 12, to: bytes.count, by: 4).map { UInt32(word(at: $0, width: 4)) }
    }
}
