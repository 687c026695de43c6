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
        let output = repaired.bytes.withUnsafeBufferPointer { bytes in
            selectArticle(bytes, mayHavePlaceholders: hasBracket, report: &report)
        }
        let cleaned = String(decoding: output, as: UTF8.self)
        let length = output.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return CleanResult(
            text: cleaned,
            report: report,
            isTooShort: length < configuration.minimumLength,
            wasHTML: wasHTML
        )
    }

    /// Explains a cleaning: every non-blank line of the repaired text with the rule group that removed it (nil: kept).
    ///
    /// Meant for debugging a configuration; ``clean(_:)`` is the fast path.
    /// - Parameter text: the scraped text or HTML.
    /// - Returns: the lines in order, with their verdicts.
    func explain(_ text: String) -> [(line: String, removedBy: CleanRuleGroup?)] {
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
            let verdicts = verdicts(for: lines, bytes: bytes, hashStorage: hashStorage)
            return lines.indices.map { index in
                let slice = UnsafeBufferPointer(rebasing: bytes[lines[index].start..<lines[index].end])
                return (String(decoding: slice, as: UTF8.self), verdicts[index])
            }
        }
    }

    /// Runs the line rules, the block rules and the headline option over scanned lines.
    private func verdicts(
        for lines: [ArticleLineFacts],
        bytes: UnsafeBufferPointer<UInt8>,
        hashStorage: [UInt64]
    ) -> [CleanRuleGroup?] {
        var verdicts = [CleanRuleGroup?](repeating: nil, count: lines.count)
        hashStorage.withUnsafeBufferPointer { hashes in
            for index in lines.indices {
                verdicts[index] = classifier.classify(lines[index], bytes: bytes, hashes: hashes)
            }
            blockRules.apply(to: lines, verdicts: &verdicts, hashes: hashes, classifier: classifier)
        }
        if !configuration.keepHeadline, let first = verdicts.firstIndex(where: { $0 == nil }),
            lines[first].sentenceBreaks == 0, !lines[first].isLong
        {
            verdicts[first] = .headline
        }
        return verdicts
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
        report: inout CleanReport
    ) -> [UInt8] {
        var hashStorage: [UInt64] = []
        hashStorage.reserveCapacity(256)
        let lines = ArticleLineScanner.scan(bytes, hashes: &hashStorage)
        let verdicts = verdicts(for: lines, bytes: bytes, hashStorage: hashStorage)
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
                continue
            }
            if wroteLine {
                // Every kept line is a paragraph: one blank line between paragraphs, whatever the source had.
                output.append(0x0A)
                output.append(0x0A)
            }
            if mayHavePlaceholders {
                appendLine(line, from: bytes, to: &output, report: &report)
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]))
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
}
