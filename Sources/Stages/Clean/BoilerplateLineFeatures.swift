/// The line model's input: numbers that describe each line of a document the way a reader sees it.
///
/// ```
///  line i ──▶ own shape + vocabulary (base) ─┐
///  line i-1 ─▶ its base ─────────────────────┼──▶ [base(i) | base(i-1) | base(i+1) | place]  (``count`` floats)
///  line i+1 ─▶ its base ─────────────────────┘
/// ```
///
/// - Shape: length, words, final punctuation, capitals, quotes, `@`, digits, URLs, separators, bullets, verbs.
/// - Vocabulary: for each ``FurnitureWordClasses/Class``, whether the first word is in it and the share of words in
///   it (the first words only, for long lines).
/// - Place: position in the document, before the first or after the last paragraph of prose, after an end mark
///   (`###`, `ENDS`), the run of short non-prose lines the line is part of, overlap with the headline.
/// - Neighbours: the base features of the lines before and after, so runs of links and captions under credits show.
///
/// The features only describe; ``BoilerplateLineModel`` weighs them. Changing the order or meaning of a feature
/// invalidates the trained weights: retrain with `scripts/train-clean-model.sh`.
enum BoilerplateLineFeatures {
    /// Features of one line on its own.
    static let baseCount = 34 + 2 * FurnitureWordClasses.Class.allCases.count
    /// Features of a line's place in the document.
    static let placeCount = 14
    /// Features per line given to the model.
    static let count = 3 * baseCount + placeCount

    /// What the features of one document need beyond the lines.
    struct Document {
        /// Index of the headline (the first line the rules kept), or nil.
        var headline: Int?
        /// Index of the first prose line, or `lines.count`.
        var firstProse: Int
        /// Index of the last prose line, or -1.
        var lastProse: Int
        /// Index of the first end mark after the first prose line (a line without words, or `ENDS`), or `lines.count`.
        var endMark: Int
        /// Characters of the prose lines the rules kept.
        var proseCharacters: Float = 0
        /// Characters of kept prose before each line.
        var proseBefore: [Float] = []
    }

    /// Computes the base features of every line into one flat array (`lines.count * baseCount`).
    /// - Parameters:
    ///   - lines: the document's lines.
    ///   - verdicts: the rules' verdicts (nil: kept).
    ///   - hashes: the document's word hashes.
    ///   - bytes: the document's repaired bytes.
    /// - Returns: the base features and the document facts.
    static func base(
        _ lines: [ArticleLineFacts],
        verdicts: [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> (features: [Float], document: Document) {
        let classes = FurnitureWordClasses.shared
        let headline = lines.indices.first(where: { verdicts[$0] == nil })
        var headlineWords: [UInt64] = []
        if let headline, !lines[headline].isLong {
            let line = lines[headline]
            headlineWords = Array(hashes[line.wordStart..<(line.wordStart + line.wordCount)])
        }
        // Line fingerprints, to find lines that occur twice (a teaser repeated, a headline repeated in the body).
        var fingerprints = [UInt64](repeating: 0, count: lines.count)
        var seen: [UInt64: Int] = [:]
        for index in lines.indices where !lines[index].isLong && lines[index].wordCount >= 2 {
            let line = lines[index]
            var value: UInt64 = 0x9E37_79B9_7F4A_7C15
            for word in hashes[line.wordStart..<(line.wordStart + line.wordCount)] {
                value = (value ^ word) &* 0x0000_0100_0000_01b3
            }
            fingerprints[index] = value
            seen[value, default: 0] += 1
        }
        var document = Document(headline: headline, firstProse: lines.count, lastProse: -1, endMark: lines.count)
        document.proseBefore.reserveCapacity(lines.count)
        for index in lines.indices {
            document.proseBefore.append(document.proseCharacters)
            guard verdicts[index] == nil && lines[index].isProse else { continue }
            if document.firstProse == lines.count { document.firstProse = index }
            document.lastProse = index
            document.proseCharacters += Float(lines[index].scalarCount)
        }
        if document.firstProse < lines.count {
            for index in (document.firstProse + 1)..<max(document.firstProse + 1, lines.count)
            where isEndMark(lines[index], hashes: hashes) {
                document.endMark = index
                break
            }
        }
        var features = [Float](repeating: 0, count: lines.count * baseCount)
        features.withUnsafeMutableBufferPointer { buffer in
            for index in lines.indices {
                var writer = Writer(buffer: buffer, position: index * baseCount)
                let line = lines[index]
                var lead: (UInt64, UInt64, Int) = (0, 0, 0)
                if line.isLong { lead = leadWords(line, bytes: bytes) }
                let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
                shape(line, words: words, bytes: bytes, into: &writer)
                writer.put(verdicts[index] != nil)
                writer.put(fingerprints[index] != 0 && (seen[fingerprints[index]] ?? 0) >= 2)
                writer.put(headlineOverlap(line, words: words, headline: headlineWords, isHeadline: index == headline))
                vocabulary(line, words: words, lead: lead, classes: classes, into: &writer)
            }
        }
        return (features, document)
    }

    /// Writes the full feature vector of line `index` (``count`` floats) into `vector`.
    /// - Parameters:
    ///   - index: the line.
    ///   - base: the base features from ``base(_:verdicts:hashes:bytes:)``.
    ///   - lines: the document's lines.
    ///   - document: the document facts.
    ///   - vector: receives the features; must hold ``count`` floats.
    static func vector(
        at index: Int,
        base: UnsafeBufferPointer<Float>,
        lines: [ArticleLineFacts],
        document: Document,
        into vector: UnsafeMutableBufferPointer<Float>
    ) {
        let count = lines.count
        for offset in 0..<baseCount { vector[offset] = base[index * baseCount + offset] }
        for offset in 0..<baseCount {
            vector[baseCount + offset] = index > 0 ? base[(index - 1) * baseCount + offset] : 0
            vector[2 * baseCount + offset] = index + 1 < count ? base[(index + 1) * baseCount + offset] : 0
        }
        var writer = Writer(buffer: vector, position: 3 * baseCount)
        writer.put(Float(index) / Float(max(1, count - 1)))
        writer.put(index == document.headline)
        writer.put(index < document.firstProse)
        writer.put(index > document.lastProse)
        writer.put(index > document.endMark)
        writer.put(1 / Float(count - index))
        writer.put(1 / Float(1 + index))
        writer.put(index == 0)
        writer.put(index + 1 == count)
        // The run of short lines that are not prose around this line: link lists, caption stacks, contact blocks.
        var first = index
        while first > 0 && !lines[first - 1].isProse && !lines[first - 1].isLong { first -= 1 }
        var last = index
        while last + 1 < count && !lines[last + 1].isProse && !lines[last + 1].isLong { last += 1 }
        let run = lines[index].isProse || lines[index].isLong ? 0 : last - first + 1
        writer.put(Float(min(run, 8)) / 8)
        writer.put(run >= 3)
        writer.put(lines[index].isProse && index > 0 && !lines[index - 1].isProse && !lines[index - 1].isLong)
        // How much of the document's prose comes after the line: furniture sits where the prose has ended.
        let total = document.proseCharacters
        let before = document.proseBefore[index]
        let own = lines[index].isProse ? Float(lines[index].scalarCount) : 0
        writer.put(total > 0 ? (total - before - own) / total : 0)
        writer.put(total > 0 ? before / total : 0)
    }

    /// Sequential writes into a feature buffer.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<Float>
        var position: Int

        @inline(__always)
        mutating func put(_ value: Float) {
            buffer[position] = value
            position += 1
        }

        @inline(__always)
        mutating func put(_ flag: Bool) {
            put(flag ? Float(1) : 0)
        }
    }

    /// The line's shape: 30 features.
    private static func shape(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>,
        into writer: inout Writer
    ) {
        let wordCount = line.isLong ? 64 : line.wordCount
        writer.put(line.isLong)
        writer.put(min(Float(line.scalarCount).squareRoot() / 20, 1.5))
        writer.put(wordCount == 1)
        writer.put(wordCount >= 2 && wordCount <= 3)
        writer.put(wordCount >= 4 && wordCount <= 7)
        writer.put(wordCount >= 8 && wordCount <= 15)
        writer.put(wordCount >= 16)
        let ending = line.isLong ? longEnding(line, bytes: bytes) : line.ending
        writer.put(ending == .period)
        writer.put(ending == .exclamation)
        writer.put(ending == .question)
        writer.put(ending == .ellipsis)
        writer.put(ending == .colon)
        writer.put(ending == .other)
        writer.put(line.isLong || line.sentenceBreaks >= 1)
        writer.put(line.isLong || line.sentenceBreaks >= 3)
        writer.put(line.wordCount > 0 ? Float(line.capitalizedWords) / Float(line.wordCount) : 0)
        writer.put(!line.isLong && line.wordCount >= 2 && !line.hasLowercase && line.capitalizedWords > 0)
        writer.put(line.hasDoubleQuote)
        writer.put(line.hasAtSign)
        writer.put(line.scalarCount > 0 ? min(Float(line.digitCount) * 4 / Float(line.scalarCount), 1) : 0)
        writer.put(line.digitCount >= 7)
        writer.put(line.separatorCount > 0)
        writer.put(line.startsWithCopyright)
        writer.put(!line.isLong && line.wordCount > 0 && line.verbWords == 0)
        writer.put(line.reportingWords > 0)
        writer.put(line.isProse)
        writer.put(line.isTitleLike)
        writer.put(line.isTeaserLike)
        writer.put(!line.isLong && hasURL(line, bytes: bytes))
        writer.put(startsWithBullet(line, bytes: bytes))
        writer.put(hasLabelColon(line, bytes: bytes))
    }

    /// True when one or two words open the line and a `:` follows them ("Source:", "Photo credit:", "UPDATE:").
    private static func hasLabelColon(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var spaces = 0
        var index = line.start
        let limit = min(line.end, line.start + 30)
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index > line.start && index + 1 < line.end }
            if byte == 0x20 {
                spaces += 1
                if spaces >= 2 { return false }
            }
            index += 1
        }
        return false
    }

    /// The line's vocabulary: for each class, first word in it and share of words in it.
    private static func vocabulary(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        lead: (UInt64, UInt64, Int),
        classes: FurnitureWordClasses,
        into writer: inout Writer
    ) {
        var counts = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var firstMask: UInt32 = 0
        var total = 0
        withUnsafeMutableBytes(of: &counts) { raw in
            let counters = raw.bindMemory(to: Int.self)
            func add(_ mask: UInt32) {
                var bits = mask
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    if bit < counters.count { counters[bit] += 1 }
                    bits &= bits - 1
                }
            }
            if line.isLong {
                if lead.2 >= 1 {
                    firstMask = classes.classes(of: lead.0)
                    add(firstMask)
                }
                if lead.2 >= 2 { add(classes.classes(of: lead.1)) }
                total = max(lead.2, 1)
            } else {
                for (position, word) in words.enumerated() {
                    let mask = classes.classes(of: word)
                    if position == 0 { firstMask = mask }
                    add(mask)
                }
                total = max(words.count, 1)
            }
        }
        withUnsafeBytes(of: &counts) { raw in
            let counters = raw.bindMemory(to: Int.self)
            for wordClass in FurnitureWordClasses.Class.allCases {
                writer.put(firstMask & (1 << UInt32(wordClass.rawValue)) != 0)
                writer.put(Float(counters[wordClass.rawValue]) / Float(total))
            }
        }
    }

    /// Share of the line's words that are in the headline (0 for the headline itself and for very short lines).
    private static func headlineOverlap(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        headline: [UInt64],
        isHeadline: Bool
    ) -> Float {
        guard !isHeadline, !headline.isEmpty, words.count >= 3, words.count <= 40 else { return 0 }
        var shared = 0
        for word in words where headline.contains(word) { shared += 1 }
        return Float(shared) / Float(words.count)
    }

    /// True when the line is an end mark: no words (`###`, `* * *`) or only `END`/`ENDS`.
    private static func isEndMark(_ line: ArticleLineFacts, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isLong else { return false }
        if line.wordCount == 0 { return true }
        return line.wordCount == 1 && line.scalarCount <= 8 && endWords.contains(hashes[line.wordStart])
    }

    /// `end`, `ends`.
    private static let endWords = BoilerplateWordHash.set("end ends")

    /// True when the line holds `://` or `www.`.
    private static func hasURL(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.byteCount >= 4 else { return false }
        for index in line.start..<(line.end - 3) {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/")
                && bytes[index + 2] == UInt8(ascii: "/")
            {
                return true
            }
            if byte | 0x20 == UInt8(ascii: "w") && bytes[index + 1] | 0x20 == UInt8(ascii: "w")
                && bytes[index + 2] | 0x20 == UInt8(ascii: "w") && bytes[index + 3] == UInt8(ascii: ".")
            {
                return true
            }
        }
        return false
    }

    /// True when the line opens with a bullet or dash (`-`, `*`, `•`, `–`, `—`).
    private static func startsWithBullet(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[line.start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") { return true }
        guard line.byteCount >= 3, first == 0xE2, bytes[line.start + 1] == 0x80 else { return false }
        let third = bytes[line.start + 2]
        return third == 0xA2 || third == 0x93 || third == 0x94
    }

    /// How a long line ends (the scanner does not measure long lines).
    private static func longEnding(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>)
        -> ArticleLineFacts.Ending
    {
        var index = line.end - 1
        while index > line.start
            && (bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: ")")
                || bytes[index] == UInt8(ascii: "'") || bytes[index] & 0xC0 == 0x80)
        {
            if bytes[index] & 0xC0 == 0x80 {
                // A closing curly quote (E2 80 9D / 99) is skipped; anything else non-ASCII ends the line.
                guard index >= 2, bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80,
                    bytes[index] == 0x9D || bytes[index] == 0x99
                else { return .other }
                index -= 3
                continue
            }
            index -= 1
        }
        switch bytes[index] {
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: "!"): return .exclamation
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: ":"): return .colon
        default: return .other
        }
    }

    /// Hashes of the first two words of a long line, and how many were found (at most 2).
    private static func leadWords(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, Int)
    {
        let found = BoilerplateWordHash.leadingWords(
            bytes,
            from: line.start,
            to: min(line.end, line.start + 80),
            limit: 2
        )
        return (found.first ?? 0, found.count > 1 ? found[1] : 0, found.count)
    }
}
