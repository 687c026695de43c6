/// A flat open-addressing hash map from well-mixed 64-bit keys to `Int32` values.
///
/// Keys are expected to be well mixed already (they come from ``EntityFeatureHasher``), so the slot is taken from the
/// low bits directly and collisions are resolved by linear probing. Key and value share a 16-byte slot so a look-up
/// touches one cache line. The key `0` marks an empty slot; a real key of `0` is stored as `1`, which is harmless for
/// hashed features.
struct EntityHashIndex: Sendable {
    /// One slot: a key (0 when empty) and its value.
    struct Slot: Sendable {
        /// The stored key, or 0.
        var key: UInt64
        /// The stored value.
        var value: Int32
    }

    /// The slots; the count is a power of two.
    private var slots: [Slot]
    /// `slots.count - 1`.
    private var mask: Int
    /// Number of stored keys.
    private(set) var count: Int = 0

    /// Creates an index able to hold `minimumCapacity` keys at a load factor of at most one half.
    init(minimumCapacity: Int) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(key: 0, value: -1), count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func normalised(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Returns the value stored for `key`, or `-1`.
    @inline(__always)
    func value(for key: UInt64) -> Int32 {
        let key = Self.normalised(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeBufferPointer { buffer in
            while true {
                let stored = buffer[slot]
                if stored.key == key { return stored.value }
                if stored.key == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `value` for `key`, replacing any previous value; grows when half full.
    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.normalised(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[slot].key
            if stored == key {
                slots[slot].value = value
                return
            }
            if stored == 0 {
                slots[slot] = Slot(key: key, value: value)
                count += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body(key, value)` for every stored key, in slot order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for slot in slots where slot.key != 0 { body(slot.key, slot.value) }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: -1), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.key != 0 { set(slot.value, for: slot.key) }
    }
}
