/// Named-entity recognition for news text: the `entities` stage's algorithm.
///
/// ```
/// text ─▶ EntityTokenizer ─▶ EntityDocumentContext ─▶ EntitySequenceTagger (averaged perceptron, BILOU)
///                                   │                                   │
///                                   ├─▶ EntityPatternMatcher ───────────┤  (DATE, MONEY, PERCENT, EMAIL, URL)
///                                   └─▶ extra gazetteer (exact phrases) ┴─▶ mentions ─▶ EntityCanonicalizer
/// ```
/// Model mentions win over pattern mentions; exact matches of the configuration's extra gazetteer win over both.
///
/// # Thread safety
/// An immutable `Sendable` value: one recogniser may be used from many tasks at once. Results are deterministic.
struct EntityRecognizer: Sendable {
    /// The options in force.
    let configuration: EntitiesConfiguration
    private let resources: EntityResources
    private let extraPhrases: EntityPhraseTable
    private let extraLabels: [EntityLabel]

    /// Creates a recogniser with the bundled model and gazetteer.
    /// - Throws: ``EntityModel/LoadError`` when the bundled resources are missing or stale.
    init(configuration: EntitiesConfiguration = EntitiesConfiguration()) throws(EntityModel.LoadError) {
        self.init(configuration: configuration, resources: try EntityResources.bundled.get())
    }

    /// Creates a recogniser with explicit resources (used by training and evaluation tools).
    init(configuration: EntitiesConfiguration, resources: EntityResources) {
        self.configuration = configuration
        self.resources = resources
        var table = EntityPhraseTable(ignoresCase: false)
        var labels: [EntityLabel] = []
        for label in configuration.extraGazetteer.keys.sorted() {
            let bit = Int32(1) << Int32(labels.count)
            labels.append(label)
            for name in configuration.extraGazetteer[label] ?? [] { table.add(name, bits: bit) }
        }
        extraPhrases = table
        extraLabels = labels
    }

    /// A mention in token and byte coordinates, before offsets are converted.
    struct Candidate {
        var firstToken: Int
        var endToken: Int
        var label: EntityLabel
        var confidence: Double
    }

    /// Finds the entity mentions of `text` and summarises them.
    func recognize(_ text: String) -> EntitiesResult {
        let mentions = findMentions(in: text)
        return EntitiesResult(mentions: mentions, summary: EntityCanonicalizer.summarize(mentions))
    }

    /// Finds the entity mentions of `text`, sorted by offset (no summary).
    func findMentions(in text: String) -> [EntityMention] {
        var text = text
        return text.withUTF8 { bytes in findMentions(bytes: bytes) }
    }

    private func findMentions(bytes: UnsafeBufferPointer<UInt8>) -> [EntityMention] {
        let tokens = EntityTokenizer.tokenize(bytes)
        if tokens.isEmpty { return [] }
        let context = EntityDocumentContext(
            bytes: bytes,
            tokens: tokens,
            gazetteer: resources.gazetteer,
            clusters: resources.clusters
        )
        // Confidences cost a backward pass and softmaxes: computed only when they decide something.
        let output = EntitySequenceTagger.tag(
            context,
            model: resources.model,
            confidences: configuration.minimumConfidence > 0
        )
        var candidates = modelCandidates(output, tokens: tokens)
        EntityCommonAcronyms.removeOrganizations(from: &candidates, context: context, bytes: bytes)
        EntityTitleLineEvidence.confirm(&candidates, context: context, bytes: bytes)
        if configuration.institutionsAsOrganizations {
            relabelInstitutions(&candidates, bytes: bytes, tokens: tokens)
        }
        if !extraPhrases.isEmpty {
            var extra: [Candidate] = []
            for (first, end, bits) in extraPhrases.longestMatches(in: bytes, tokens: tokens) {
                let label = extraLabels[Int(bits.trailingZeroBitCount)]
                extra.append(Candidate(firstToken: first, endToken: end, label: label, confidence: 1))
            }
            candidates = merge(preferred: extra, other: candidates)
        }
        let wantsPatterns = configuration.labels.contains { label in
            [.date, .money, .percent, .email, .url].contains(label)
        }
        if wantsPatterns {
            let patterns = EntityPatternMatcher.matches(in: bytes, context: context).map {
                Candidate(firstToken: $0.first, endToken: $0.end, label: $0.label, confidence: 1)
            }
            candidates = merge(preferred: candidates, other: patterns)
        }
        candidates.removeAll { !configuration.labels.contains($0.label) }
        return mentions(from: candidates, tokens: tokens, bytes: bytes)
    }

    /// Turns the tag sequence into model candidates, repairing ill-formed runs: an entity left open is closed before
    /// any tag that does not continue it, and an `I` or `L` that continues nothing starts a new entity.
    private func modelCandidates(_ output: EntitySequenceTagger.Output, tokens: [EntityToken]) -> [Candidate] {
        var result: [Candidate] = []
        var open: Candidate?
        for i in tokens.indices {
            if tokens[i].startsLine, let entity = open {
                result.append(entity)
                open = nil
            }
            let tag = Int(output.tags[i])
            let confidence = Double(output.confidences[i])
            if tag == EntityTagSet.outside {
                if let entity = open { result.append(entity) }
                open = nil
                continue
            }
            let type = EntityTagSet.type(of: tag)
            let position = EntityTagSet.position(of: tag)
            let label = EntityLabel.modelLabel(type)
            let continues = (position == 1 || position == 2) && open?.label == label
            if continues {
                open!.endToken = i + 1
                open!.confidence = min(open!.confidence, confidence)
            } else {
                if let entity = open { result.append(entity) }
                open = Candidate(firstToken: i, endToken: i + 1, label: label, confidence: confidence)
            }
            if position >= 2 {
                result.append(open!)
                open = nil
            }
        }
        if let entity = open { result.append(entity) }
        let minimum = configuration.minimumConfidence
        return minimum > 0 ? result.filter { $0.confidence >= minimum } : result
    }

    /// Seats of power that stand for their institution, matched case-sensitively.
    static let institutions: EntityPhraseTable = {
        var table = EntityPhraseTable(ignoresCase: false)
        for name in [
            "White House", "Kremlin", "Pentagon", "Blue House", "Downing Street", "Elysee", "Élysée",
            "Quai d'Orsay", "Zhongnanhai",
        ] {
            table.add(name, bits: 1)
        }
        return table
    }()

    /// Relabels location candidates that are exactly an institution name as organisations.
    private func relabelInstitutions(
        _ candidates: inout [Candidate],
        bytes: UnsafeBufferPointer<UInt8>,
        tokens: [EntityToken]
    ) {
        guard candidates.contains(where: { $0.label == .location }) else { return }
        var ranges: [Int: Int] = [:]
        Self.institutions.forEachMatch(in: bytes, tokens: tokens) { first, end, _ in ranges[first] = end }
        if ranges.isEmpty { return }
        for k in candidates.indices
        where candidates[k].label == .location
            && ranges[candidates[k].firstToken] == candidates[k].endToken
        {
            candidates[k].label = .organization
        }
    }

    /// `preferred` plus every candidate of `other` that overlaps none of them, sorted by position.
    private func merge(preferred: [Candidate], other: [Candidate]) -> [Candidate] {
        if preferred.isEmpty { return other }
        var result = preferred
        var p = 0
        for candidate in other {
            while p < preferred.count && preferred[p].endToken <= candidate.firstToken { p += 1 }
            if p < preferred.count && preferred[p].firstToken < candidate.endToken { continue }
            result.append(candidate)
        }
        result.sort { $0.firstToken < $1.firstToken }
        return result
    }

    /// Converts token candidates to mentions with code-point offsets and text.
    private func mentions(from candidates: [Candidate], tokens: [EntityToken], bytes: UnsafeBufferPointer<UInt8>)
        -> [EntityMention]
    {
        var result: [EntityMention] = []
        result.reserveCapacity(candidates.count)
        var bytePosition = 0
        var codePoints = 0
        func advance(to target: Int) {
            while bytePosition < target {
                if bytes[bytePosition] & 0xC0 != 0x80 { codePoints += 1 }
                bytePosition += 1
            }
        }
        for candidate in candidates {
            let startByte = Int(tokens[candidate.firstToken].start)
            let endByte = Int(tokens[candidate.endToken - 1].end)
            advance(to: startByte)
            let start = codePoints
            advance(to: endByte)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[startByte..<endByte]), as: UTF8.self)
            result.append(
                EntityMention(
                    text: text,
                    label: candidate.label,
                    start: start,
                    end: codePoints,
                    confidence: candidate.confidence
                )
            )
        }
        return result
    }
}
