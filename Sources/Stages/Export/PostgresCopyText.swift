/// Encodes values for PostgreSQL's `COPY ... FROM STDIN` text format: columns separated by a tab, rows ended by a
/// newline, `\N` for NULL, and backslash, tab, newline and carriage return escaped with a backslash.
///
/// PostgreSQL text cannot hold NUL, so a NUL character becomes U+FFFD (in JSON, the escape `\u0000` becomes
/// `\ufffd`), rather than failing the whole batch.
enum PostgresCopyText {
    /// The column separator.
    static let tab: UInt8 = 0x09
    /// The row terminator.
    static let newline: UInt8 = 0x0A
    private static let backslash: UInt8 = 0x5C
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends a text value, or `\N` for `nil`.
    /// - Parameters:
    ///   - value: The value.
    ///   - row: The row being encoded.
    static func append(_ value: String?, to row: inout [UInt8]) {
        guard var value else {
            row.append(contentsOf: [backslash, 0x4E])
            return
        }
        value.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let escaped: UInt8
                switch bytes[index] {
                case backslash: escaped = backslash
                case tab: escaped = 0x74
                case newline: escaped = 0x6E
                case 0x0D: escaped = 0x72
                case 0x00: escaped = 0
                default: continue
                }
                row.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if escaped == 0 {
                    row.append(contentsOf: replacementCharacter)
                } else {
                    row.append(contentsOf: [backslash, escaped])
                }
                runStart = index + 1
            }
            row.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Appends serialized JSON, with every `\u0000` escape replaced by `\ufffd` (`jsonb` rejects it).
    /// - Parameters:
    ///   - json: The JSON text (as ``Pipeline/JSONValue/serialized()`` writes it: no raw control characters).
    ///   - row: The row being encoded.
    static func appendJSON(_ json: String, to row: inout [UInt8]) {
        guard json.utf8.contains(backslash) else {
            append(json, to: &row)
            return
        }
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(json.utf8.count)
        var bytes = json.utf8.makeIterator()
        let nul = Array("u0000".utf8)
        var pendingEscape: [UInt8] = []
        while let byte = bytes.next() {
            guard byte == backslash else {
                cleaned.append(byte)
                continue
            }
            guard let next = bytes.next() else {
                cleaned.append(byte)
                break
            }
            guard next == 0x75 else {  // \\, \" and the like: copied as they are
                cleaned.append(contentsOf: [byte, next])
                continue
            }
            pendingEscape = [next]
            while pendingEscape.count < 5, let digit = bytes.next() { pendingEscape.append(digit) }
            cleaned.append(byte)
            cleaned.append(contentsOf: pendingEscape == nul ? Array("ufffd".utf8) : pendingEscape)
        }
        append(String(decoding: cleaned, as: UTF8.self), to: &row)
    }
}
