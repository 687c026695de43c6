import Pipeline
import Testing

@Suite("FNV1a")
struct FNV1aTests {
    /// A line of `seeds/000_b91e1b26261307a9.txt`, with a curly apostrophe and a Korean heading nearby.
    static let seedLine =
        "Foreign Minister Kang Kyung-wha is scheduled to visit the United States on the 8th and 10th to meet with "
        + "US Secretary of State Mike Pompeo."

    @Test func matchesThePublishedTestVectors() {
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hexadecimal(FNV1a.hash("a")) == "af63dc4c8601ec8c")
    }

    @Test func foldingByteByByteEqualsHashingTheWholeText() {
        var folded = FNV1a.offsetBasis
        for byte in Self.seedLine.utf8 { folded = FNV1a.adding(byte, to: folded) }
        #expect(folded == FNV1a.hash(Self.seedLine))
        #expect(folded == FNV1a.hash(Array(Self.seedLine.utf8)))
        #expect(FNV1a.hexadecimal(folded) == "f92ba84885fa1f0b")
    }

    @Test func hashesAByteRangeOfTheText() {
        let original = "[2020 미국의 선택]Trump aggressively negotiates"
        var text = original
        text.withUTF8 { bytes in
            let range = 1..<5
            #expect(FNV1a.hash(bytes, range) == FNV1a.hash("2020"))
            #expect(FNV1a.hash(bytes, 0..<bytes.count) == FNV1a.hash(original))
            #expect(FNV1a.hash(bytes, 3..<3) == FNV1a.offsetBasis)
        }
    }

    @Test func lowercasingFoldsASCIICapitalsOnly() {
        var text = "Mr. KANG Kyung-wha and the Republic’s ÉLITE"
        text.withUTF8 { bytes in
            let all = 0..<bytes.count
            #expect(FNV1a.hashLowercasingASCII(bytes, all) == FNV1a.hash("mr. kang kyung-wha and the republic’s Élite"))
            #expect(FNV1a.hashLowercasingASCII(bytes, 0..<2) == FNV1a.hash("mr"))
        }
        #expect(FNV1a.hashLowercasingASCII("US") == FNV1a.hash("us"))
        #expect(FNV1a.hashLowercasingASCII("Élite") != FNV1a.hash("élite"))
    }
}
