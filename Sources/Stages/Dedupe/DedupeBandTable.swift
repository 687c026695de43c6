/// A compact multi-map from 64-bit LSH band keys to the indices of the documents that have them.
///
/// Open addressing (linear probing, at most half full) maps each distinct key to the newest entry with it; the
/// entries of one key form a singly linked list through ``nextEntry``. A slot holds its key and head together, so a
/// lookup of an absent key (the common case) usually costs one cache miss. Memory: 16 bytes per slot plus 8 bytes
/// per entry (document and link); no allocation per key.
///
/// # Thread safety
/// A value type with no shared state; not for concurrent mutation.
struct DedupeBandTable: Sendable {
    /// One slot of the open-addressing table.
    private struct Slot: Sendable {
        /// The key (meaningful when ``head`` is not -1).
        var key: UInt64
        /// The newest entry with the key, or -1 for an empty slot.
        var head: Int32
    }

    /// The slots; the count is a power of two.
    private var slots: [Slot]
    /// The document index of each entry.
    private var documents: [UInt32] = []
    /// The next (older) entry with the same key, or -1.
    private var nextEntry: [Int32] = []
    /// The number of occupied slots (distinct keys).
    private var occupied = 0

    /// Creates an empty table.
    ///
    /// - Parameter capacity: The initial number of slots (rounded up to a power of two, at least 16).
    init(capacity: Int = 1024) {
        var count = 16
        while count < capacity { count <<= 1 }
        slots = Array(repeating: Slot(key: 0, head: -1), count: count)
    }

    /// The number of entries (key, document pairs) stored.
    var entryCount: Int { documents.count }

    /// The bytes held by the table's arrays (capacity, not just the used part).
    var allocatedBytes: Int {
        slots.capacity * MemoryLayout<Slot>.stride + documents.capacity * 4 + nextEntry.capacity * 4
    }

    /// Adds a document under a key.
    ///
    /// - Parameters:
    ///   - key: The band key.
    ///   - document: The document index.
    mutating func insert(key: UInt64, document: UInt32) {
        if (occupied + 1) * 2 > slots.count {
            grow()
        }
        let entry = Int32(documents.count)
        documents.append(document)
        let slot = findSlot(key)
        if slots[slot].head < 0 {
            slots[slot].key = key
            occupied += 1
        }
        nextEntry.append(slots[slot].head)
        slots[slot].head = entry
    }

    /// Calls `body` with every document stored under a key, newest first.
    ///
    /// - Parameters:
    ///   - key: The band key.
    ///   - body: Called with each document index.
    func forEachDocument(withKey key: UInt64, _ body: (UInt32) -> Void) {
        var entry = slots[findSlot(key)].head
        while entry >= 0 {
            body(documents[Int(entry)])
            entry = nextEntry[Int(entry)]
        }
    }

    /// The slot holding `key`, or the empty slot where it would go. Band keys are already mixed hashes, so their
    /// low bits are used directly.
    @inline(__always)
    private func findSlot(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].head >= 0 && slots[slot].key != key {
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Doubles the slots and re-inserts every key.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, head: -1), count: old.count * 2)
        for slot in old where slot.head >= 0 {
            slots[findSlot(slot.key)] = slot
        }
    }
}
