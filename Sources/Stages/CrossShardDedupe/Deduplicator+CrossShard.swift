/// What cross-shard deduplication needs from a ``Deduplicator`` to decide exactly as a ``DedupeIndex`` does: the
/// band keys of a signature, the number of equal MinHash values a near duplicate needs, and the configuration of a
/// `dedupe` stage.
extension Deduplicator {
    /// Creates the deduplicator a `dedupe` stage with these options uses.
    ///
    /// - Parameter options: The stage's options.
    init(stageOptions options: DedupeStage.Options) {
        self.init(
            configuration: DedupeConfiguration(
                threshold: options.threshold,
                shingleSize: options.shingleSize,
                permutationCount: options.permutations
            )
        )
    }

    /// The minimum number of equal MinHash values for a near duplicate: `⌈threshold × permutations⌉`, at least 1
    /// (the bound ``DedupeIndex`` verifies every candidate against).
    var requiredMatches: Int {
        let needed = (configuration.threshold * Double(configuration.permutationCount) - 1e-9).rounded(.up)
        return max(1, Int(needed))
    }

    /// The number of the extra "band" whose key is the exact-duplicate hash: one past the last LSH band.
    var exactBand: Int { banding.bands }

    /// Whether a signature takes part in LSH banding (a ``DedupeIndex`` skips empty signatures and signatures of
    /// another length).
    ///
    /// - Parameter signature: A signature.
    /// - Returns: `true` when its LSH band keys are used.
    func isBanded(_ signature: DedupeSignature) -> Bool {
        !signature.isEmpty && signature.minHashes.count == configuration.permutationCount
    }

    /// The key of one band of a signature: for an LSH band the same 64-bit key ``DedupeIndex`` files it under, for
    /// ``exactBand`` the exact-duplicate hash.
    ///
    /// - Parameters:
    ///   - signature: A signature with ``isBanded(_:)`` true (for an LSH band).
    ///   - band: The band number, in `0...exactBand`.
    /// - Returns: The band key.
    func bandKey(of signature: DedupeSignature, band: Int) -> UInt64 {
        if band == exactBand { return signature.exactHash }
        let rows = banding.rows
        var key = DedupeHash.mix(UInt64(band) &+ 0x6261_6e64)
        for index in (band * rows)..<(band * rows + rows) {
            key = DedupeHash.mix(key ^ UInt64(signature.minHashes[index]))
        }
        return key
    }

    /// The number of equal MinHash values of two signatures (positions beyond the shorter one do not count).
    ///
    /// - Parameters:
    ///   - first: A signature.
    ///   - second: Another signature.
    /// - Returns: The number of permutations whose values are equal.
    static func matches(_ first: [UInt32], _ second: [UInt32]) -> Int {
        var matches = 0
        for index in 0..<min(first.count, second.count) where first[index] == second[index] {
            matches += 1
        }
        return matches
    }
}
