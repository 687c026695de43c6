/// 64-bit hashing helpers used to turn feature templates and UTF-8 byte ranges into weight-table keys.
///
/// Feature strings are never materialised: a token's bytes are hashed once (``FNV1a``, optionally ASCII-lowercased)
/// and features are formed by mixing a small template number with one or two such hashes (a SplitMix64 finaliser).
enum EntityFeatureHasher {
    /// The SplitMix64 finaliser: a cheap, well-distributed 64-bit mix.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A feature key for template `template` with one value.
    @inline(__always)
    static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        mix(value &+ template &* 0x9e37_79b9_7f4a_7c15)
    }

    /// A feature key for template `template` with two values (order matters).
    @inline(__always)
    static func feature(_ template: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(mix(first &+ template &* 0x9e37_79b9_7f4a_7c15) ^ second)
    }

    /// A feature key for template `template` with three values (order matters).
    @inline(__always)
    static func feature(_ template: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        mix(mix(mix(first &+ template &* 0x9e37_79b9_7f4a_7c15) ^ second) &+ third)
    }
}
