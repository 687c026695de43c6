/// The sequential half of the `dedupe` stage: the kept documents, and the decision for each new one.
///
/// Feed every document's signature to ``decide(id:signature:)`` in input order. A document is
/// - an exact duplicate when its exact hash equals that of an earlier kept document (similarity 1.0);
/// - otherwise a near duplicate when an earlier kept document shares at least one LSH band with it and their
///   estimated Jaccard similarity (the fraction of equal MinHash values) reaches the threshold; the most similar such
///   document is named, the earliest kept one on a tie;
/// - otherwise kept, and inserted into the index.
/// Duplicates are never inserted (keep-first), so the decisions depend only on the input order.
///
/// ``insert(id:signature:)`` adds a previously kept document without a decision, for loading a persistent store.
///
/// # Memory
/// Per kept document: its id string, its signature values (4 bytes × permutations), one exact-hash entry, and one
/// entry per LSH band in a shared open-addressing table (see ``DedupeBandTable`` and ``estimatedBytes``). With the
/// defaults (128 permutations, 26 bands of 2 rows) an index of 1,000,000 documents measured 1,919 bytes per document
/// of resident memory (1.8 GiB).
///
/// # Thread safety
/// Not thread-safe: a `final class` that one task owns and mutates; do not share it across threads. Signatures may
/// be computed in parallel (``Deduplicator/signature(of:)``), but decisions must be made one at a time, in order.
final class DedupeIndex {
    /// The deduplicator whose configuration and banding this index uses.
    let deduplicator: Deduplicator

    /// The ids of the kept documents, by document index.
    private var ids: [String] = []

    /// The MinHash values of the kept documents, `permutationCount` per document, concatenated.
    private var minHashes: [UInt32] = []

    /// The first kept document of each exact hash.
    private var exactDocuments: [UInt64: UInt32] = [:]

    /// The LSH band keys of the kept documents.
    private var bands = DedupeBandTable()

    /// For each kept document, the number of the last query that visited it (avoids verifying a candidate twice).
    private var lastVisit: [UInt32] = []

    /// The number of the current query.
    private var query: UInt32 = 0

    /// The minimum number of equal MinHash values for a near duplicate.
    private let requiredMatches: Int

    /// Creates an empty index.
    ///
    /// - Parameter deduplicator: The deduplicator whose signatures will be decided.
    init(deduplicator: Deduplicator) {
        self.deduplicator = deduplicator
        let configuration = deduplicator.configuration
        let needed = (configuration.threshold * Double(configuration.permutationCount) - 1e-9).rounded(.up)
        requiredMatches = max(1, Int(needed))
    }

    /// The number of documents in the index.
    var count: Int { ids.count }

    /// Decides whether a document duplicates an earlier kept document; inserts it when it does not.
    ///
    /// Call in input order, once per document.
    ///
    /// - Parameters:
    ///   - id: The document id.
    ///   - signature: Its signature, from the same ``Deduplicator`` configuration.
    /// - Returns: The decision.
    func decide(id: String, signature: DedupeSignature) -> DedupeDecision {
        if let original = exactDocuments[signature.exactHash] {
            return DedupeDecision(kind: .exactDuplicate, duplicateOf: ids[Int(original)], similarity: 1.0)
        }
        if let (original, matches) = mostSimilar(to: signature) {
            let similarity = Double(matches) / Double(deduplicator.configuration.permutationCount)
            return DedupeDecision(kind: .nearDuplicate, duplicateOf: ids[Int(original)], similarity: similarity)
        }
        insert(id: id, signature: signature)
        return .kept
    }

    /// Adds a kept document without deciding (for loading previously kept documents from a store).
    ///
    /// - Parameters:
    ///   - id: The document id.
    ///   - signature: Its signature, from the same ``Deduplicator`` configuration (a signature of another length is
    ///     padded or cut to `permutationCount`).
    func insert(id: String, signature: DedupeSignature) {
        let permutationCount = deduplicator.configuration.permutationCount
        let document = UInt32(ids.count)
        ids.append(id)
        lastVisit.append(0)
        if signature.minHashes.count == permutationCount {
            minHashes.append(contentsOf: signature.minHashes)
        } else {
            let values = signature.minHashes.prefix(permutationCount)
            minHashes.append(contentsOf: values)
            minHashes.append(contentsOf: repeatElement(.max, count: permutationCount - values.count))
        }
        if exactDocuments[signature.exactHash] == nil {
            exactDocuments[signature.exactHash] = document
        }
        guard !signature.isEmpty, signature.minHashes.count == permutationCount else { return }
        for band in 0..<deduplicator.banding.bands {
            bands.insert(key: bandKey(signature.minHashes, band: band), document: document)
        }
    }

    /// An estimate of the bytes held by the index: arrays at their capacity, the exact-hash dictionary at about
    /// 24 bytes per entry, and each id's UTF-8 length beyond the 15 bytes Swift stores inline.
    var estimatedBytes: Int {
        let idBytes = ids.reduce(0) { total, id in total + 16 + (id.utf8.count > 15 ? 32 + id.utf8.count : 0) }
        return idBytes + minHashes.capacity * 4 + lastVisit.capacity * 4
            + exactDocuments.capacity * 24 + bands.allocatedBytes
    }

    /// The kept document most similar to a signature among its LSH candidates, if it reaches the threshold.
    ///
    /// - Parameter signature: The signature of the new document.
    /// - Returns: The document index and the number of equal MinHash values, or `nil`.
    private func mostSimilar(to signature: DedupeSignature) -> (UInt32, Int)? {
        let permutationCount = deduplicator.configuration.permutationCount
        guard !signature.isEmpty, signature.minHashes.count == permutationCount, !ids.isEmpty else { return nil }
        query &+= 1
        if query == 0 {
            for index in lastVisit.indices { lastVisit[index] = 0 }
            query = 1
        }
        let currentQuery = query
        let required = requiredMatches
        var best: (document: UInt32, matches: Int)?
        signature.minHashes.withUnsafeBufferPointer { probe in
            minHashes.withUnsafeBufferPointer { stored in
                lastVisit.withUnsafeMutableBufferPointer { lastVisit in
                    for band in 0..<deduplicator.banding.bands {
                        bands.forEachDocument(withKey: bandKey(signature.minHashes, band: band)) { document in
                            guard lastVisit[Int(document)] != currentQuery else { return }
                            lastVisit[Int(document)] = currentQuery
                            let base = Int(document) * permutationCount
                            var matches = 0
                            for index in 0..<permutationCount where stored[base + index] == probe[index] {
                                matches += 1
                            }
                            guard matches >= required else { return }
                            if let current = best,
                                current.matches > matches || current.matches == matches && current.document < document
                            {
                                return
                            }
                            best = (document, matches)
                        }
                    }
                }
            }
        }
        return best.map { ($0.document, $0.matches) }
    }

    /// The 64-bit key of one band of a signature: a hash of the band number and its values.
    @inline(__always)
    private func bandKey(_ values: [UInt32], band: Int) -> UInt64 {
        let rows = deduplicator.banding.rows
        var key = DedupeHash.mix(UInt64(band) &+ 0x6261_6e64)
        for index in (band * rows)..<(band * rows + rows) {
            key = DedupeHash.mix(key ^ UInt64(values[index]))
        }
        return key
    }
}
