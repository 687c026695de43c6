import Foundation

/// Cleans scraped news text down to the article: headline and paragraphs, without page furniture or broken text.
///
/// ```
///  text ──▶ CleanHTMLReducer (if HTML) ──▶ UnicodeTextRepairer ──▶ NFC (only if needed)
///       ──▶ ArticleLineScanner ──▶ BoilerplateLineClassifier (per line) ──▶ BoilerplateBlockRules (neighbours)
///       ──▶ kept lines, one blank line between paragraphs ──▶ CleanResult { text, report, isTooShort }
/// ```
///
/// # Thread safety
/// A cleaner is an immutable `Sendable` value; ``clean(_:)`` is pure and may be called from many tasks at once.
/// The same text and configuration always give the same result.
///
/// # Cost
/// Linear in the input. The hot passes work on UTF-8 bytes; Foundation is used only for NFC on text that may need
/// it, and for `drop_patterns`, which run once per line.
struct ArticleTextCleaner: Sendable {
    /// The configuration the cleaner was made from.
    let configuration: CleanConfiguration
    /// The line rules, with phrases and patterns compiled.
    private let classifier: BoilerplateLineClassifier
    /// The block rules.
    private let blockRules: BoilerplateBlockRules
    /// The line model, for the lines the rules keep.
    private let model = BoilerplateLineModel.trained

    /// Creates a cleaner, compiling phrases and `drop_patterns` once.
    /// - Parameter configuration: the options.
    /// - Throws: the `Regex` error of the first drop pattern that does not compile.
    init(configuration: CleanConfiguration = CleanConfiguration()) throws {
        self.configuration = configuration
        self.classifier = try BoilerplateLineClassifier(configuration: configuration)
        self.blockRules = BoilerplateBlockRules(groups: configuration.ruleGroups)
    }

    /// Cleans one document.
    /// - Parameter text: the scraped text or HTML.
    /// - Returns: the article text, the removal report, and whether the result is too short.
    func clean(_ text: String) -> CleanResult {
        var report = CleanReport()
        let groups = configuration.ruleGroups
        let markup = groups.contains(.markup)
        var wasHTML = false
        var input = text
        var repaired = input.withUTF8 { bytes -> UnicodeTextRepairer.Outcome in
            if markup && configuration.detectHTML && CleanHTMLReducer.looksLikeHTML(bytes) {
                wasHTML = true
                let reduced = CleanHTMLReducer().reduce(bytes)
                report.record(.markup, characters: reduced.removedScalars)
                return reduced.bytes.withUnsafeBufferPointer { repairer(stripsTags: false).repair($0) }
            }
            return repairer(stripsTags: markup).repair(bytes)
        }
        report.record(.markup, characters: repaired.markupRemoved)
        report.record(.unicode, characters: repaired.unicodeRemoved)
        if repaired.needsCanonicalComposition && groups.contains(.unicode) {
            let original = String(decoding: repaired.bytes, as: UTF8.self)
            let composed = original.precomposedStringWithCanonicalMapping
            report.record(.unicode, characters: original.unicodeScalars.count - composed.unicodeScalars.count)
            repaired.bytes = Array(composed.utf8)
        }
        let hasBracket = repaired.hasBracket
        var removed: [CleanRemovedLine] = []
        var author: String?
        let output = repaired.bytes.withUnsafeBufferPointer { bytes in
            selectArticle(bytes, mayHavePlaceholders: hasBracket, report: &report, removed: &removed, author: &author)
        }
        let cleaned = String(decoding: output, as: UTF8.self)
        let length = output.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return CleanResult(
            text: cleaned,
            report: report,
            isTooShort: length < configuration.minimumLength,
            wasHTML: wasHTML,
            removed: removed,
            author: author
        )
    }

    /// Explains a cleaning: every non-blank line of the repaired text with the rule group that removed it (nil: kept).
    ///
    /// Meant for debugging a configuration; ``clean(_:)`` is the fast path.
    /// - Parameter text: the scraped text or HTML.
    /// - Returns: the lines in order, with their verdicts.
    func explain(_ text: String) -> [(line: String, removedBy: CleanRuleGroup?)] {
        explainLines(text).map { ($0.text, $0.removedBy) }
    }

    /// One line of an explained cleaning.
    struct ExplainedLine {
        /// The line as repaired.
        var text: String
        /// The group that removed the whole line, or nil.
        var removedBy: CleanRuleGroup?
        /// What the line contributes to the output when it is kept (the line without cut furniture).
        var kept: String
        /// The rules' verdict before the line model ran.
        var ruleVerdict: CleanRuleGroup?
        /// The line model's features (empty when the rules removed the line).
        var features: [Float]
    }

    /// Explains a cleaning line by line, with the line model's features: for debugging and for training the model.
    /// - Parameter text: the scraped text or HTML.
    /// - Returns: the lines in order.
    func explainLines(_ text: String) -> [ExplainedLine] {
        var input = text
        let markup = configuration.ruleGroups.contains(.markup)
        let repaired = input.withUTF8 { bytes -> [UInt8] in
            if markup && configuration.detectHTML && CleanHTMLReducer.looksLikeHTML(bytes) {
                let reduced = CleanHTMLReducer().reduce(bytes)
                return reduced.bytes.withUnsafeBufferPointer { repairer(stripsTags: false).repair($0).bytes }
            }
            return repairer(stripsTags: markup).repair(bytes).bytes
        }
        return repaired.withUnsafeBufferPointer { bytes in
            var hashStorage: [UInt64] = []
            let lines = ArticleLineScanner.scan(bytes, hashes: &hashStorage)
            var features: [[Float]] = Array(repeating: [], count: lines.count)
            let judgement = judge(lines, bytes: bytes, hashStorage: hashStorage) { index, vector in
                features[index] = Array(vector)
            }
            return lines.indices.map { index in
                let slice = UnsafeBufferPointer(rebasing: bytes[lines[index].start..<lines[index].end])
                let kept = UnsafeBufferPointer(rebasing: bytes[judgement.kept[index]])
                return ExplainedLine(
                    text: String(decoding: slice, as: UTF8.self),
                    removedBy: judgement.groups[index],
                    kept: String(decoding: kept, as: UTF8.self),
                    ruleVerdict: judgement.ruleVerdicts[index],
                    features: features[index]
                )
            }
        }
    }

    /// What the cleaner decided about each line of a document.
    struct Judgement {
        /// The group that removed each line (nil: kept).
        var groups: [CleanRuleGroup?]
        /// The verdicts of the rules alone, before the line model.
        var ruleVerdicts: [CleanRuleGroup?]
        /// The furniture kind of each line the model removed.
        var modelKinds: [BoilerplateLineModel.Kind?]
        /// The bytes of each line that are written when it is kept (the line minus cut furniture).
        var kept: [Range<Int>]
        /// The group that cut part of each line, or nil.
        var cuts: [CleanRuleGroup?]
    }

    /// Runs the line rules, the block rules, the trims, the line model and the headline option over scanned lines.
    /// - Parameter observe: called with each judged line's feature vector (for ``explainLines(_:)``).
    private func judge(
        _ lines: [ArticleLineFacts],
        bytes: UnsafeBufferPointer<UInt8>,
        hashStorage: [UInt64],
        observe: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil
    ) -> Judgement {
        var verdicts = [CleanRuleGroup?](repeating: nil, count: lines.count)
        var kinds = [BoilerplateLineModel.Kind?](repeating: nil, count: lines.count)
        var kept = lines.map { $0.start..<$0.end }
        var cuts = [CleanRuleGroup?](repeating: nil, count: lines.count)
        let groups = configuration.ruleGroups
        var ruleVerdicts = verdicts
        hashStorage.withUnsafeBufferPointer { hashes in
            for index in lines.indices {
                verdicts[index] = classifier.classify(lines[index], bytes: bytes, hashes: hashes)
            }
            blockRules.apply(to: lines, verdicts: &verdicts, hashes: hashes, classifier: classifier)
            if let first = lines.indices.first(where: { verdicts[$0] == nil }) {
                let before = verdicts
                ArticleEdgeRules.apply(
                    lines,
                    headline: first,
                    verdicts: &verdicts,
                    hashes: hashes,
                    bytes: bytes
                )
                PullQuoteRule.apply(lines, headline: first, verdicts: &verdicts, hashes: hashes, bytes: bytes)
                for index in lines.indices {
                    if let group = verdicts[index], !groups.contains(group) { verdicts[index] = before[index] }
                }
            }
            // Embedded posts the article quotes are article text, whatever their handles and links look like.
            for index in lines.indices where verdicts[index] != nil && verdicts[index] != .custom {
                if ArticleEdgeRules.isEmbeddedPost(lines[index], bytes: bytes) { verdicts[index] = nil }
            }
            ruleVerdicts = verdicts
            let headline = lines.indices.first(where: { verdicts[$0] == nil })
            if groups.contains(.title), let headline {
                trimTitle(lines, headline: headline, verdicts: &verdicts, kept: &kept, bytes: bytes, hashes: hashes)
                if kept[headline] != lines[headline].start..<lines[headline].end { cuts[headline] = .title }
            }
            if groups.contains(.captions) || groups.contains(.share) {
                for index in lines.indices where verdicts[index] == nil && index != headline && !lines[index].isLong {
                    if groups.contains(.captions),
                        let start = BoilerplateLineTrimmer.creditEnd(lines[index], bytes: bytes)
                    {
                        kept[index] = start..<kept[index].upperBound
                        cuts[index] = .captions
                    }
                    if groups.contains(.share),
                        let end = BoilerplateLineTrimmer.sharePromptStart(lines[index], bytes: bytes)
                    {
                        kept[index] = kept[index].lowerBound..<max(kept[index].lowerBound, end)
                        cuts[index] = .share
                    }
                }
            }
            // Furniture glued to the end of the last two kept lines.
            var tailLines = 0
            var index = lines.count - 1
            while index > (headline ?? lines.count) && tailLines < 2 {
                defer { index -= 1 }
                guard verdicts[index] == nil else { continue }
                tailLines += 1
                guard let (cut, group) = ArticleEdgeRules.tailCut(lines[index], bytes: bytes), groups.contains(group),
                    cut > kept[index].lowerBound
                else { continue }
                var end = min(cut, kept[index].upperBound)
                while end > kept[index].lowerBound && bytes[end - 1] == 0x20 { end -= 1 }
                kept[index] = kept[index].lowerBound..<end
                cuts[index] = group
            }
            guard groups.contains(.model) || observe != nil, !lines.isEmpty else { return }
            let (base, document) = BoilerplateLineFeatures.base(
                lines,
                verdicts: verdicts,
                hashes: hashes,
                bytes: bytes
            )
            var vector = [Float](repeating: 0, count: BoilerplateLineFeatures.count)
            base.withUnsafeBufferPointer { base in
                vector.withUnsafeMutableBufferPointer { vector in
                    for index in lines.indices where verdicts[index] == nil && index != headline {
                        if lines[index].hasAtSign && ArticleEdgeRules.isEmbeddedPost(lines[index], bytes: bytes) {
                            continue
                        }
                        if Self.isSubheading(at: index, lines: lines, verdicts: verdicts) { continue }
                        BoilerplateLineFeatures.vector(
                            at: index,
                            base: base,
                            lines: lines,
                            document: document,
                            into: vector
                        )
                        let features = UnsafeBufferPointer(vector)
                        observe?(index, features)
                        if groups.contains(.model), let kind = model.judge(features) {
                            verdicts[index] = .model
                            kinds[index] = kind
                        }
                    }
                }
            }
        }
        if !configuration.keepHeadline, let first = verdicts.firstIndex(where: { $0 == nil }),
            lines[first].sentenceBreaks == 0, !lines[first].isLong
        {
            verdicts[first] = .headline
        }
        return Judgement(groups: verdicts, ruleVerdicts: ruleVerdicts, modelKinds: kinds, kept: kept, cuts: cuts)
    }

    /// Cuts a site name off the headline and removes a copy of the headline opening the body.
    private func trimTitle(
        _ lines: [ArticleLineFacts],
        headline: Int,
        verdicts: inout [CleanRuleGroup?],
        kept: inout [Range<Int>],
        bytes: UnsafeBufferPointer<UInt8>,
        hashes: UnsafeBufferPointer<UInt64>
    ) {
        let line = lines[headline]
        if let cut = BoilerplateLineTrimmer.siteNameStart(line, bytes: bytes, hashes: hashes) {
            kept[headline] = line.start..<cut
        }
        guard !line.isLong, line.wordCount >= 4 else { return }
        let title = hashes[line.wordStart..<(line.wordStart + line.wordCount)]
        for index in (headline + 1)..<min(lines.count, headline + 12) where verdicts[index] == nil {
            let other = lines[index]
            guard !other.isLong, other.wordCount >= 4, other.wordCount <= line.wordCount else { continue }
            if hashes[other.wordStart..<(other.wordStart + other.wordCount)].elementsEqual(
                title.prefix(other.wordCount)
            )
                && other.wordCount * 4 >= line.wordCount * 3
            {
                verdicts[index] = .title
            }
        }
    }

    /// The repairer for this configuration.
    private func repairer(stripsTags: Bool) -> UnicodeTextRepairer {
        UnicodeTextRepairer(
            repairsUnicode: configuration.ruleGroups.contains(.unicode),
            decodesEntities: configuration.ruleGroups.contains(.markup),
            stripsTags: stripsTags,
            normalizesPunctuation: configuration.normalizePunctuation
        )
    }

    /// Classifies the lines of repaired text and joins the kept ones.
    private func selectArticle(
        _ bytes: UnsafeBufferPointer<UInt8>,
        mayHavePlaceholders: Bool,
        report: inout CleanReport,
        removed: inout [CleanRemovedLine],
        author: inout String?
    ) -> [UInt8] {
        var hashStorage: [UInt64] = []
        hashStorage.reserveCapacity(256)
        let lines = ArticleLineScanner.scan(bytes, hashes: &hashStorage)
        let judgement = judge(lines, bytes: bytes, hashStorage: hashStorage)
        let verdicts = judgement.groups
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var wroteLine = false
        for index in lines.indices {
            let line = lines[index]
            if let group = verdicts[index] {
                let scalars =
                    line.isLong
                    ? UnicodeTextRepairer.countScalars(bytes, from: line.start, to: line.end) : line.scalarCount
                report.record(group, lines: 1, characters: scalars)
                let kind = judgement.modelKinds[index] ?? (group == .byline ? .byline : nil)
                if configuration.recordsRemoved || (kind == .byline && author == nil) {
                    let text = Self.string(bytes, line.start..<line.end)
                    if configuration.recordsRemoved {
                        removed.append(
                            CleanRemovedLine(text: text, kind: kind?.name ?? CleanRemovedLine.kind(of: group))
                        )
                    }
                    if kind == .byline && author == nil { author = BylineAuthor.name(in: text) }
                }
                continue
            }
            if wroteLine {
                // Every kept line is a paragraph: one blank line between paragraphs, whatever the source had.
                output.append(0x0A)
                output.append(0x0A)
            }
            let range = judgement.kept[index]
            if let cutBy = judgement.cuts[index] {
                let cut =
                    UnicodeTextRepairer.countScalars(bytes, from: line.start, to: line.end)
                    - UnicodeTextRepairer.countScalars(bytes, from: range.lowerBound, to: range.upperBound)
                report.record(cutBy, characters: cut)
                if configuration.recordsRemoved {
                    let part =
                        range.lowerBound > line.start ? line.start..<range.lowerBound : range.upperBound..<line.end
                    removed.append(
                        CleanRemovedLine(text: Self.trimmed(bytes, part), kind: CleanRemovedLine.kind(of: cutBy))
                    )
                }
            }
            var part = line
            part.start = range.lowerBound
            part.end = range.upperBound
            if mayHavePlaceholders {
                appendLine(part, from: bytes, to: &output, report: &report)
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part.start..<part.end]))
            }
            wroteLine = true
        }
        return output
    }

    /// Appends a kept line, removing placeholder e-mails inside it when the `contact` group runs.
    private func appendLine(
        _ line: ArticleLineFacts,
        from bytes: UnsafeBufferPointer<UInt8>,
        to output: inout [UInt8],
        report: inout CleanReport
    ) {
        var start = line.start
        if configuration.ruleGroups.contains(.contact) {
            while let placeholder = PlaceholderEmail.find(in: bytes, from: start, to: line.end) {
                var cut = placeholder.lowerBound
                while cut > start && bytes[cut - 1] == 0x20 { cut -= 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cut]))
                var resume = placeholder.upperBound
                if resume < line.end && bytes[resume] == 0x20 && cut > start
                    && !Self.isClosingPunctuation(bytes, resume + 1, line.end)
                {
                    output.append(0x20)
                }
                while resume < line.end && bytes[resume] == 0x20 { resume += 1 }
                let removed = UnicodeTextRepairer.countScalars(bytes, from: cut, to: resume)
                report.record(.contact, characters: removed - (output.last == 0x20 ? 1 : 0))
                start = resume
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<line.end]))
    }

    /// The text of a byte range.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The text of a byte range without surrounding spaces.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && bytes[lower] == 0x20 { lower += 1 }
        while upper > lower && bytes[upper - 1] == 0x20 { upper -= 1 }
        return string(bytes, lower..<upper)
    }

    /// True when the byte at `index` is punctuation that attaches to the preceding word.
    private static func isClosingPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        guard index < end else { return true }
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"),
            UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// True when a short line stands between two kept paragraphs of prose: a subheading of the body, which the line
    /// model does not judge (a related-links list is a run of short lines, a caption sits by a credit or a picture).
    private static func isSubheading(at index: Int, lines: [ArticleLineFacts], verdicts: [CleanRuleGroup?]) -> Bool {
        guard index > 0, index + 1 < lines.count, !lines[index].isLong, !lines[index].isProse else { return false }
        let above = lines[index - 1]
        let below = lines[index + 1]
        return verdicts[index - 1] == nil && verdicts[index + 1] == nil && above.isProse
            && below.isProse
    }
}
