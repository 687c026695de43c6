/// The rows of an entity model as stored on disk: feature keys and their 16-bit weights.
///
/// # File format (little-endian)
/// ```
/// "ENTM"  UInt32 version  UInt32 featureVersion  UInt32 tagCount  UInt32 rowCount  Float32 scale
/// rowCount x UInt64 feature keys
/// rowCount x tagCount x Int16 weights (weight = value * scale)
/// ```
/// ``EntityModel`` turns the rows into its look-up table; the trainer writes them in its own row order, so the file
/// is reproducible byte for byte.
struct EntityModelFile: Sendable, Equatable {
    /// Distinct feature keys, one per row.
    var keys: [UInt64]
    /// ``EntityTagSet/count`` weights per row, row-major, in units of ``scale``.
    var quantised: [Int16]
    /// The value of one weight unit.
    var scale: Float

    /// The most rows a model may have (the look-up table's bucket numbers must fit below the stored key bits).
    static let maximumRowCount = EntityModel.maximumBucketCount * EntityModel.bucketSize * 3 / 5

    private static let magic: [UInt8] = Array("ENTM".utf8)
    private static let formatVersion: UInt32 = 1

    /// Creates the rows from feature keys and real-valued row-major weights, quantising them to 16 bits.
    init(keys: [UInt64], weights: [Float]) {
        precondition(weights.count == keys.count * EntityTagSet.count && keys.count <= Self.maximumRowCount)
        let maximum = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maximum > 0 ? maximum / 32767 : 1
        self.keys = keys
        self.quantised = weights.map { Int16(clamping: Int(($0 / scale).rounded())) }
        self.scale = scale
    }

    /// Serialises the rows.
    func serialized() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(24 + keys.count * (8 + 2 * EntityTagSet.count))
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        append(Self.formatVersion)
        append(EntityDocumentContext.featureVersion)
        append(UInt32(EntityTagSet.count))
        append(UInt32(keys.count))
        append(scale.bitPattern)
        for key in keys { append(key) }
        for weight in quantised { append(weight) }
        return out
    }

    /// Parses a model file produced by ``serialized()``.
    /// - Throws: ``EntityModel/LoadError`` when the bytes are not a model of this feature version.
    init(bytes: [UInt8]) throws(EntityModel.LoadError) {
        guard bytes.count >= 24, Array(bytes[0..<4]) == Self.magic else {
            throw EntityModel.LoadError(description: "not an entity model file")
        }
        func read32(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        guard read32(4) == Self.formatVersion else {
            throw EntityModel.LoadError(description: "unsupported model format")
        }
        guard read32(8) == EntityDocumentContext.featureVersion else {
            throw EntityModel.LoadError(
                description: "model was trained with feature version \(read32(8)), expected "
                    + "\(EntityDocumentContext.featureVersion)"
            )
        }
        let tagCount = Int(read32(12))
        let rows = Int(read32(16))
        guard tagCount == EntityTagSet.count, bytes.count == 24 + rows * 8 + rows * tagCount * 2 else {
            throw EntityModel.LoadError(description: "truncated or inconsistent entity model file")
        }
        guard rows <= Self.maximumRowCount else {
            throw EntityModel.LoadError(
                description: "entity model file has \(rows) rows, more than \(Self.maximumRowCount)"
            )
        }
        var keys = [UInt64](repeating: 0, count: rows)
        var quantised = [Int16](repeating: 0, count: rows * tagCount)
        bytes.withUnsafeBytes { raw in
            for r in 0..<rows {
                keys[r] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24 + r * 8, as: UInt64.self))
            }
            let base = 24 + rows * 8
            for k in 0..<(rows * tagCount) {
                quantised[k] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: base + k * 2, as: Int16.self))
            }
        }
        self.keys = keys
        self.quantised = quantised
        self.scale = Float(bitPattern: read32(20))
    }
}
