@testable import Stages

/// Trains the entity tagger's weights: a greedy, averaged multi-class perceptron over BILOU tags.
///
/// Training decodes each line greedily left to right (the previous tag and the document memory come from the
/// trainer's own predictions, so the model learns how far to trust them) and, on every wrong tag, adds the token's
/// features to the gold tag and subtracts them from the predicted one. ``EntitySequenceTagger`` later decodes with
/// the same features under BILOU constraints (Viterbi). Weights are averaged over
/// all steps (lazily, with per-weight time stamps). Document order is shuffled each epoch with a seeded generator,
/// so training is deterministic.
struct EntityPerceptronTrainer: EntityFeatureScorer {
    private var index = EntityHashIndex(minimumCapacity: 1 << 18)
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int32] = []
    private var clock: Int32 = 1
    private var generator: SplitMix64

    /// A small deterministic random number generator (SplitMix64).
    struct SplitMix64: RandomNumberGenerator {
        /// The generator state.
        var state: UInt64
        /// Returns the next 64 random bits.
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            return EntityFeatureHasher.mix(state)
        }
    }

    /// Creates an untrained perceptron whose shuffles derive from `seed`.
    init(seed: UInt64) {
        generator = SplitMix64(state: seed)
    }

    /// The number of feature rows created so far.
    var rowCount: Int { weights.count / EntityTagSet.count }

    private mutating func row(for key: UInt64) -> Int {
        let existing = index.value(for: key)
        if existing >= 0 { return Int(existing) }
        let row = rowCount
        index.set(Int32(row), for: key)
        weights.append(contentsOf: repeatElement(0, count: EntityTagSet.count))
        totals.append(contentsOf: repeatElement(0, count: EntityTagSet.count))
        stamps.append(contentsOf: repeatElement(clock, count: EntityTagSet.count))
        return row
    }

    private mutating func update(row: Int, tag: Int, by delta: Float) {
        let k = row * EntityTagSet.count + tag
        totals[k] += Double(clock - stamps[k]) * Double(weights[k])
        stamps[k] = clock
        weights[k] += delta
    }

    /// Runs one epoch over `documents` in a freshly shuffled order.
    ///
    /// With `structured`, each segment is decoded with Viterbi (as ``EntitySequenceTagger`` does) and the features
    /// of the gold sequence are added where it differs from the predicted one, those of the prediction subtracted
    /// (Collins' structured perceptron). Otherwise each token is predicted greedily and updated on its own.
    /// - Returns: The number of wrongly predicted tokens and the number of tokens.
    mutating func trainEpoch(_ documents: [EntityTrainingDocument], structured: Bool) -> (errors: Int, tokens: Int) {
        var order = Array(documents.indices)
        order.shuffle(using: &generator)
        var errors = 0
        var tokens = 0
        var decoder = EntitySequenceTagger(cachesTransitions: false)
        for d in order {
            let document = documents[d]
            let context = document.context
            let n = context.tokens.count
            var memory = EntityHashIndex(minimumCapacity: 64)
            var output = EntitySequenceTagger.Output(
                tags: [UInt8](repeating: 0, count: n),
                confidences: []
            )
            var start = 0
            while start < n {
                let end = EntitySequenceTagger.segmentEnd(context, from: start)
                if structured {
                    decoder.decode(
                        start..<end,
                        context,
                        scorer: self,
                        memory: memory,
                        output: &output,
                        confidences: false
                    )
                    errors += updateSegment(
                        start..<end,
                        context,
                        gold: document.goldTags,
                        predicted: output.tags,
                        memory: memory
                    )
                } else {
                    errors += greedySegment(
                        start..<end,
                        context,
                        gold: document.goldTags,
                        predicted: &output.tags,
                        memory: memory
                    )
                }
                for i in start..<end {
                    clock += 1
                    if context.isMemorable(i) {
                        memory.set(Int32(EntityTagSet.type(of: Int(output.tags[i])) + 1), for: context.lower[i])
                    }
                }
                tokens += end - start
                start = end
            }
        }
        return (errors, tokens)
    }

    /// Applies the structured update of one decoded segment; returns the number of wrong tags.
    private mutating func updateSegment(
        _ segment: Range<Int>,
        _ context: EntityDocumentContext,
        gold: [UInt8],
        predicted: [UInt8],
        memory: EntityHashIndex
    ) -> Int {
        var errors = 0
        var features: [UInt64] = []
        for i in segment {
            let goldTag = Int(gold[i])
            let predictedTag = Int(predicted[i])
            let goldPrevious = i > segment.lowerBound ? Int(gold[i - 1]) : 0
            let predictedPrevious = i > segment.lowerBound ? Int(predicted[i - 1]) : 0
            if goldTag != predictedTag { errors += 1 }
            if goldTag == predictedTag && goldPrevious == predictedPrevious { continue }
            if goldTag != predictedTag {
                features.removeAll(keepingCapacity: true)
                context.appendStaticFeatures(
                    at: i,
                    remembered: EntitySequenceTagger.remembered(i, context, memory),
                    to: &features
                )
                for key in features {
                    let r = row(for: key)
                    update(row: r, tag: goldTag, by: 1)
                    update(row: r, tag: predictedTag, by: -1)
                }
            }
            features.removeAll(keepingCapacity: true)
            context.appendTransitionFeatures(at: i, previous: goldPrevious, to: &features)
            for key in features { update(row: row(for: key), tag: goldTag, by: 1) }
            features.removeAll(keepingCapacity: true)
            context.appendTransitionFeatures(at: i, previous: predictedPrevious, to: &features)
            for key in features { update(row: row(for: key), tag: predictedTag, by: -1) }
        }
        return errors
    }

    /// Predicts one segment greedily, updating on every wrong token; returns the number of wrong tags.
    private mutating func greedySegment(
        _ segment: Range<Int>,
        _ context: EntityDocumentContext,
        gold: [UInt8],
        predicted: inout [UInt8],
        memory: EntityHashIndex
    ) -> Int {
        var errors = 0
        var features: [UInt64] = []
        var scores = [Int32](repeating: 0, count: EntityTagSet.count)
        var previous = 0
        for i in segment {
            features.removeAll(keepingCapacity: true)
            context.appendStaticFeatures(
                at: i,
                remembered: EntitySequenceTagger.remembered(i, context, memory),
                to: &features
            )
            context.appendTransitionFeatures(at: i, previous: previous, to: &features)
            for t in scores.indices { scores[t] = 0 }
            scores.withUnsafeMutableBufferPointer { accumulate(features, into: $0.baseAddress!) }
            var best = 0
            for t in 1..<EntityTagSet.count where scores[t] > scores[best] { best = t }
            let goldTag = Int(gold[i])
            if best != goldTag {
                errors += 1
                for key in features {
                    let r = row(for: key)
                    update(row: r, tag: goldTag, by: 1)
                    update(row: r, tag: best, by: -1)
                }
            }
            predicted[i] = UInt8(best)
            previous = best
        }
        return errors
    }

    /// Scores are the perceptron's own integer weights.
    var scale: Float { 1 }

    /// Adds the current (not averaged) weights of `features` to `scores`; they are integers (updates are +-1).
    func accumulate(_ features: [UInt64], into scores: UnsafeMutablePointer<Int32>) {
        weights.withUnsafeBufferPointer { w in
            for key in features {
                let r = Int(index.value(for: key))
                if r < 0 { continue }
                let base = r * EntityTagSet.count
                for t in 0..<EntityTagSet.count { scores[t] &+= Int32(w[base + t]) }
            }
        }
    }

    /// The averaged weights as model rows, dropping rows whose largest absolute weight is below `minimumWeight`.
    func averagedModel(minimumWeight: Float) -> EntityModelFile {
        var keys: [UInt64] = []
        var kept: [Float] = []
        var averaged = [Float](repeating: 0, count: EntityTagSet.count)
        var keyOfRow = [UInt64](repeating: 0, count: rowCount)
        index.forEach { key, row in keyOfRow[Int(row)] = key }
        for r in 0..<rowCount {
            var largest: Float = 0
            for t in 0..<EntityTagSet.count {
                let k = r * EntityTagSet.count + t
                let total = totals[k] + Double(clock - stamps[k]) * Double(weights[k])
                averaged[t] = Float(total / Double(clock))
                largest = max(largest, abs(averaged[t]))
            }
            if largest >= minimumWeight {
                keys.append(keyOfRow[r])
                kept.append(contentsOf: averaged)
            }
        }
        return EntityModelFile(keys: keys, weights: kept)
    }
}
