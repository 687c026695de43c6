/// A fixed set of words held as their 64-bit hashes (``FNV1a``), looked up by a hash a scan has already computed.
///
/// A stage that hashes each word while it scans the bytes (stop words, attribution verbs, titles) asks this set
/// instead of a `Set<UInt64>`, which would hash the hash again through the seeded `Hasher`: a lookup here is one
/// multiply, one shift and usually one comparison.
///
/// ```
/// let stopWords = HashedWordSet(["the", "of", "and"])            // hashes of the lowercased words
/// stopWords.contains(FNV1a.hashLowercasingASCII(bytes, range))   // true for "The"
/// ```
///
/// # Thread safety
/// An immutable value; share it between tasks freely.
public struct HashedWordSet: Sendable {
    /// Open-addressing slots (linear probing), a power of two at most half full; 0 marks an empty slot.
    @usableFromInline let slots: [UInt64]
    /// How far a multiplied hash is shifted right to give a slot index.
    @usableFromInline let shift: UInt64
    /// Whether the hash 0 (which cannot be stored in a slot) is a member.
    @usableFromInline let containsZero: Bool

    /// Creates the set of the given hashes.
    /// - Parameter hashes: The members' hashes; repeats are ignored.
    public init(hashes: some Sequence<UInt64>) {
        let members = Array(hashes)
        var capacity = 8
        var bits: UInt64 = 3
        while capacity < members.count * 2 {
            capacity *= 2
            bits += 1
        }
        var slots = [UInt64](repeating: 0, count: capacity)
        var containsZero = false
        let shift = 64 - bits
        for hash in members {
            if hash == 0 {
                containsZero = true
                continue
            }
            var slot = Self.slot(of: hash, shift: shift)
            while slots[slot] != 0 && slots[slot] != hash { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = hash
        }
        self.slots = slots
        self.shift = shift
        self.containsZero = containsZero
    }

    /// Creates the union of several sets: a word is a member when it is a member of one of them.
    ///
    /// One look-up in a union answers "is this word in any of these sets?", which lets a rule that tests every word
    /// against many sets skip a line none of whose words is in any of them.
    /// - Parameter sets: The sets to join.
    public init(union sets: some Sequence<HashedWordSet>) {
        var members: [UInt64] = []
        for set in sets {
            if set.containsZero { members.append(0) }
            members.append(contentsOf: set.slots.lazy.filter { $0 != 0 })
        }
        self.init(hashes: members)
    }

    /// Creates the set of the given words, each hashed with ASCII letters lowercased
    /// (``FNV1a/hashLowercasingASCII(_:)``).
    /// - Parameter words: The members.
    public init(_ words: some Sequence<String>) {
        self.init(hashes: words.map { FNV1a.hashLowercasingASCII($0) })
    }

    /// Whether a word with this hash is a member.
    /// - Parameter hash: The word's hash, computed the way the members' were.
    /// - Returns: `true` when it is a member.
    @inlinable @inline(__always)
    public func contains(_ hash: UInt64) -> Bool {
        if hash == 0 { return containsZero }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(of: hash, shift: shift)
            while true {
                let stored = slots[slot]
                if stored == hash { return true }
                if stored == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The home slot of a hash: Fibonacci hashing, so the high bits of a well-mixed product pick the slot.
    @inlinable @inline(__always)
    static func slot(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
