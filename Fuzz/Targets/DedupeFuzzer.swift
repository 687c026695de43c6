// Fuzzes the dedupe signature code and the index's decisions.
//
// Input: up to eight documents separated by 0xFF bytes (0xFF never occurs in UTF-8; each document's bytes are
// decoded with U+FFFD for invalid sequences, as `String(decoding:as:)` does). Each document gets a signature under
// the default options and under extreme ones (1-word shingles, 16 permutations, threshold 0.05; 64-word shingles,
// 1024 permutations, threshold 1.0). Invariants: a signature is deterministic, has one value per permutation,
// survives its byte encoding, and is empty exactly when the text has no word; a text seen before is never kept
// again; a near duplicate's similarity is between the threshold and 1.

import FuzzSupport
import Pipeline

@testable import Stages

private let deduplicators = [
    Deduplicator(configuration: DedupeConfiguration()),
    Deduplicator(configuration: DedupeConfiguration(threshold: 0.05, shingleSize: 1, permutationCount: 16)),
    Deduplicator(configuration: DedupeConfiguration(threshold: 1.0, shingleSize: 64, permutationCount: 1024)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDedupe(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = Fuzz.split(UnsafeBufferPointer(start: data, count: size), separator: 0xFF, limit: 8)
    let texts = parts.map { String(decoding: $0, as: UTF8.self) }
    for deduplicator in deduplicators {
        let index = deduplicator.makeIndex()
        var seen: Set<String> = []
        for (number, text) in texts.enumerated() {
            let signature = deduplicator.signature(of: text)
            let permutations = deduplicator.configuration.permutationCount
            Fuzz.require(signature.minHashes.count == permutations, "\(signature.minHashes.count) values")
            Fuzz.require(deduplicator.signature(of: text) == signature, "a signature that is not deterministic")
            Fuzz.require(DedupeSignature(bytes: signature.bytes) == signature, "a signature that does not round-trip")
            let hasWord = !DedupeTextScanner.scan(text).wordHashes.isEmpty
            Fuzz.require(signature.isEmpty == !hasWord, "isEmpty is \(signature.isEmpty) for \(text.debugDescription)")
            if signature.isEmpty {
                Fuzz.require(signature.minHashes.allSatisfy { $0 == .max }, "an empty signature with MinHash values")
            }

            let decision = index.decide(id: "doc\(number)", signature: signature)
            let isRepeat = !seen.insert(text).inserted
            Fuzz.require(!(isRepeat && decision.kind == .kept), "a repeated text was kept: \(text.debugDescription)")
            switch decision.kind {
            case .kept:
                Fuzz.require(decision.duplicateOf == nil, "a kept document with duplicate_of")
            case .exactDuplicate:
                Fuzz.require(
                    decision.similarity == 1,
                    "an exact duplicate with similarity \(decision.similarity ?? -1)"
                )
            case .nearDuplicate:
                let similarity = decision.similarity ?? -1
                let threshold = deduplicator.configuration.threshold
                Fuzz.require(
                    similarity >= threshold - 1e-9 && similarity <= 1,
                    "near duplicate at \(similarity), threshold \(threshold)"
                )
            }
            Fuzz.require(decision.kind == .kept || decision.duplicateOf != nil, "a duplicate of nothing")
        }
    }
    return 0
}
