/// Exact and near-duplicate detection for the `dedupe` stage: the pure, thread-safe half.
///
/// ```
///   text ──signature(of:)──▶ DedupeSignature ──DedupeIndex.decide(id:signature:)──▶ DedupeDecision
///        (pure, parallel)                         (sequential, in input order)
/// ```
///
/// ``signature(of:)`` normalises the text (``DedupeTextScanner``), hashes each word once, combines every
/// `shingleSize` consecutive word hashes into one 64-bit shingle hash, and keeps, for each of the `permutationCount`
/// permutations `h_i(x) = a_i·x + b_i mod 2^32` (odd `a_i`, random `b_i`, on the low 32 bits `x` of the shingle
/// hash), the minimum over the shingles. 32-bit lanes keep the inner loop vectorised on baseline x86-64; on the
/// development set the estimates are unbiased with the binomial spread `sqrt(J(1-J)/permutationCount)`.
/// A text with fewer words than `shingleSize` is one shingle made of all its words; a text without words has an
/// empty signature (all values `UInt32.max`, ``DedupeSignature/isEmpty``).
///
/// # Thread safety
/// A `Deduplicator` is an immutable `Sendable` value: call ``signature(of:)`` concurrently from any number of
/// tasks. The decisions are made by a ``DedupeIndex`` (see ``makeIndex()``), which is not thread-safe and must be fed
/// in input order so that the output does not depend on the concurrency.
struct Deduplicator: Sendable {
    /// The options, clamped into their valid ranges.
    let configuration: DedupeConfiguration

    /// The LSH banding chosen from the threshold and the permutation count.
    let banding: DedupeBanding

    /// The multipliers `a_i` of the permutations (odd), from SplitMix64 seeded with `configuration.seed`.
    private let multipliers: [UInt32]

    /// The increments `b_i` of the permutations.
    private let increments: [UInt32]

    /// Creates a deduplicator; out-of-range options are clamped (see ``DedupeConfiguration/problems``).
    ///
    /// - Parameter configuration: The stage options.
    init(configuration: DedupeConfiguration = DedupeConfiguration()) {
        var configuration = configuration
        configuration.threshold = min(max(configuration.threshold.isNaN ? 0.33 : configuration.threshold, 0), 1)
        configuration.shingleSize = max(1, configuration.shingleSize)
        configuration.permutationCount = min(max(1, configuration.permutationCount), 1024)
        configuration.falsePositiveWeight = min(max(configuration.falsePositiveWeight, 0), 1)
        configuration.falseNegativeWeight = min(max(configuration.falseNegativeWeight, 0), 1)
        self.configuration = configuration
        banding = DedupeBanding.optimal(
            threshold: configuration.threshold,
            permutationCount: configuration.permutationCount,
            falsePositiveWeight: configuration.falsePositiveWeight,
            falseNegativeWeight: configuration.falseNegativeWeight
        )
        var state = configuration.seed
        var multipliers: [UInt32] = []
        var increments: [UInt32] = []
        for _ in 0..<configuration.permutationCount {
            multipliers.append(UInt32(truncatingIfNeeded: DedupeHash.splitMix64(&state) >> 32) | 1)
            increments.append(UInt32(truncatingIfNeeded: DedupeHash.splitMix64(&state) >> 32))
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// Makes an empty index for the decisions of one run, with this deduplicator's configuration.
    ///
    /// - Returns: A new, empty index.
    func makeIndex() -> DedupeIndex {
        DedupeIndex(deduplicator: self)
    }

    /// The signature of a text: its exact-duplicate hash and MinHash values.
    ///
    /// Pure and thread-safe; linear in the text length.
    ///
    /// - Parameter text: The document text.
    /// - Returns: The signature.
    func signature(of text: String) -> DedupeSignature {
        let scanned = DedupeTextScanner.scan(text)
        return signature(wordHashes: scanned.wordHashes, exactHash: scanned.exactHash)
    }

    /// The signature of a text already split into word hashes.
    ///
    /// - Parameters:
    ///   - wordHashes: The hashes of the normalised words, in order.
    ///   - exactHash: The exact-duplicate hash of the text.
    /// - Returns: The signature.
    func signature(wordHashes: [UInt64], exactHash: UInt64) -> DedupeSignature {
        let permutationCount = configuration.permutationCount
        guard !wordHashes.isEmpty else {
            return DedupeSignature(
                exactHash: exactHash,
                minHashes: Array(repeating: .max, count: permutationCount),
                shingleCount: 0
            )
        }
        let width = min(configuration.shingleSize, wordHashes.count)
        let shingleCount = wordHashes.count - width + 1
        var minimums = [UInt32](repeating: .max, count: permutationCount)
        wordHashes.withUnsafeBufferPointer { words in
            multipliers.withUnsafeBufferPointer { multipliers in
                increments.withUnsafeBufferPointer { increments in
                    minimums.withUnsafeMutableBufferPointer { minimums in
                        // Four shingles per pass over the permutations: one load and store of each minimum
                        // per four shingles.
                        var start = 0
                        while start + 4 <= shingleCount {
                            let first = Self.shingleKey(words, start: start, width: width)
                            let second = Self.shingleKey(words, start: start + 1, width: width)
                            let third = Self.shingleKey(words, start: start + 2, width: width)
                            let fourth = Self.shingleKey(words, start: start + 3, width: width)
                            for index in 0..<permutationCount {
                                let multiplier = multipliers[index]
                                let increment = increments[index]
                                let low = Swift.min(multiplier &* first &+ increment, multiplier &* second &+ increment)
                                let high = Swift.min(
                                    multiplier &* third &+ increment,
                                    multiplier &* fourth &+ increment
                                )
                                minimums[index] = Swift.min(minimums[index], Swift.min(low, high))
                            }
                            start += 4
                        }
                        while start < shingleCount {
                            let shingle = Self.shingleKey(words, start: start, width: width)
                            for index in 0..<permutationCount {
                                minimums[index] = Swift.min(
                                    minimums[index],
                                    multipliers[index] &* shingle &+ increments[index]
                                )
                            }
                            start += 1
                        }
                    }
                }
            }
        }
        return DedupeSignature(
            exactHash: exactHash,
            minHashes: minimums,
            shingleCount: shingleCount
        )
    }

    /// The 64-bit hashes of the shingles of a text, in order (for diagnostics and tests; the signature path computes
    /// them on the fly).
    ///
    /// - Parameter text: The document text.
    /// - Returns: One hash per shingle; empty for a text without words.
    func shingleHashes(of text: String) -> [UInt64] {
        let words = DedupeTextScanner.scan(text).wordHashes
        guard !words.isEmpty else { return [] }
        let width = min(configuration.shingleSize, words.count)
        return words.withUnsafeBufferPointer { words in
            (0...(words.count - width)).map { Self.shingleHash(words, start: $0, width: width) }
        }
    }

    /// The 32-bit key of a shingle that the permutations act on: the low half of its 64-bit hash.
    @inline(__always)
    private static func shingleKey(_ words: UnsafeBufferPointer<UInt64>, start: Int, width: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: shingleHash(words, start: start, width: width))
    }

    /// The 64-bit hash of the shingle of `width` words starting at `start`: an order-dependent combination of the
    /// word hashes, mixed.
    @inline(__always)
    private static func shingleHash(_ words: UnsafeBufferPointer<UInt64>, start: Int, width: Int) -> UInt64 {
        var hash: UInt64 = 0x9e37_79b9_7f4a_7c15
        for offset in start..<(start + width) {
            hash = (hash ^ words[offset]) &* 0x9e37_79b9_7f4a_7c15
            hash = (hash << 29) | (hash >> 35)
        }
        return DedupeHash.mix(hash)
    }
}
