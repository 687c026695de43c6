import Foundation

/// Viterbi decoding of a document's tokens under BILOU constraints, segment by segment.
///
/// A segment is a line, cut before a sentence start once it is longer than ``sentenceCutLength`` tokens and at most
/// ``segmentLimit`` tokens long. Per token, the features that do not depend on the previous tag are scored once, the
/// transition features (previous tag alone, with the word, with the shape) once per possible previous tag; the best
/// tag sequence of well-formed BILOU runs is then found exactly (first-order Viterbi). A token's confidence is the
/// softmax of its tags' max-marginals (the best sequence score through each tag), taken at the chosen tag.
///
/// The document memory records, for every capitalised word, the entity type (or `O`) it received in the latest
/// earlier segment where it occurred; tokens of later segments see it as a feature.
struct EntitySequenceTagger {
    /// The tag and confidence of every token.
    struct Output {
        /// One ``EntityTagSet`` tag per token.
        var tags: [UInt8]
        /// The max-marginal softmax probability of each chosen tag (see the type's discussion), or 1 when not asked.
        var confidences: [Float]
    }

    /// Lines longer than this many tokens are decoded in pieces that end at sentence boundaries.
    static let sentenceCutLength = 64
    /// The most tokens decoded as one Viterbi segment (bounds memory on huge unbroken inputs).
    static let segmentLimit = 1024
    /// Divides score differences before the confidence softmax (perceptron scores are uncalibrated and large).
    static let temperature: Float = 10

    /// The most distinct shape and word transition matrices cached per document (bounds memory on huge inputs).
    static let cacheLimit = 4096

    /// The allowed (previous, next) tag pairs, in ``EntityTagSet/successorTags`` order, as `previous * count + next`
    /// (the index into a 17 x 17 transition matrix).
    static let pairMatrixIndex: [Int] = (0..<EntityTagSet.count).flatMap { p in
        EntityTagSet.successorTags[EntityTagSet.successorOffsets[p]..<EntityTagSet.successorOffsets[p + 1]].map {
            p * EntityTagSet.count + $0
        }
    }
    /// The number of allowed tag pairs.
    static let pairCount = EntityTagSet.successorTags.count
    /// The sentinel score of an unreachable tag.
    static let unreachable = Int64.min

    // Cache slots 0-2 are fixed: 0 is the all-zero matrix (words without transition features), 1 and 2 are the
    // scratch matrices of the uncached path.
    private static let fixedSlots = 3

    private var features: [UInt64] = []
    /// Static scores, ``EntityTagSet/count`` per token.
    private var local: [Int32] = []
    /// Transition scores of the allowed pairs, ``pairCount`` per token.
    private var transition: [Int32] = []
    private var best: [Int64] = []
    private var back: [UInt8] = []
    private var suffix: [Int64] = []
    private var cacheIndex = EntityHashIndex(minimumCapacity: 16)
    /// 17 x 17 transition matrices (see `fixedSlots`).
    private var cache: [Int32]
    private let pairIndex: [Int]
    private let cachesTransitions: Bool

    /// Creates a decoder; `cachesTransitions` reuses transition scores of repeated words and shapes, which is only
    /// valid while the weights do not change.
    init(cachesTransitions: Bool) {
        self.cachesTransitions = cachesTransitions
        features.reserveCapacity(96)
        cache = [Int32](repeating: 0, count: Self.fixedSlots * EntityTagSet.count * EntityTagSet.count)
        pairIndex = Self.pairMatrixIndex
    }

    /// The end of the segment that starts at token `start`.
    static func segmentEnd(_ context: EntityDocumentContext, from start: Int) -> Int {
        let n = context.tokens.count
        var end = start + 1
        while end < n && !context.tokens[end].startsLine && end - start < segmentLimit {
            if end - start >= sentenceCutLength && context.tokens[end].startsSentence { break }
            end += 1
        }
        return end
    }

    /// Decodes every token of `context` with `model`; confidences are computed only when `confidences` is set
    /// (otherwise they are all 1).
    static func tag(_ context: EntityDocumentContext, model: EntityModel, confidences: Bool) -> Output {
        let n = context.tokens.count
        var output = Output(tags: [UInt8](repeating: 0, count: n), confidences: [Float](repeating: 1, count: n))
        var decoder = EntitySequenceTagger(cachesTransitions: true)
        var memory = EntityHashIndex(minimumCapacity: n / 4 + 8)
        var start = 0
        while start < n {
            let end = segmentEnd(context, from: start)
            decoder.decode(
                start..<end,
                context,
                scorer: model,
                memory: memory,
                output: &output,
                confidences: confidences
            )
            for i in start..<end where context.isMemorable(i) {
                memory.set(Int32(EntityTagSet.type(of: Int(output.tags[i])) + 1), for: context.lower[i])
            }
            start = end
        }
        return output
    }

    /// The value the document memory holds for token `i` (see ``EntityDocumentContext/appendStaticFeatures``).
    @inline(__always)
    static func remembered(_ i: Int, _ context: EntityDocumentContext, _ memory: EntityHashIndex) -> Int {
        context.isMemorable(i) ? Int(memory.value(for: context.lower[i])) : -1
    }

    /// Sets `buffer` to `count` zeros, keeping its capacity.
    @inline(__always)
    private static func reset<T: FixedWidthInteger>(_ buffer: inout [T], count: Int, to value: T) {
        if buffer.count < count {
            buffer = [T](repeating: value, count: max(count, buffer.count * 2))
        } else {
            buffer.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: value, count: count) }
        }
    }

    /// Decodes the tokens `segment`, writing their tags (and confidences if asked) into `output`.
    mutating func decode<Scorer: EntityFeatureScorer>(
        _ segment: Range<Int>,
        _ context: EntityDocumentContext,
        scorer: Scorer,
        memory: EntityHashIndex,
        output: inout Output,
        confidences: Bool
    ) {
        let tagCount = EntityTagSet.count
        let matrixSize = tagCount * tagCount
        let pairs = Self.pairCount
        let length = segment.count
        if cachesTransitions && cacheIndex.count + 2 * length > Self.cacheLimit {
            // Full: start over, so that every matrix this segment needs fits.
            cacheIndex = EntityHashIndex(minimumCapacity: 16)
            cache.removeSubrange((Self.fixedSlots * matrixSize)...)
        }
        // Work on moved-out buffers so that the cache (part of `self`) can be updated inside the loop.
        var local = self.local
        var transition = self.transition
        self.local = []
        self.transition = []
        defer {
            self.local = local
            self.transition = transition
        }
        Self.reset(&local, count: length * tagCount, to: 0)
        if transition.count < length * pairs { transition = [Int32](repeating: 0, count: length * pairs * 2) }
        for k in 0..<length {
            let i = segment.lowerBound + k
            features.removeAll(keepingCapacity: true)
            context.appendStaticFeatures(at: i, remembered: Self.remembered(i, context, memory), to: &features)
            local.withUnsafeMutableBufferPointer { scorer.accumulate(features, into: $0.baseAddress! + k * tagCount) }
            let shapeSlot: Int
            let wordSlot: Int
            if cachesTransitions {
                // Transition scores depend only on the shape and on the word: reuse them within the document.
                shapeSlot = cachedMatrix(
                    EntityFeatureHasher.feature(47, context.shortShape[i]),
                    true,
                    i,
                    context,
                    scorer
                )
                wordSlot = cachedMatrix(EntityFeatureHasher.feature(48, context.lower[i]), false, i, context, scorer)
            } else {
                shapeSlot = 1
                wordSlot = 2
                fillMatrix(shapeSlot, byShape: true, i, context, scorer)
                fillMatrix(wordSlot, byShape: false, i, context, scorer)
            }
            cache.withUnsafeBufferPointer { stored in
                transition.withUnsafeMutableBufferPointer { transition in
                    pairIndex.withUnsafeBufferPointer { index in
                        let shape = stored.baseAddress! + shapeSlot * matrixSize
                        let word = stored.baseAddress! + wordSlot * matrixSize
                        let target = transition.baseAddress! + k * pairs
                        if wordSlot == 0 {
                            for j in 0..<pairs { target[j] = shape[index[j]] }
                        } else {
                            for j in 0..<pairs { target[j] = shape[index[j]] &+ word[index[j]] }
                        }
                    }
                }
            }
        }
        fillViterbiTables(length: length, local: local, transition: transition)
        // Backtrack from the best tag that closes every entity.
        var tag = 0
        var bestFinal = Self.unreachable
        for t in 0..<tagCount where EntityTagSet.isClosed(t) && best[(length - 1) * tagCount + t] > bestFinal {
            bestFinal = best[(length - 1) * tagCount + t]
            tag = t
        }
        var k = length - 1
        while k >= 0 {
            output.tags[segment.lowerBound + k] = UInt8(tag)
            tag = k > 0 ? Int(back[k * tagCount + tag]) : 0
            k -= 1
        }
        guard confidences else { return }
        fillConfidences(
            segment,
            length: length,
            local: local,
            transition: transition,
            scale: scorer.scale,
            output: &output
        )
    }

    /// Sets each token's confidence to the softmax, over tags, of its max-marginals: the score of the best
    /// well-formed sequence through each tag at that token (a forward and a backward max-product pass).
    private mutating func fillConfidences(
        _ segment: Range<Int>,
        length: Int,
        local: [Int32],
        transition: [Int32],
        scale: Float,
        output: inout Output
    ) {
        let tagCount = EntityTagSet.count
        let pairs = Self.pairCount
        let unreachable = Self.unreachable
        // suffix[k][t]: the best score of the tokens after k given tag t at k (0 when k is last and t closes).
        Self.reset(&suffix, count: length * tagCount, to: unreachable)
        for t in 0..<tagCount where EntityTagSet.isClosed(t) { suffix[(length - 1) * tagCount + t] = 0 }
        let best = self.best
        suffix.withUnsafeMutableBufferPointer { suffix in
            local.withUnsafeBufferPointer { local in
                transition.withUnsafeBufferPointer { transition in
                    EntityTagSet.successorTags.withUnsafeBufferPointer { tags in
                        EntityTagSet.successorOffsets.withUnsafeBufferPointer { offsets in
                            var k = length - 2
                            while k >= 0 {
                                let next = (k + 1) * tagCount
                                for p in 0..<tagCount {
                                    var bestScore = unreachable
                                    for j in offsets[p]..<offsets[p + 1] {
                                        let t = tags[j]
                                        let after = suffix[next + t]
                                        if after == unreachable { continue }
                                        let score =
                                            Int64(transition[(k + 1) * pairs + j]) + Int64(local[next + t]) + after
                                        bestScore = max(bestScore, score)
                                    }
                                    suffix[k * tagCount + p] = bestScore
                                }
                                k -= 1
                            }
                        }
                    }
                }
            }
            let factor = scale / Self.temperature
            best.withUnsafeBufferPointer { best in
                for k in 0..<length {
                    let i = segment.lowerBound + k
                    let chosen = Int(output.tags[i])
                    let chosenScore = best[k * tagCount + chosen] + suffix[k * tagCount + chosen]
                    var total: Float = 0
                    for t in 0..<tagCount {
                        let before = best[k * tagCount + t]
                        let after = suffix[k * tagCount + t]
                        if before == unreachable || after == unreachable { continue }
                        total += Self.exponential(max(Float(before + after - chosenScore) * factor, -30))
                    }
                    output.confidences[i] = total > 0 ? 1 / total : 1
                }
            }
        }
    }

    /// The cache slot holding the 17 x 17 transition scores of `key` (the shape or the word transition features of
    /// token `i`), computing them on a miss; words whose scores are all zero share slot 0.
    private mutating func cachedMatrix<Scorer: EntityFeatureScorer>(
        _ key: UInt64,
        _ byShape: Bool,
        _ i: Int,
        _ context: EntityDocumentContext,
        _ scorer: Scorer
    ) -> Int {
        let found = cacheIndex.value(for: key)
        if found >= 0 { return Int(found) }
        let matrixSize = EntityTagSet.count * EntityTagSet.count
        let target = cache.count / matrixSize
        cache.append(contentsOf: repeatElement(0, count: matrixSize))
        let nonzero = fillMatrix(target, byShape: byShape, i, context, scorer)
        if !nonzero && !byShape {
            cache.removeLast(matrixSize)
            cacheIndex.set(0, for: key)
            return 0
        }
        cacheIndex.set(Int32(target), for: key)
        return target
    }

    /// Computes the shape or word transition scores of token `i` into cache slot `slot`; returns whether any is not 0.
    @discardableResult
    private mutating func fillMatrix<Scorer: EntityFeatureScorer>(
        _ slot: Int,
        byShape: Bool,
        _ i: Int,
        _ context: EntityDocumentContext,
        _ scorer: Scorer
    ) -> Bool {
        let tagCount = EntityTagSet.count
        let matrixSize = tagCount * tagCount
        return cache.withUnsafeMutableBufferPointer { stored in
            let base = stored.baseAddress! + slot * matrixSize
            base.update(repeating: 0, count: matrixSize)
            for p in 0..<tagCount {
                features.removeAll(keepingCapacity: true)
                if byShape {
                    context.appendShapeTransitionFeatures(at: i, previous: p, to: &features)
                } else {
                    context.appendWordTransitionFeatures(at: i, previous: p, to: &features)
                }
                scorer.accumulate(features, into: base + p * tagCount)
            }
            for m in 0..<matrixSize where base[m] != 0 { return true }
            return false
        }
    }

    /// Fills `best[k][t]` (best score of a well-formed prefix ending in `t`) and `back[k][t]` (its previous tag).
    private mutating func fillViterbiTables(length: Int, local: [Int32], transition: [Int32]) {
        let tagCount = EntityTagSet.count
        let pairs = Self.pairCount
        let unreachable = Self.unreachable
        Self.reset(&best, count: length * tagCount, to: unreachable)
        Self.reset(&back, count: length * tagCount, to: 0)
        best.withUnsafeMutableBufferPointer { best in
            back.withUnsafeMutableBufferPointer { back in
                local.withUnsafeBufferPointer { local in
                    transition.withUnsafeBufferPointer { transition in
                        EntityTagSet.successorTags.withUnsafeBufferPointer { tags in
                            EntityTagSet.successorOffsets.withUnsafeBufferPointer { offsets in
                                // The first token follows `O` (whose pairs come first).
                                for j in offsets[0]..<offsets[1] {
                                    let t = tags[j]
                                    best[t] = Int64(local[t]) + Int64(transition[j])
                                }
                                if length < 2 { return }
                                for k in 1..<length {
                                    let here = k * tagCount
                                    let before = (k - 1) * tagCount
                                    let row = k * pairs
                                    for p in 0..<tagCount {
                                        let from = best[before + p]
                                        if from == unreachable { continue }
                                        for j in offsets[p]..<offsets[p + 1] {
                                            let t = tags[j]
                                            let score = from + Int64(transition[row + j])
                                            if score > best[here + t] {
                                                best[here + t] = score
                                                back[here + t] = UInt8(p)
                                            }
                                        }
                                    }
                                    for t in 0..<tagCount where best[here + t] != unreachable {
                                        best[here + t] += Int64(local[here + t])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `e^x` for `Float`.
    @inline(__always)
    private static func exponential(_ x: Float) -> Float { Float(exp(Double(x))) }
}
