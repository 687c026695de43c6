import Pipeline

/// The text encodings shared by the cross-shard dedupe files: tab-separated fields, fixed-width lower-case
/// hexadecimal numbers, and ids as JSON strings (so a tab, newline or any other character in an id is escaped).
enum DedupeFileFormat {
    /// The hexadecimal digits.
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends `value` as `width` lower-case hexadecimal digits (the low `4 × width` bits).
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - width: The number of digits (16 for 64 bits, 8 for 32).
    ///   - output: The buffer to append to.
    static func appendHex(_ value: UInt64, width: Int, to output: inout [UInt8]) {
        for shift in stride(from: 4 * (width - 1), through: 0, by: -4) {
            output.append(digits[Int((value >> UInt64(shift)) & 0xf)])
        }
    }

    /// `value` as 16 lower-case hexadecimal digits.
    ///
    /// - Parameter value: The number.
    /// - Returns: The digits.
    static func hex(_ value: UInt64) -> String {
        var output: [UInt8] = []
        appendHex(value, width: 16, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Parses hexadecimal digits (either case).
    ///
    /// - Parameter bytes: The digits, at most 16.
    /// - Returns: The value, or `nil` when the field is empty, too long, or holds another character.
    static func parseHex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// Splits a line into its tab-separated fields.
    ///
    /// - Parameter line: The line's bytes.
    /// - Returns: The fields, as slices of `line`.
    static func fields(_ line: [UInt8]) -> [ArraySlice<UInt8>] {
        line.split(separator: 0x09, omittingEmptySubsequences: false)
    }

    /// Appends an id as a JSON string.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - output: The buffer to append to.
    static func appendID(_ id: String, to output: inout [UInt8]) {
        JSONValue.writeString(id, to: &output)
    }

    /// Parses an id written by ``appendID(_:to:)``.
    ///
    /// - Parameter field: The JSON string's bytes.
    /// - Returns: The id, or `nil` when the field is not a JSON string.
    static func parseID(_ field: ArraySlice<UInt8>) -> String? {
        guard field.first == 0x22 else { return nil }
        let value = Array(field).withUnsafeBufferPointer { try? JSONParser().parse($0) }
        return value?.stringValue
    }

    /// The text of a field, for error messages (at most 80 characters).
    ///
    /// - Parameter field: The field's bytes.
    /// - Returns: The text, cut with `…` when longer.
    static func excerpt(_ field: ArraySlice<UInt8>) -> String {
        let text = String(decoding: field.prefix(80), as: UTF8.self)
        return field.count > 80 ? text + "…" : text
    }
}
