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
        /// The max-marginal softmax probability of each chosen tag (see the type's discussion).
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

    private var features: [UInt64] = []
    private var local: [Float] = []
    private var transition: [Float] = []
    private var best: [Float] = []
    private var back: [UInt8] = []
    private var suffix: [Float] = []
    private var cacheIndex = EntityHashIndex(minimumCapacity: 16)
    private var cache: [Float] = []
    private var scratchToggle = false
    private let cachesTransitions: Bool

    /// Creates a decoder; `cachesTransitions` reuses transition scores of repeated (word, shape) pairs, which is only
    /// valid while the weights do not change.
    init(cachesTransitions: Bool) {
        self.cachesTransitions = cachesTransitions
        features.reserveCapacity(96)
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

    /// Decodes every token of `context` with `model`.
    static func tag(_ context: EntityDocumentContext, model: EntityModel) -> Output {
        let n = context.tokens.count
        var output = Output(tags: [UInt8](repeating: 0, count: n), confidences: [Float](repeating: 1, count: n))
        var decoder = EntitySequenceTagger(cachesTransitions: true)
        var memory = EntityHashIndex(minimumCapacity: n / 4 + 8)
        var start = 0
        while start < n {
            let end = segmentEnd(context, from: start)
            decoder.decode(start..<end, context, scorer: model, memory: memory, output: &output, confidences: true)
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
        let length = segment.count
        // Work on moved-out buffers so that the cache (part of `self`) can be updated inside the loops.
        var local = self.local
        var transition = self.transition
        self.local = []
        self.transition = []
        defer {
            self.local = local
            self.transition = transition
        }
        local.removeAll(keepingCapacity: true)
        local.append(contentsOf: repeatElement(0, count: length * tagCount))
        transition.removeAll(keepingCapacity: true)
        transition.append(contentsOf: repeatElement(0, count: length * matrixSize))
        local.withUnsafeMutableBufferPointer { localScores in
            transition.withUnsafeMutableBufferPointer { transitionScores in
                for k in 0..<length {
                    let i = segment.lowerBound + k
                    features.removeAll(keepingCapacity: true)
                    context.appendStaticFeatures(
                        at: i,
                        remembered: Self.remembered(i, context, memory),
                        to: &features
                    )
                    scorer.accumulate(features, into: localScores.baseAddress! + k * tagCount)
                    let target = transitionScores.baseAddress! + k * matrixSize
                    if !cachesTransitions {
                        for p in 0..<tagCount {
                            features.removeAll(keepingCapacity: true)
                            context.appendTransitionFeatures(at: i, previous: p, to: &features)
                            scorer.accumulate(features, into: target + p * tagCount)
                        }
                        continue
                    }
                    // Transition scores depend only on the shape and on the word: reuse them within the document.
                    let shapeSlot = cachedMatrix(
                        EntityFeatureHasher.feature(47, context.shortShape[i]),
                        byShape: true,
                        i,
                        context,
                        scorer
                    )
                    let wordSlot = cachedMatrix(
                        EntityFeatureHasher.feature(48, context.lower[i]),
                        byShape: false,
                        i,
                        context,
                        scorer
                    )
                    cache.withUnsafeBufferPointer { stored in
                        let shape = stored.baseAddress! + shapeSlot * matrixSize
                        let word = stored.baseAddress! + wordSlot * matrixSize
                        for m in 0..<matrixSize { target[m] = shape[m] + word[m] }
                    }
                }
            }
        }
        fillViterbiTables(length: length, local: local, transition: transition)
        // Backtrack from the best tag that closes every entity.
        var tag = 0
        var bestFinal = -Float.infinity
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
        fillConfidences(segment, length: length, local: local, transition: transition, output: &output)
    }

    /// Sets each token's confidence to the softmax, over tags, of its max-marginals: the score of the best
    /// well-formed sequence through each tag at that token (a forward and a backward max-product pass).
    private mutating func fillConfidences(
        _ segment: Range<Int>,
        length: Int,
        local: [Float],
        transition: [Float],
        output: inout Output
    ) {
        let tagCount = EntityTagSet.count
        let matrixSize = tagCount * tagCount
        // suffix[k][t]: the best score of the tokens after k given tag t at k (0 when k is last and t closes).
        suffix.removeAll(keepingCapacity: true)
        suffix.append(contentsOf: repeatElement(-Float.infinity, count: length * tagCount))
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
                                    let row = (k + 1) * matrixSize + p * tagCount
                                    var bestScore = -Float.infinity
                                    for j in offsets[p]..<offsets[p + 1] {
                                        let t = tags[j]
                                        let after = suffix[next + t]
                                        if after == -Float.infinity { continue }
                                        bestScore = max(bestScore, transition[row + t] + local[next + t] + after)
                                    }
                                    suffix[k * tagCount + p] = bestScore
                                }
                                k -= 1
                            }
                        }
                    }
                }
            }
            best.withUnsafeBufferPointer { best in
                for k in 0..<length {
                    let i = segment.lowerBound + k
                    let chosen = Int(output.tags[i])
                    let chosenScore = best[k * tagCount + chosen] + suffix[k * tagCount + chosen]
                    var total: Float = 0
                    for t in 0..<tagCount {
                        let score = best[k * tagCount + t] + suffix[k * tagCount + t]
                        if score == -Float.infinity { continue }
                        total += Self.exponential(max((score - chosenScore) / Self.temperature, -30))
                    }
                    output.confidences[i] = total > 0 ? 1 / total : 1
                }
            }
        }
    }

    /// The cache slot holding the 17 x 17 transition scores of `key` (the shape or the word transition features of
    /// token `i`), computing them on a miss.
    ///
    /// When the cache is full, the scores are computed into the last slot, which is then overwritten by the next miss.
    private mutating func cachedMatrix<Scorer: EntityFeatureScorer>(
        _ key: UInt64,
        byShape: Bool,
        _ i: Int,
        _ context: EntityDocumentContext,
        _ scorer: Scorer
    ) -> Int {
        let slot = Int(cacheIndex.value(for: key))
        if slot >= 0 { return slot }
        let tagCount = EntityTagSet.count
        let matrixSize = tagCount * tagCount
        var target = cache.count / matrixSize
        if cacheIndex.count < Self.cacheLimit {
            cacheIndex.set(Int32(target), for: key)
            cache.append(contentsOf: repeatElement(0, count: matrixSize))
        } else {
            // Full: use a scratch slot past the cached ones.
            if cache.count < (Self.cacheLimit + 2) * matrixSize {
                cache.append(contentsOf: repeatElement(0, count: 2 * matrixSize))
            }
            target = Self.cacheLimit + (scratchToggle ? 1 : 0)
            scratchToggle.toggle()
            for m in 0..<matrixSize { cache[target * matrixSize + m] = 0 }
        }
        cache.withUnsafeMutableBufferPointer { stored in
            for p in 0..<tagCount {
                features.removeAll(keepingCapacity: true)
                if byShape {
                    context.appendShapeTransitionFeatures(at: i, previous: p, to: &features)
                } else {
                    context.appendWordTransitionFeatures(at: i, previous: p, to: &features)
                }
                scorer.accumulate(features, into: stored.baseAddress! + target * matrixSize + p * tagCount)
            }
        }
        return target
    }

    /// Fills `best[k][t]` (best score of a well-formed prefix ending in `t`) and `back[k][t]` (its previous tag).
    private mutating func fillViterbiTables(length: Int, local: [Float], transition: [Float]) {
        let tagCount = EntityTagSet.count
        best.removeAll(keepingCapacity: true)
        best.append(contentsOf: repeatElement(-Float.infinity, count: length * tagCount))
        back.removeAll(keepingCapacity: true)
        back.append(contentsOf: repeatElement(0, count: length * tagCount))
        best.withUnsafeMutableBufferPointer { best in
            back.withUnsafeMutableBufferPointer { back in
                local.withUnsafeBufferPointer { local in
                    transition.withUnsafeBufferPointer { transition in
                        EntityTagSet.successorTags.withUnsafeBufferPointer { tags in
                            EntityTagSet.successorOffsets.withUnsafeBufferPointer { offsets in
                                // The first token follows `O`.
                                for j in offsets[0]..<offsets[1] {
                                    let t = tags[j]
                                    best[t] = local[t] + transition[t]
                                }
                                if length < 2 { return }
                                for k in 1..<length {
                                    let here = k * tagCount
                                    let before = (k - 1) * tagCount
                                    for p in 0..<tagCount {
                                        let from = best[before + p]
                                        if from == -Float.infinity { continue }
                                        let row = (here + p) * tagCount
                                        for j in offsets[p]..<offsets[p + 1] {
                                            let t = tags[j]
                                            let score = from + transition[row + t]
                                            if score > best[here + t] {
                                                best[here + t] = score
                                                back[here + t] = UInt8(p)
                                            }
                                        }
                                    }
                                    for t in 0..<tagCount { best[here + t] += local[here + t] }
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
