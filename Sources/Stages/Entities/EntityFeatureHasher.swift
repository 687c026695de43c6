/// 64-bit hashing helpers used to turn feature templates and UTF-8 byte ranges into weight-table keys.
///
/// Feature strings are never materialised: a token's bytes are hashed once (FNV-1a, optionally ASCII-lowercased) and
/// features are formed by mixing a small template number with one or two such hashes (a SplitMix64 finaliser).
enum EntityFeatureHasher {
    /// FNV-1a 64-bit offset basis: the hash of the empty byte string.
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64-bit prime.
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Adds one byte to an FNV-1a hash.
    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// Maps ASCII `A`-`Z` to lower case and leaves every other byte unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }

    /// Hashes `bytes[start..<end]`, lower-casing ASCII letters when `lowercase` is set.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercase: Bool) -> UInt64 {
        var h = emptyHash
        var i = start
        if lowercase {
            while i < end {
                h = adding(lowercased(bytes[i]), to: h)
                i += 1
            }
        } else {
            while i < end {
                h = adding(bytes[i], to: h)
                i += 1
            }
        }
        return h
    }

    /// Hashes the bytes of a Swift string (used for table entries, not in hot loops).
    static func hash(_ string: String, lowercase: Bool) -> UInt64 {
        var h = emptyHash
        for byte in string.utf8 {
            h = adding(lowercase ? lowercased(byte) : byte, to: h)
        }
        return h
    }

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
