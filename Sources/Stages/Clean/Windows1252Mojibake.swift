/// Repair of UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and encoded again: `â€™` for `’`,
/// `Ã©` for `é`, `Â£` for `£`.
///
/// Each character of such a sequence maps back to one Windows-1252 byte; when those bytes form one valid UTF-8
/// character (a lead byte `C2`–`F4` and the right number of continuation bytes, no overlong or surrogate forms), the
/// sequence is replaced by that character. Anything else is left as it is.
enum Windows1252Mojibake {
    /// The Windows-1252 byte for a scalar that may appear as a UTF-8 continuation byte in mojibake (`0x80`–`0xBF`),
    /// or nil. C1 controls map to themselves, as bytes that Windows-1252 leaves undefined survive that way.
    @inline(__always)
    static func continuationByte(for scalar: UInt32) -> UInt8? {
        if scalar >= 0x80 && scalar <= 0xBF { return UInt8(scalar) }
        switch scalar {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// The number of bytes of the UTF-8 sequence a mojibake lead character starts (`Â`–`ô`), or 0.
    @inline(__always)
    static func sequenceLength(forLead scalar: UInt32) -> Int {
        switch scalar {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// True when `second` may follow `lead` in well-formed UTF-8 (rejects overlong forms and surrogates).
    @inline(__always)
    static func isValidSecond(_ second: UInt8, afterLead lead: UInt8) -> Bool {
        switch lead {
        case 0xE0: return second >= 0xA0 && second <= 0xBF
        case 0xED: return second >= 0x80 && second <= 0x9F
        case 0xF0: return second >= 0x90 && second <= 0xBF
        case 0xF4: return second >= 0x80 && second <= 0x8F
        default: return second >= 0x80 && second <= 0xBF
        }
    }
}
