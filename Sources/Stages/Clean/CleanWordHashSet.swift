/// A small immutable set of word hashes (see ``BoilerplateWordHash``) with open addressing.
///
/// `Set<UInt64>` runs SipHash on every look-up; word hashes are already well mixed FNV-1a values, so this table
/// indexes by their low bits directly. It is built once (vocabulary tables are `static let`) and only read after.
struct CleanWordHashSet: Sendable {
    /// Slots; 0 marks an empty slot (a real word hash of 0 is mapped to 2, see ``slotValue(_:)``).
    private let slots: [UInt64]
    /// `slots.count - 1`, a power of two minus one.
    private let mask: Int

    /// Creates a set of the hashes of space-separated words.
    init(words: String) {
        self.init(hashes: words.split(separator: " ").map { BoilerplateWordHash.hash(String($0)) })
    }

    /// Creates a set of hashes.
    init(hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 4 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for hash in hashes {
            let value = Self.slotValue(hash)
            var index = Int(truncatingIfNeeded: value >> 7) & mask
            while slots[index] != 0 && slots[index] != value { index = (index + 1) & mask }
            slots[index] = value
        }
        self.slots = slots
        self.mask = mask
    }

    /// True when the set holds `hash`.
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        let value = Self.slotValue(hash)
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: value >> 7) & mask
            while true {
                let slot = slots[index]
                if slot == value { return true }
                if slot == 0 { return false }
                index = (index + 1) & mask
            }
        }
    }

    /// The stored form of a hash: never 0, which marks empty slots.
    @inline(__always)
    private static func slotValue(_ hash: UInt64) -> UInt64 {
        hash == 0 ? 2 : hash
    }
}
