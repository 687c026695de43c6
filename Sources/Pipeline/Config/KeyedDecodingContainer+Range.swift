/// Range-checked decoding for option values.
extension KeyedDecodingContainer {
    /// Decodes a value for a key and checks that it lies in a range.
    ///
    /// With ``YAMLNodeDecoder`` an out-of-range value becomes a `.outOfRange` error located at the value, with a
    /// message such as `expected a value between 0.0 and 1.0, found 1.5`.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - key: The key of the value.
    ///   - range: The accepted values.
    /// - Returns: The value.
    /// - Throws: `DecodingError.dataCorrupted` when the value is outside `range`, or any error decoding it.
    public func decode<T: Decodable & Comparable>(
        _ type: T.Type,
        forKey key: Key,
        in range: ClosedRange<T>
    ) throws -> T {
        let value = try decode(type, forKey: key)
        try checkRange(value, range, forKey: key)
        return value
    }

    /// Decodes a value for a key, if present and not null, and checks that it lies in a range.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - key: The key of the value.
    ///   - range: The accepted values.
    /// - Returns: The value, or `nil` when the key is absent or null.
    /// - Throws: `DecodingError.dataCorrupted` when the value is outside `range`, or any error decoding it.
    public func decodeIfPresent<T: Decodable & Comparable>(
        _ type: T.Type,
        forKey key: Key,
        in range: ClosedRange<T>
    ) throws -> T? {
        guard let value = try decodeIfPresent(type, forKey: key) else { return nil }
        try checkRange(value, range, forKey: key)
        return value
    }

    private func checkRange<T: Comparable>(_ value: T, _ range: ClosedRange<T>, forKey key: Key) throws {
        guard !range.contains(value) else { return }
        let message = "expected a value between \(range.lowerBound) and \(range.upperBound), found \(value)"
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath + [key],
                debugDescription: message,
                underlyingError: YAMLNodeDecoder.Issue(code: .outOfRange, message: message)
            )
        )
    }
}
