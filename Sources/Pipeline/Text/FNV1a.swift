/// The 64-bit FNV-1a hash (Fowler, Noll, Vo) of UTF-8 bytes: the one stable byte hash of the pipeline and its stages.
///
/// FNV-1a folds one byte at a time (`hash = (hash ^ byte) &* prime`), so a hot loop can hash a word while it scans
/// it, without building a `String` or a buffer first. The values are a pure function of the bytes: identical across
/// runs, processes and platforms (unlike Swift's `Hasher`, which is seeded per process), so they may be persisted
/// (resume fingerprints, dedupe signatures), compared across shards, or baked into tables at start-up.
///
/// ```
/// var hash = FNV1a.offsetBasis                 // the hash of no bytes
/// for byte in word.utf8 { hash = FNV1a.adding(byte, to: hash) }
/// hash == FNV1a.hash(word)                     // true
/// ```
///
/// Every function is `@inlinable`, so a stage's per-byte loop compiles to the same two instructions as a hand-written
/// copy would.
///
/// # Thread safety
/// Pure functions of their arguments; call them from any task.
public enum FNV1a {
    /// The FNV-1a 64 offset basis: the hash of the empty byte string.
    @inlinable public static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// The FNV-1a 64 prime.
    @inlinable public static var prime: UInt64 { 0x0000_0100_0000_01b3 }

    /// Folds one byte into a running hash.
    ///
    /// - Parameters:
    ///   - byte: The next byte.
    ///   - hash: The running hash (start from ``offsetBasis``).
    /// - Returns: The updated hash.
    @inlinable @inline(__always)
    public static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of a byte sequence.
    ///
    /// - Parameter bytes: The bytes to hash.
    /// - Returns: The 64-bit hash (for example `0xaf63dc4c8601ec8c` for the single byte `a`).
    @inlinable
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    /// The hash of a string's UTF-8 bytes.
    ///
    /// - Parameter text: The text to hash.
    /// - Returns: The 64-bit hash of `text.utf8`.
    @inlinable
    public static func hash(_ text: String) -> UInt64 {
        hash(text.utf8)
    }

    /// The hash of `bytes[range]`.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - range: The byte range to hash; it must lie inside `bytes`.
    /// - Returns: The 64-bit hash of those bytes.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = offsetBasis
        var index = range.lowerBound
        while index < range.upperBound {
            hash = adding(bytes[index], to: hash)
            index += 1
        }
        return hash
    }

    /// The hash of `bytes[range]` with ASCII `A`–`Z` lowercased (every other byte as it is).
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - range: The byte range to hash; it must lie inside `bytes`.
    /// - Returns: The 64-bit hash of the lowercased bytes: `Mr` and `MR` hash like `mr`.
    @inlinable @inline(__always)
    public static func hashLowercasingASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = offsetBasis
        var index = range.lowerBound
        while index < range.upperBound {
            hash = adding(UTF8Byte.lowercasedASCII(bytes[index]), to: hash)
            index += 1
        }
        return hash
    }

    /// The hash of a string's UTF-8 bytes with ASCII `A`–`Z` lowercased (for tables built at start-up).
    ///
    /// - Parameter text: The text to hash.
    /// - Returns: The same value ``hashLowercasingASCII(_:_:)`` gives for these bytes.
    @inlinable
    public static func hashLowercasingASCII(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 { hash = adding(UTF8Byte.lowercasedASCII(byte), to: hash) }
        return hash
    }

    /// A hash written as lowercase hexadecimal without leading zeros, as resume states and dedupe summaries store it.
    ///
    /// - Parameter hash: The hash.
    /// - Returns: For example `"af63dc4c8601ec8c"`.
    public static func hexadecimal(_ hash: UInt64) -> String {
        String(hash, radix: 16)
    }
}
