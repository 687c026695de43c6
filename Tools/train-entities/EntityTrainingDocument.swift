@testable import Stages

/// One annotated document prepared for training: its bytes, tokens, context and gold BILOU tags.
struct EntityTrainingDocument {
    /// The document's identifier.
    let id: String
    /// The tokens with their features' ingredients.
    let context: EntityDocumentContext
    /// Gold ``EntityTagSet`` tags, one per token.
    let goldTags: [UInt8]
    /// Gold spans whose boundaries fell inside a token (they cannot be learnt).
    let misalignedSpanCount: Int

    /// A gold span in Unicode code points with a CoNLL type (0 PER, 1 ORG, 2 LOC, 3 MISC).
    struct Span {
        /// First code point.
        var start: Int
        /// One past the last code point.
        var end: Int
        /// Entity type index.
        var type: Int
    }

    /// Tokenises `text` and aligns `spans` to tokens.
    init(id: String, text: String, spans: [Span], gazetteer: EntityGazetteer, clusters: EntityWordClusters) {
        self.id = id
        let bytes = Array(text.utf8)
        // Code point offset -> byte offset.
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(bytes.count + 1)
        for (k, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { byteOffsets.append(k) }
        byteOffsets.append(bytes.count)
        var context: EntityDocumentContext?
        var tags: [UInt8] = []
        var misaligned = 0
        bytes.withUnsafeBufferPointer { buffer in
            let tokens = EntityTokenizer.tokenize(buffer)
            context = EntityDocumentContext(bytes: buffer, tokens: tokens, gazetteer: gazetteer, clusters: clusters)
            tags = [UInt8](repeating: 0, count: tokens.count)
            var tokenStarts: [Int32: Int] = [:]
            var tokenEnds: [Int32: Int] = [:]
            for (k, token) in tokens.enumerated() {
                tokenStarts[token.start] = k
                tokenEnds[token.end] = k
            }
            for span in spans {
                let start = Int32(byteOffsets[span.start])
                let end = Int32(byteOffsets[span.end])
                guard let first = tokenStarts[start], let last = tokenEnds[end], first <= last else {
                    misaligned += 1
                    continue
                }
                if first == last {
                    tags[first] = UInt8(EntityTagSet.tag(type: span.type, position: 3))
                } else {
                    tags[first] = UInt8(EntityTagSet.tag(type: span.type, position: 0))
                    for k in (first + 1)..<last { tags[k] = UInt8(EntityTagSet.tag(type: span.type, position: 1)) }
                    tags[last] = UInt8(EntityTagSet.tag(type: span.type, position: 2))
                }
            }
        }
        self.context = context!
        goldTags = tags
        misalignedSpanCount = misaligned
    }
}
