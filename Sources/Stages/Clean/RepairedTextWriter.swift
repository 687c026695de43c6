/// The output side of ``UnicodeTextRepairer``: appends bytes while collapsing spaces and trimming lines.
///
/// Spaces are held back until the next visible character: at the start of a line they are dropped, before a newline
/// they are dropped, and in between a run becomes one ASCII space. A run of exactly one special space (no-break,
/// thin, ideographic...) is written as itself, so `10\u{A0}km` keeps the author's no-break space.
struct RepairedTextWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]
    /// Spaces merged away or trimmed.
    private(set) var removedSpaces = 0
    /// True when a written scalar may change under NFC.
    private(set) var needsCanonicalComposition = false
    /// True when the last written visible scalar was ASCII (or nothing is written on this line yet).
    private(set) var lastWasASCII = true
    /// True when a `[` was written.
    private(set) var sawBracket = false
    /// Spaces waiting for the next visible character.
    private var pendingSpaces = 0
    /// The single pending space's scalar, when the run so far is one special space.
    private var pendingScalar: UInt32 = 0x20
    /// True until the current line has a visible character.
    private var atLineStart = true

    /// Creates a writer with room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Holds back one space scalar.
    @inline(__always)
    mutating func writeSpace(_ scalar: UInt32) {
        pendingSpaces += 1
        pendingScalar = pendingSpaces == 1 ? scalar : 0x20
    }

    /// Ends the current line, dropping held-back spaces.
    @inline(__always)
    mutating func writeNewline() {
        removedSpaces += pendingSpaces
        pendingSpaces = 0
        bytes.append(0x0A)
        atLineStart = true
        lastWasASCII = true
    }

    /// Writes held-back spaces before a visible character.
    @inline(__always)
    private mutating func flushSpaces() {
        guard pendingSpaces > 0 else { return }
        if atLineStart {
            removedSpaces += pendingSpaces
        } else {
            removedSpaces += pendingSpaces - 1
            if pendingScalar == 0x20 {
                bytes.append(0x20)
            } else {
                appendEncoded(pendingScalar)
            }
        }
        pendingSpaces = 0
    }

    /// Writes one visible ASCII byte.
    @inline(__always)
    mutating func writeASCII(_ byte: UInt8) {
        if pendingSpaces > 0 { flushSpaces() }
        bytes.append(byte)
        atLineStart = false
        lastWasASCII = true
    }

    /// Writes a run of visible ASCII bytes with single spaces inside (never at its start or end).
    @inline(__always)
    mutating func writeASCIIRun(_ run: UnsafeBufferPointer<UInt8>) {
        if pendingSpaces > 0 { flushSpaces() }
        bytes.append(contentsOf: run)
        atLineStart = false
        lastWasASCII = true
    }

    /// Records that the text has a `[`.
    @inline(__always)
    mutating func noteBracket() {
        sawBracket = true
    }

    /// Writes one visible non-ASCII scalar.
    @inline(__always)
    mutating func writeScalar(_ scalar: UInt32) {
        if pendingSpaces > 0 { flushSpaces() }
        if !CanonicalCompositionCheck.isStable(scalar) { needsCanonicalComposition = true }
        appendEncoded(scalar)
        atLineStart = false
        lastWasASCII = scalar < 0x80
    }

    /// Drops spaces held back at the end of the text.
    mutating func finish() {
        removedSpaces += pendingSpaces
        pendingSpaces = 0
    }

    /// Appends the UTF-8 encoding of a scalar.
    @inline(__always)
    private mutating func appendEncoded(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
