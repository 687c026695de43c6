import Pipeline

/// Formats CSV rows (RFC 4180): cells quoted when they hold a comma, quote or line break, quotes doubled.
enum CSVRow {
    /// Appends one row and its line break.
    /// - Parameters:
    ///   - cells: The cells.
    ///   - safe: Whether to neutralise cells that spreadsheets would evaluate as formulas.
    ///   - output: The buffer.
    static func write(_ cells: [String], safe: Bool, to output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            var value = cell
            if safe, let first = value.utf8.first,
                [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
            {
                value = "'" + value
            }
            let needsQuotes = value.utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
            if needsQuotes {
                output.append(UInt8(ascii: "\""))
                for byte in value.utf8 {
                    if byte == UInt8(ascii: "\"") { output.append(byte) }
                    output.append(byte)
                }
                output.append(UInt8(ascii: "\""))
            } else {
                output.append(contentsOf: value.utf8)
            }
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// The cell for one field of a document: the string itself, empty for a missing field, JSON otherwise.
    static func cell(of document: Document, field: String) -> String {
        switch field {
        case "id": return document.id
        case "text": return document.text
        default:
            switch document.fields[field] {
            case nil, .null?: return ""
            case .string(let value)?: return value
            case let value?: return value.serialized()
            }
        }
    }
}
