/// How plain scalar text resolves to null, booleans and numbers (YAML 1.2 core schema, without `yes`/`no`).
extension YAMLScalar {
    /// Whether `text` spells null: empty, `~`, `null`, `Null` or `NULL`.
    static func isNullLiteral(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The boolean `text` spells (`true`, `True`, `TRUE`, `false`, `False`, `FALSE`), if any.
    static func boolLiteral(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Whether `text` is an integer: `[-+]?[0-9]+`, `0x[0-9a-fA-F]+` or `0o[0-7]+`.
    static func isIntegerLiteral(_ text: String) -> Bool {
        integerParts(text) != nil
    }

    /// Splits an integer literal into its sign, digits and radix.
    static func integerParts(_ text: String) -> (negative: Bool, digits: Substring, radix: Int)? {
        let utf8 = Array(text.utf8)
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "x") || utf8[1] == UInt8(ascii: "o") {
            let radix = utf8[1] == UInt8(ascii: "x") ? 16 : 8
            let digits = utf8[2...]
            let valid = digits.allSatisfy { byte in
                if radix == 8 { return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7") }
                return UTF8Byte.isASCIIDigit(byte)
                    || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
            }
            guard valid else { return nil }
            return (false, text.dropFirst(2), radix)
        }
        var start = 0
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            start = 1
        }
        guard start < utf8.count, utf8[start...].allSatisfy(UTF8Byte.isASCIIDigit) else { return nil }
        return (negative, text.dropFirst(start), 10)
    }

    /// Whether `text` is a floating-point literal: decimal with an optional exponent, `.inf`, `-.inf` or `.nan`.
    static func isFloatLiteral(_ text: String) -> Bool {
        if specialFloat(text) != nil { return true }
        let utf8 = Array(text.utf8)
        var index = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        var mantissaDigits = 0
        while index < utf8.count, UTF8Byte.isASCIIDigit(utf8[index]) {
            index += 1
            mantissaDigits += 1
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            while index < utf8.count, UTF8Byte.isASCIIDigit(utf8[index]) {
                index += 1
                mantissaDigits += 1
            }
        }
        guard mantissaDigits > 0 else { return false }
        if index < utf8.count, utf8[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < utf8.count, UTF8Byte.isASCIIDigit(utf8[index]) {
                index += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        return index == utf8.count
    }

    /// The value of `.inf`, `+.inf`, `-.inf` or `.nan` in any of their YAML spellings.
    static func specialFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }

    /// `text` in double quotes for a message, escaped and shortened to at most 40 characters.
    static func quoted(_ text: String) -> String {
        var result = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 40 {
                result += "..."
                break
            }
            count += 1
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
