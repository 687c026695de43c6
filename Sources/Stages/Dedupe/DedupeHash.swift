/// The stable, non-cryptographic hash functions of the `dedupe` stage.
///
/// Every function here is a pure function of its input bytes: the values are identical across runs, processes and
/// platforms (unlike Swift's `Hasher`, which is seeded per process), so signatures may be persisted and compared later.
///
/// Words and the exact-duplicate hash use ``FNV1a`` (the pipeline's one byte hash); this adds the mixers:
/// - The 64-bit finaliser of MurmurHash3 (`fmix64`): spreads the bits of an FNV value before it is used in MinHash.
/// - SplitMix64: the deterministic generator of the MinHash permutation coefficients.
enum DedupeHash {
    /// The MurmurHash3 64-bit finaliser: a bijective mix in which every input bit affects every output bit.
    ///
    /// - Parameter value: The value to mix.
    /// - Returns: The mixed value.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// Advances a SplitMix64 generator and returns its next output.
    ///
    /// - Parameter state: The generator state, advanced in place.
    /// - Returns: The next pseudo-random 64-bit value.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
