import Pipeline
import Testing

@Suite("UTF8Byte")
struct UTF8ByteTests {
    /// Classifies every byte of `text` with `test` and returns the characters whose lead byte passed.
    static func matching(_ text: String, _ test: (UInt8) -> Bool) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { test(UInt8(truncatingIfNeeded: $0.value)) && $0.isASCII }
            )
        )
    }

    @Test func classifiesTheASCIIOfASeedLine() {
        let line = "On the 3rd, a diplomatic official said: “We have held several TF meetings.”"
        #expect(Self.matching(line, UTF8Byte.isASCIIDigit) == "3")
        #expect(Self.matching(line, UTF8Byte.isASCIIUppercase) == "OWTF")
        #expect(Self.matching("Kang Kyung-wha, 25-person TF", UTF8Byte.isASCIIAlphanumeric) == "KangKyungwha25personTF")
        #expect(Self.matching("Kang\tKyung-wha\r\n", UTF8Byte.isASCIIWhitespace) == "\t\r\n")
        #expect(
            String(decoding: "Kang KYUNG-wha’S".utf8.map(UTF8Byte.lowercasedASCII), as: UTF8.self) == "kang kyung-wha’s"
        )
    }

    @Test func multiByteCharactersAreWordBytesButNeverASCIIClasses() {
        for byte in "미국의 선택 Élite “quote”".utf8 where byte >= 0x80 {
            #expect(UTF8Byte.isWordByte(byte))
            #expect(!UTF8Byte.isASCIILetter(byte) && !UTF8Byte.isASCIIDigit(byte) && !UTF8Byte.isASCIIWhitespace(byte))
        }
        #expect(!UTF8Byte.isWordByte(UInt8(ascii: "-")) && UTF8Byte.isWordByte(UInt8(ascii: "7")))
    }

    @Test func sequenceLengthsFollowTheLeadByte() {
        let lengths = "a é 미 😀".unicodeScalars.map { scalar in
            UTF8Byte.sequenceLength(lead: Array(String(scalar).utf8)[0])
        }
        #expect(lengths == [1, 1, 2, 1, 3, 1, 4])
        #expect(UTF8Byte.sequenceLength(lead: 0x80) == 1)
        #expect(UTF8Byte.sequenceLength(lead: 0xC1) == 1)
        #expect(UTF8Byte.sequenceLength(lead: 0xF5) == 1)
        #expect("미국".utf8.filter(UTF8Byte.isContinuation).count == 4)
    }

    @Test func measuresUnicodeWhitespace() {
        // no-break space, en quad, narrow no-break space, ideographic space, line separator; then an em dash.
        var text = "a\u{00A0}b\u{2000}c\u{202F}d\u{3000}e\u{2028}f\u{2014}g h"
        let widths = text.withUTF8 { bytes in
            (0..<bytes.count).compactMap { index -> Int? in
                let width = UTF8Byte.whitespaceLength(bytes, at: index)
                return width > 0 ? width : nil
            }
        }
        #expect(widths == [2, 3, 3, 3, 3, 1])
        let inline = text.withUTF8 { bytes in
            (0..<bytes.count).map { UTF8Byte.inlineSpaceLength(bytes, at: $0) }.filter { $0 > 0 }
        }
        #expect(inline == [2, 1])
    }
}
