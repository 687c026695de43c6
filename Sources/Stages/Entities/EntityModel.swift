import Foundation

/// The trained weights of the entity tagger: a hashed-feature table of ``EntityTagSet/count`` weights per feature.
///
/// Loaded from an ``EntityModelFile``.
///
/// # Memory layout
/// The weights stay 16-bit integers in memory and scores are summed as integers (exactly; one score unit is
/// ``scale``). Feature look-ups are what the tagger spends its time on, so the table is laid out for few cache
/// misses: open addressing over buckets of eight 8-byte slots (one cache line), each slot holding 47 bits of the key,
/// a presence bit and the 16-bit weight of the last tag; the other 16 weights of the slot sit in a parallel array of
/// 32-byte rows. A look-up reads one line of slots, and a hit one more line of weights.
/// ```
/// slots:   [ key>>17 | 1<<47 | w16 ] x 8 per bucket     bucket = key & mask (the low 17 bits at most)
/// weights: [ w0 ... w15 ]  (SIMD16<Int16>, same index as the slot)
/// ```
/// The bucket number and the stored part of the key cover all 64 bits of a key found in its own bucket.
struct EntityModel: Sendable {
    /// Slots in buckets of ``bucketSize``; 0 when empty (see the type's discussion).
    private let slots: [UInt64]
    /// Weights of tags `0..<16` per slot.
    private let weights: [SIMD16<Int16>]
    /// `bucket count - 1`.
    private let bucketMask: Int
    /// The value of one integer score unit.
    let scale: Float
    /// The number of feature rows.
    let rowCount: Int

    /// Slots per bucket (8 x 8 bytes: one cache line).
    static let bucketSize = 8
    /// The most buckets: bucket numbers must fit in the low 17 bits of a key, below the stored part.
    static let maximumBucketCount = 1 << 17

    /// An error reading a model file.
    struct LoadError: Error, CustomStringConvertible, Equatable {
        /// What went wrong.
        var description: String
    }

    /// Creates a model from feature keys and their quantised row-major weights (``EntityTagSet/count`` per key).
    /// - Parameters:
    ///   - keys: Distinct feature keys.
    ///   - quantised: The weights in units of `scale`.
    ///   - scale: The value of one unit.
    init(keys: [UInt64], quantised: [Int16], scale: Float) {
        let tagCount = EntityTagSet.count
        precondition(tagCount == 17 && quantised.count == keys.count * tagCount)
        var bucketCount = 1
        while bucketCount * Self.bucketSize * 3 < keys.count * 5 { bucketCount <<= 1 }
        precondition(bucketCount <= Self.maximumBucketCount, "too many rows for the model table")
        var slots = [UInt64](repeating: 0, count: bucketCount * Self.bucketSize)
        var weights = [SIMD16<Int16>](repeating: .zero, count: slots.count)
        let mask = bucketCount - 1
        for (row, key) in keys.enumerated() {
            var bucket = Int(truncatingIfNeeded: key) & mask
            var placed = false
            while !placed {
                for j in 0..<Self.bucketSize where slots[bucket * Self.bucketSize + j] == 0 {
                    let slot = bucket * Self.bucketSize + j
                    var row16 = SIMD16<Int16>.zero
                    for t in 0..<16 { row16[t] = quantised[row * tagCount + t] }
                    weights[slot] = row16
                    slots[slot] = Self.storedKey(key) << 16 | UInt64(UInt16(bitPattern: quantised[row * tagCount + 16]))
                    placed = true
                    break
                }
                bucket = (bucket + 1) & mask
            }
        }
        self.slots = slots
        self.weights = weights
        self.bucketMask = mask
        self.scale = scale
        self.rowCount = keys.count
    }

    /// The part of `key` kept in a slot (47 bits) with the presence bit.
    @inline(__always)
    private static func storedKey(_ key: UInt64) -> UInt64 { key >> 17 | 1 << 47 }

    /// The slot holding `key`, or -1.
    @inline(__always)
    private func slot(for key: UInt64, in slots: UnsafeBufferPointer<UInt64>) -> Int {
        let stored = Self.storedKey(key)
        var base = (Int(truncatingIfNeeded: key) & bucketMask) &* Self.bucketSize
        while true {
            for j in 0..<Self.bucketSize {
                let value = slots[base &+ j]
                if value >> 16 == stored { return base &+ j }
                if value == 0 { return -1 }
            }
            base = (base &+ Self.bucketSize) & (slots.count - 1)
        }
    }

    /// Adds the weights of every feature in `features` to `scores` (``EntityTagSet/count`` integer entries).
    @inline(__always)
    func accumulate(_ features: [UInt64], into scores: UnsafeMutablePointer<Int32>) {
        let raw = UnsafeMutableRawPointer(scores)
        var head = raw.loadUnaligned(as: SIMD16<Int32>.self)
        var last = scores[16]
        slots.withUnsafeBufferPointer { slots in
            weights.withUnsafeBufferPointer { weights in
                for key in features {
                    let s = slot(for: key, in: slots)
                    if s < 0 { continue }
                    head &+= Self.widened(weights[s])
                    last &+= Int32(Int16(truncatingIfNeeded: slots[s]))
                }
            }
        }
        raw.storeBytes(of: head, as: SIMD16<Int32>.self)
        scores[16] = last
    }

    /// `row` sign-extended lane by lane (written out: the generic `SIMD16(truncatingIfNeeded:)` is not inlined).
    @inline(__always)
    private static func widened(_ row: SIMD16<Int16>) -> SIMD16<Int32> {
        SIMD16<Int32>(
            Int32(row[0]),
            Int32(row[1]),
            Int32(row[2]),
            Int32(row[3]),
            Int32(row[4]),
            Int32(row[5]),
            Int32(row[6]),
            Int32(row[7]),
            Int32(row[8]),
            Int32(row[9]),
            Int32(row[10]),
            Int32(row[11]),
            Int32(row[12]),
            Int32(row[13]),
            Int32(row[14]),
            Int32(row[15])
        )
    }

    /// Parses a model file (see ``EntityModelFile``).
    /// - Throws: ``LoadError`` when the bytes are not a model of this feature version.
    init(bytes: [UInt8]) throws(LoadError) {
        self.init(try EntityModelFile(bytes: bytes))
    }

    /// Creates the in-memory table of a model file's rows.
    init(_ file: EntityModelFile) {
        self.init(keys: file.keys, quantised: file.quantised, scale: file.scale)
    }
}
