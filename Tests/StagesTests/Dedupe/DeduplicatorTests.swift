import Foundation
import Testing

import Pipeline
@testable import Stages

/// Tests of the `dedupe` stage's algorithm: exact and near-duplicate decisions on real articles, the normalisation,
/// pinned hash and signature values, and edge cases.
@Suite struct DeduplicatorTests {
    /// The two seed articles, loaded from the fixtures next to this folder.
    static let seedNames = ["000_b91e1b26261307a9.txt", "002_b572a6a0bfdea77a.txt"]

    /// Reads a seed article from `Tests/.../Fixtures/Dedupe/`.
    static func seed(_ name: String) throws -> String {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("Dedupe")
        return try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// A copy of an article as a content farm would re-publish it: ad markers after the headline and in the middle,
    /// curly quotes, and a newsletter block at the end.
    static func withAdsAndNewsletter(_ text: String) -> String {
        var paragraphs = text.components(separatedBy: "\n\n")
        paragraphs.insert("ADVERTISEMENT", at: min(1, paragraphs.count))
        paragraphs.insert("[ad_1]", at: paragraphs.count / 2)
        paragraphs.append(
            """
            Sign Up for Our Newsletters
            Get notified of important news and special executive deals.
            Follow us on Twitter and Facebook for the latest updates.
            © 2020 All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
            """
        )
        return paragraphs.joined(separator: "\n\n").replacingOccurrences(of: "'", with: "’")
    }

    @Test func seedArticlesAreNotDuplicatesOfEachOther() throws {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let first = try Self.seed(Self.seedNames[0])
        let second = try Self.seed(Self.seedNames[1])
        #expect(index.decide(id: "seed-000", signature: deduplicator.signature(of: first)) == .kept)
        #expect(index.decide(id: "seed-002", signature: deduplicator.signature(of: second)) == .kept)
        #expect(index.count == 2)
    }

    @Test(arguments: [(0, false), (0, true), (1, false), (1, true)])
    func seedWithAdsAndNewsletterIsNearDuplicate(seedIndex: Int, variantFirst: Bool) throws {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let original = try Self.seed(Self.seedNames[seedIndex])
        let variant = Self.withAdsAndNewsletter(original)
        let arrivals =
            variantFirst
            ? [("variant", variant), ("original", original)]
            : [
                ("original", original),
                ("variant", variant),
            ]
        #expect(index.decide(id: arrivals[0].0, signature: deduplicator.signature(of: arrivals[0].1)) == .kept)
        let decision = index.decide(id: arrivals[1].0, signature: deduplicator.signature(of: arrivals[1].1))
        #expect(decision.kind == .nearDuplicate)
        #expect(decision.duplicateOf == arrivals[0].0)
        let expected = [0: 0.921875, 1: 0.9765625][seedIndex]
        #expect(decision.similarity == expected)
        #expect(index.count == 1)
    }

    @Test func exactDuplicatesIgnoreCaseWhitespaceAndPunctuation() {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let texts = [
            "BA’s “respectable” results — fuel costs rose by £106m.",
            "ba's \"Respectable\" RESULTS - fuel costs rose by 106m",
            "  BA s\n\nrespectable results:\tfuel   costs rose by £106m!!!",
        ]
        #expect(index.decide(id: "a", signature: deduplicator.signature(of: texts[0])) == .kept)
        for (offset, text) in texts.dropFirst().enumerated() {
            let decision = index.decide(id: "copy-\(offset)", signature: deduplicator.signature(of: text))
            #expect(decision == DedupeDecision(kind: .exactDuplicate, duplicateOf: "a", similarity: 1.0))
        }
    }

    @Test func editedCopyWithNewHeadlineFillerWordsAndUpdatedParagraphIsNearDuplicate() throws {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let original = try Self.seed(Self.seedNames[1])
        var paragraphs = original.components(separatedBy: "\n\n")
        paragraphs[0] = "Election year begins with Trump campaign in full swing"
        paragraphs[paragraphs.count - 1] =
            "This paragraph was updated after publication with a statement from the campaign."
        let fillers = ["reportedly", "also", "now", "however", "still"]
        let words = paragraphs.joined(separator: "\n\n").split(separator: " ", omittingEmptySubsequences: false)
        let edited = words.enumerated().map { offset, word in
            offset % 15 == 7 ? fillers[offset % fillers.count] + " " + word : String(word)
        }.joined(separator: " ")
        #expect(index.decide(id: "original", signature: deduplicator.signature(of: original)) == .kept)
        let decision = index.decide(id: "edited", signature: deduplicator.signature(of: edited))
        #expect(decision == DedupeDecision(kind: .nearDuplicate, duplicateOf: "original", similarity: 0.5234375))
    }

    @Test func accentedCapitalsAreFolded() {
        let deduplicator = Deduplicator()
        #expect(deduplicator.signature(of: "ÉCOLE ÀLA CAFÉ") == deduplicator.signature(of: "école àla café"))
        #expect(deduplicator.signature(of: "МОСКВА") == deduplicator.signature(of: "москва"))
        #expect(deduplicator.signature(of: "cafe") != deduplicator.signature(of: "café"))
    }

    @Test func exactHashIsFNV1aOfTheNormalisedText() {
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        let signature = Deduplicator().signature(of: "Hello,  WORLD! Déjà VU")
        #expect(signature.exactHash == FNV1a.hash("hello world déjà vu"))
        #expect(signature.exactHash == 10_488_540_167_434_052_981)
    }

    @Test func signatureValuesArePinned() {
        let text = "The quick brown fox jumps over the lazy dog near the river bank"
        let signature = Deduplicator().signature(of: text)
        #expect(signature.shingleCount == 9)
        #expect(signature.minHashes.count == 128)
        #expect(Array(signature.minHashes.prefix(4)) == [418_662_310, 236_144_792, 448_481_396, 832_746_191])
        #expect(Deduplicator().banding == DedupeBanding(bands: 26, rows: 2))
    }

    @Test(.timeLimit(.minutes(5))) func signaturesAreIdenticalWhenComputedConcurrently() async throws {
        let deduplicator = Deduplicator()
        let texts = try Self.seedNames.map(Self.seed) + ["short text", ""]
        let sequential = texts.map { deduplicator.signature(of: $0) }
        let concurrent = await withTaskGroup(of: (Int, DedupeSignature).self) { group in
            for (offset, text) in texts.enumerated() {
                group.addTask { (offset, deduplicator.signature(of: text)) }
            }
            var results = [DedupeSignature?](repeating: nil, count: texts.count)
            for await (offset, signature) in group { results[offset] = signature }
            return results
        }
        #expect(concurrent == sequential)
    }

    @Test func emptyAndPunctuationOnlyTextsAreExactDuplicatesOfEachOther() {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let empty = deduplicator.signature(of: "")
        #expect(empty.isEmpty)
        #expect(empty.exactHash == FNV1a.offsetBasis)
        #expect(empty.minHashes == Array(repeating: UInt32.max, count: 128))
        #expect(index.decide(id: "empty", signature: empty) == .kept)
        #expect(index.decide(id: "text", signature: deduplicator.signature(of: "Some words here")) == .kept)
        let punctuation = index.decide(id: "dashes", signature: deduplicator.signature(of: " -- … \n “ ” "))
        #expect(punctuation == DedupeDecision(kind: .exactDuplicate, duplicateOf: "empty", similarity: 1.0))
    }

    @Test func textShorterThanAShingleIsOneShingle() {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let short = deduplicator.signature(of: "Breaking news")
        #expect(short.shingleCount == 1)
        #expect(index.decide(id: "a", signature: short) == .kept)
        #expect(index.decide(id: "b", signature: deduplicator.signature(of: "Breaking story")) == .kept)
        #expect(index.decide(id: "c", signature: deduplicator.signature(of: "BREAKING: news!")).duplicateOf == "a")
    }

    @Test func duplicatesAreNeverInsertedSoLaterCopiesNameTheFirstKeptDocument() throws {
        let deduplicator = Deduplicator()
        let index = deduplicator.makeIndex()
        let original = try Self.seed(Self.seedNames[1])
        let copy = Self.withAdsAndNewsletter(original)
        let copyOfCopy = "Advertisement\n\n" + copy + "\n\nYou May Also Like"
        #expect(index.decide(id: "original", signature: deduplicator.signature(of: original)) == .kept)
        #expect(index.decide(id: "copy", signature: deduplicator.signature(of: copy)).duplicateOf == "original")
        #expect(index.decide(id: "copy-2", signature: deduplicator.signature(of: copyOfCopy)).duplicateOf == "original")
        #expect(index.count == 1)
    }

    @Test func signatureBytesRoundTripAndLoadIntoANewIndex() throws {
        let deduplicator = Deduplicator()
        let original = try Self.seed(Self.seedNames[0])
        let signature = deduplicator.signature(of: original)
        let bytes = signature.bytes
        #expect(bytes.count == 12 + 4 * 128)
        let decoded = try #require(DedupeSignature(bytes: bytes))
        #expect(decoded == signature)
        #expect(DedupeSignature(bytes: [1, 2, 3]) == nil)

        let index = deduplicator.makeIndex()
        index.insert(id: "stored", signature: decoded)
        let decision = index.decide(
            id: "new",
            signature: deduplicator.signature(of: Self.withAdsAndNewsletter(original))
        )
        #expect(decision.kind == .nearDuplicate)
        #expect(decision.duplicateOf == "stored")
        #expect(index.decide(id: "same", signature: signature).kind == .exactDuplicate)
    }

    @Test func hostileTextsAreHandled() {
        // Their cost is measured by the benchmark, not here: this checks the results.
        let deduplicator = Deduplicator()
        let noSpaces = deduplicator.signature(of: String(repeating: "abcdefghij", count: 500_000))
        #expect(noSpaces.shingleCount == 1)
        let lines = (0..<100_000).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined(separator: "\n")
        #expect(deduplicator.signature(of: lines).shingleCount == 99_996)
    }

    @Test func bandingMinimisesWeightedErrorsAroundTheThreshold() {
        #expect(DedupeBanding.optimal(threshold: 0.5, permutationCount: 128) == DedupeBanding(bands: 25, rows: 5))
        #expect(DedupeBanding.optimal(threshold: 0.8, permutationCount: 128) == DedupeBanding(bands: 9, rows: 13))
        let banding = DedupeBanding(bands: 26, rows: 2)
        #expect(abs(banding.candidateProbability(similarity: 0.5) - (1 - pow(0.75, 26))) < 1e-12)
    }

    @Test func invalidOptionsAreReportedAndClamped() {
        let configuration = DedupeConfiguration(threshold: 1.5, shingleSize: 0, permutationCount: 0)
        #expect(
            configuration.problems == [
                "threshold must be between 0 and 1, got 1.5",
                "shingle_size must be at least 1, got 0",
                "permutations must be between 1 and 1024, got 0",
            ]
        )
        let clamped = Deduplicator(configuration: configuration).configuration
        #expect(clamped.threshold == 1.0 && clamped.shingleSize == 1 && clamped.permutationCount == 1)
        #expect(DedupeConfiguration().problems.isEmpty)
    }
}
