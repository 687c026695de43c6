/// Dense ids for the distinct words of one text, keyed by the 64-bit hash (``FNV1a``) a scan has already computed.
///
/// The first new hash gets id 0, the next 1, and so on, so ids index plain arrays of per-word counts. It replaces a
/// `[UInt64: Int32]` dictionary in per-document loops: no second hashing through the seeded `Hasher`, and one
/// table reused from document to document with ``removeAll()``.
///
/// ```
/// var ids = HashedWordIDs()
/// ids.id(for: FNV1a.hash("court"))   // (id: 0, isNew: true)
/// ids.id(for: FNV1a.hash("judge"))   // (id: 1, isNew: true)
/// ids.id(for: FNV1a.hash("court"))   // (id: 0, isNew: false)
/// ```
///
/// # Thread safety
/// A value type; give each task its own.
public struct HashedWordIDs: Sendable {
    /// Open-addressing key slots (linear probing), a power of two at most half full; 0 marks an empty slot.
    @usableFromInline var keys: [UInt64]
    /// The id stored beside each key slot.
    @usableFromInline var values: [Int32]
    /// How far a multiplied hash is shifted right to give a slot index.
    @usableFromInline var shift: UInt64
    /// The id of the hash 0 (which cannot be stored in a slot), or -1 when it has none.
    @usableFromInline var zeroID: Int32 = -1
    /// The number of distinct hashes, which is also the next id.
    public var count: Int { nextID }
    /// The id the next new hash gets.
    @usableFromInline var nextID = 0

    /// Creates an empty table sized for about `expectedCount` distinct words.
    /// - Parameter expectedCount: How many words to make room for before the table grows.
    public init(expectedCount: Int = 64) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < expectedCount * 2 {
            capacity *= 2
            bits += 1
        }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        shift = 64 - bits
    }

    /// The id of a word's hash, assigning the next id when the hash is new.
    /// - Parameter hash: The word's hash.
    /// - Returns: Its id, and whether it was assigned by this call.
    @inlinable
    public mutating func id(for hash: UInt64) -> (id: Int32, isNew: Bool) {
        if hash == 0 {
            if zeroID >= 0 { return (zeroID, false) }
            zeroID = Int32(nextID)
            nextID += 1
            return (zeroID, true)
        }
        let mask = keys.count - 1
        var slot = HashedWordSet.slot(of: hash, shift: shift)
        while true {
            let stored = keys[slot]
            if stored == hash { return (values[slot], false) }
            if stored == 0 { break }
            slot = (slot + 1) & mask
        }
        let id = Int32(nextID)
        keys[slot] = hash
        values[slot] = id
        nextID += 1
        if nextID * 2 > keys.count { grow() }
        return (id, true)
    }

    /// Forgets every word, keeping the table's capacity.
    public mutating func removeAll() {
        for index in keys.indices { keys[index] = 0 }
        zeroID = -1
        nextID = 0
    }

    /// Doubles the slots and re-inserts every key.
    @usableFromInline
    mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != 0 {
            var slot = HashedWordSet.slot(of: key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
