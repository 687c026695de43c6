import Foundation

/// The trained weights of the entity tagger: a hashed-feature table of ``EntityTagSet/count`` weights per feature.
///
/// # File format (little-endian)
/// ```
/// "ENTM"  UInt32 version  UInt32 featureVersion  UInt32 tagCount  UInt32 rowCount  Float32 scale
/// rowCount x UInt64 feature keys
/// rowCount x tagCount x Int16 weights (weight = value * scale)
/// ```
/// Weights are quantised to 16 bits on save and expanded to `Float` on load.
struct EntityModel: Sendable {
    /// Feature key to row number.
    private let index: EntityHashIndex
    /// Row-major weights, ``EntityTagSet/count`` per row.
    private let weights: [Float]

    /// The number of feature rows.
    var rowCount: Int { weights.count / EntityTagSet.count }

    /// An error reading a model file.
    struct LoadError: Error, CustomStringConvertible, Equatable {
        /// What went wrong.
        var description: String
    }

    /// Creates a model from feature keys and their row-major weights.
    init(keys: [UInt64], weights: [Float]) {
        precondition(weights.count == keys.count * EntityTagSet.count)
        var index = EntityHashIndex(minimumCapacity: keys.count)
        for (row, key) in keys.enumerated() { index.set(Int32(row), for: key) }
        self.index = index
        self.weights = weights
    }

    /// Adds the weights of every feature in `features` to `scores` (``EntityTagSet/count`` entries).
    @inline(__always)
    func accumulate(_ features: [UInt64], into scores: UnsafeMutablePointer<Float>) {
        let tagCount = EntityTagSet.count
        weights.withUnsafeBufferPointer { w in
            for key in features {
                let row = Int(index.value(for: key))
                if row < 0 { continue }
                let base = w.baseAddress! + row * tagCount
                for t in 0..<tagCount { scores[t] += base[t] }
            }
        }
    }

    private static let magic: [UInt8] = Array("ENTM".utf8)
    private static let formatVersion: UInt32 = 1

    /// Serialises the model, quantising weights to 16 bits.
    func serialized() -> [UInt8] {
        var keys = [UInt64](repeating: 0, count: rowCount)
        index.forEach { key, row in keys[Int(row)] = key }
        let maximum = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maximum > 0 ? maximum / 32767 : 1
        var out = Self.magic
        out.reserveCapacity(24 + rowCount * (8 + 2 * EntityTagSet.count))
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        append(Self.formatVersion)
        append(EntityDocumentContext.featureVersion)
        append(UInt32(EntityTagSet.count))
        append(UInt32(rowCount))
        append(scale.bitPattern)
        for key in keys { append(key) }
        for weight in weights { append(Int16(clamping: Int((weight / scale).rounded()))) }
        return out
    }

    /// Parses a model file produced by ``serialized()``.
    /// - Throws: ``LoadError`` when the bytes are not a model of this feature version.
    init(bytes: [UInt8]) throws(LoadError) {
        guard bytes.count >= 24, Array(bytes[0..<4]) == Self.magic else {
            throw LoadError(description: "not an entity model file")
        }
        func read32(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        guard read32(4) == Self.formatVersion else { throw LoadError(description: "unsupported model format") }
        guard read32(8) == EntityDocumentContext.featureVersion else {
            throw LoadError(
                description: "model was trained with feature version \(read32(8)), expected "
                    + "\(EntityDocumentContext.featureVersion)"
            )
        }
        let tagCount = Int(read32(12))
        let rows = Int(read32(16))
        let scale = Float(bitPattern: read32(20))
        guard tagCount == EntityTagSet.count, bytes.count == 24 + rows * 8 + rows * tagCount * 2 else {
            throw LoadError(description: "truncated or inconsistent entity model file")
        }
        var keys = [UInt64](repeating: 0, count: rows)
        var weights = [Float](repeating: 0, count: rows * tagCount)
        bytes.withUnsafeBytes { raw in
            for r in 0..<rows {
                keys[r] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24 + r * 8, as: UInt64.self))
            }
            let base = 24 + rows * 8
            for k in 0..<(rows * tagCount) {
                let value = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: base + k * 2, as: Int16.self))
                weights[k] = Float(value) * scale
            }
        }
        self.init(keys: keys, weights: weights)
    }
}
