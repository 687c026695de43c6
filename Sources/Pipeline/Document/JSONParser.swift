/// A strict JSON parser working on UTF-8 bytes.
///
/// It accepts exactly one JSON value (RFC 8259) surrounded by optional whitespace, rejects invalid UTF-8 and lone
/// surrogate escapes, and limits nesting depth so hostile input cannot overflow the stack.
public struct JSONParser: Sendable {
    /// Why a text is not valid JSON, and where.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, e.g. "unexpected character 'x'".
        public var message: String
        /// The 0-based byte offset at which the problem was found.
        public var offset: Int

        /// A one-line description: the message and the 1-based column.
        public var description: String { "\(message) at column \(offset + 1)" }
    }

    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth: Int

    /// Creates a parser.
    /// - Parameter maxDepth: The deepest nesting of arrays and objects accepted (default 256).
    public init(maxDepth: Int = 256) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON value from UTF-8 bytes.
    /// - Parameter bytes: The UTF-8 text.
    /// - Returns: The value.
    /// - Throws: ``SyntaxError`` when the text is not one valid JSON value.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var cursor = Cursor(bytes: bytes, maxDepth: maxDepth)
        cursor.skipWhitespace()
        let value = try cursor.parseValue(depth: 0)
        cursor.skipWhitespace()
        if cursor.position != bytes.count {
            throw cursor.error("unexpected \(cursor.describeCurrent()) after the value")
        }
        return value
    }

    /// Parses one JSON value from a string.
    /// - Parameter text: The JSON text.
    /// - Returns: The value.
    /// - Throws: ``SyntaxError`` when the text is not one valid JSON value.
    public func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var copy = text
        let result: Result<JSONValue, SyntaxError> = copy.withUTF8 { buffer in
            do throws(SyntaxError) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The parsing state over one buffer.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(message: message, offset: position)
        }

        func describeCurrent() -> String {
            guard position < bytes.count else { return "end of input" }
            let byte = bytes[position]
            if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
            guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw error("unexpected \(describeCurrent()), expected a value")
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("invalid literal, expected true, false or null") }
            let start = literal.utf8Start
            for offset in 0..<count where bytes[position + offset] != start[offset] {
                throw error("invalid literal, expected true, false or null")
            }
            position += count
        }

        mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
            position += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw error("unexpected \(describeCurrent()), expected a string key")
                }
                let key = try parseString()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error("unexpected \(describeCurrent()), expected ':'")
                }
                position += 1
                skipWhitespace()
                members[key] = try parseValue(depth: depth)
                skipWhitespace()
                guard position < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                } else {
                    throw error("unexpected \(describeCurrent()), expected ',' or '}'")
                }
            }
        }

        mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard position < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                } else {
                    throw error("unexpected \(describeCurrent()), expected ',' or ']'")
                }
            }
        }

        mutating func parseNumber() throws(SyntaxError) -> JSONValue {
            let start = position
            var isInteger = true
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, UTF8Byte.isASCIIDigit(bytes[position]) else { throw error("invalid number") }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while position < bytes.count, UTF8Byte.isASCIIDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                isInteger = false
                position += 1
                guard position < bytes.count, UTF8Byte.isASCIIDigit(bytes[position]) else {
                    throw error("invalid number")
                }
                while position < bytes.count, UTF8Byte.isASCIIDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                isInteger = false
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
                {
                    position += 1
                }
                guard position < bytes.count, UTF8Byte.isASCIIDigit(bytes[position]) else {
                    throw error("invalid number")
                }
                while position < bytes.count, UTF8Byte.isASCIIDigit(bytes[position]) { position += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if isInteger, let value = Int64(text) { return .integer(value) }
            guard let value = Double(text) else { throw error("invalid number") }
            // Infinity has no JSON form: it would be written back as null.
            guard value.isFinite else { throw SyntaxError(message: "number out of range", offset: start) }
            return .double(value)
        }

        mutating func parseString() throws(SyntaxError) -> String {
            position += 1
            let start = position
            // Fast path: no escapes, only validated UTF-8.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                    guard let string = String(validating: slice, as: UTF8.self) else {
                        throw SyntaxError(message: "invalid UTF-8 in a string", offset: start)
                    }
                    position += 1
                    return string
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error("unescaped control character in a string") }
                position += 1
            }
            guard position < bytes.count else { throw error("unterminated string") }
            // Slow path with escapes.
            var buffer: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                // Copy the run up to the next quote, backslash or control character in one piece.
                var runEnd = position
                while runEnd < bytes.count {
                    let byte = bytes[runEnd]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                    runEnd += 1
                }
                if runEnd > position {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<runEnd]))
                    position = runEnd
                    guard position < bytes.count else { break }
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    guard let string = String(validating: buffer, as: UTF8.self) else {
                        throw SyntaxError(message: "invalid UTF-8 in a string", offset: start)
                    }
                    return string
                }
                if byte < 0x20 { throw error("unescaped control character in a string") }
                if byte != UInt8(ascii: "\\") {
                    buffer.append(byte)
                    position += 1
                    continue
                }
                position += 1
                guard position < bytes.count else { throw error("unterminated string") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                            bytes[position + 1] == UInt8(ascii: "u")
                        else { throw error("lone surrogate in a \\u escape") }
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("lone surrogate in a \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    buffer.append(contentsOf: UTF8.encode(unicode)!)
                default:
                    position -= 1
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
            }
            throw error("unterminated string")
        }

        mutating func parseHex4() throws(SyntaxError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("invalid \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("invalid \\u escape")
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }
    }
}
