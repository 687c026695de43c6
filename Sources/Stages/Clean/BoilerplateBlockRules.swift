/// Rules that judge lines by their neighbours and their place in the document, after the line rules ran.
///
/// ```
///  [furniture]  Headline  [furniture]  prose … prose  [Related]  title  lede…  title  [©]
///   layout ───┘  kept ─────────────────── kept ───────┴ teasers: heading and block, or a trailing run of titles
/// ```
///
/// - A teaser heading ("You May Also Like", "Related", "More from X") after the first paragraph of prose removes
///   itself and the teaser-shaped lines that follow it (titles, questions, ledes cut off with `…`), skipping lines
///   already removed; a heading with no teasers after it is removed only when nothing but boilerplate follows it.
/// - A press-release contact heading removes the short non-prose lines after it.
/// - After the last prose line, a run of two or more title-shaped lines is a teaser block and goes as a whole; a
///   single trailing title-shaped line goes only when it has no verb.
/// - Before the first prose line, the last short line is the headline; verbless title-shaped lines before it go.
struct BoilerplateBlockRules: Sendable {
    /// The rule groups that run.
    let groups: Set<CleanRuleGroup>

    /// Applies the block rules.
    /// - Parameters:
    ///   - lines: the document's lines.
    ///   - verdicts: the line rules' verdicts (nil: kept), updated in place.
    ///   - hashes: the document's word hashes.
    ///   - classifier: the line classifier, for its heading tests.
    func apply(
        to lines: [ArticleLineFacts],
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        classifier: BoilerplateLineClassifier
    ) {
        guard let firstProse = lines.indices.first(where: { verdicts[$0] == nil && lines[$0].isProse }) else { return }
        if groups.contains(.teasers) {
            removeTeaserBlocks(lines, &verdicts, hashes: hashes, classifier: classifier, after: firstProse)
        }
        if groups.contains(.contact) {
            removeContactBlocks(lines, &verdicts, hashes: hashes, classifier: classifier, after: firstProse)
        }
        if groups.contains(.teasers) || groups.contains(.layout) {
            removeTrailingTitles(lines, &verdicts)
        }
        if groups.contains(.layout) {
            removeLeadingFurniture(lines, &verdicts, firstProse: firstProse)
        }
    }

    /// Teaser headings and the teasers after them.
    private func removeTeaserBlocks(
        _ lines: [ArticleLineFacts],
        _ verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        classifier: BoilerplateLineClassifier,
        after firstProse: Int
    ) {
        var index = firstProse + 1
        while index < lines.count {
            let verdict = verdicts[index]
            guard verdict == nil || verdict == .phrases || verdict == .teasers,
                classifier.isTeaserHeading(lines[index], hashes: hashes)
            else {
                index += 1
                continue
            }
            var next = index + 1
            var teasers: [Int] = []
            var reachedEnd = true
            while next < lines.count {
                if verdicts[next] != nil {
                    next += 1
                    continue
                }
                if lines[next].isTeaserLike {
                    teasers.append(next)
                    next += 1
                    continue
                }
                reachedEnd = false
                break
            }
            if !teasers.isEmpty || reachedEnd {
                verdicts[index] = verdict ?? .teasers
                for teaser in teasers { verdicts[teaser] = .teasers }
            }
            index = max(index + 1, next)
        }
    }

    /// Press-release contact headings and the contact lines after them.
    private func removeContactBlocks(
        _ lines: [ArticleLineFacts],
        _ verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        classifier: BoilerplateLineClassifier,
        after firstProse: Int
    ) {
        var index = firstProse + 1
        while index < lines.count {
            guard verdicts[index] == nil, classifier.isContactHeading(lines[index], hashes: hashes) else {
                index += 1
                continue
            }
            verdicts[index] = .contact
            var next = index + 1
            while next < lines.count {
                if verdicts[next] == nil {
                    guard !lines[next].isProse, lines[next].scalarCount <= 120 else { break }
                    verdicts[next] = .contact
                }
                next += 1
            }
            index = next
        }
    }

    /// A run of title-shaped lines after the last prose line.
    ///
    /// A run of three or more link-shaped lines (story headlines of up to 20 words) goes with the heading that
    /// introduces it ("PREVIOUS COVERAGE:"); a shorter run must be of title-shaped lines.
    private func removeTrailingTitles(_ lines: [ArticleLineFacts], _ verdicts: inout [CleanRuleGroup?]) {
        guard let headline = lines.indices.first(where: { verdicts[$0] == nil }) else { return }
        if groups.contains(.teasers) && removeTrailingLinks(lines, &verdicts, headline: headline) { return }
        var run: [Int] = []
        var index = lines.count - 1
        while index > headline {
            if verdicts[index] == nil {
                guard lines[index].isTitleLike || lines[index].isTeaserLike && lines[index].ending == .ellipsis else {
                    break
                }
                run.append(index)
            }
            index -= 1
        }
        guard index > headline else { return }
        if run.count >= 2 && groups.contains(.teasers) {
            for line in run { verdicts[line] = .teasers }
        } else if run.count == 1 && groups.contains(.layout) && lines[run[0]].verbWords == 0 {
            verdicts[run[0]] = .layout
        }
    }

    /// Three or more link-shaped lines after the last prose line, and a heading ending with `:` just above them.
    /// - Returns: true when it removed a run.
    private func removeTrailingLinks(
        _ lines: [ArticleLineFacts],
        _ verdicts: inout [CleanRuleGroup?],
        headline: Int
    ) -> Bool {
        var links: [Int] = []
        var index = lines.count - 1
        while index > headline {
            if verdicts[index] == nil {
                guard Self.isLinkShaped(lines[index]) else { break }
                links.append(index)
            }
            index -= 1
        }
        guard index > headline, links.count >= 3 else { return false }
        for line in links { verdicts[line] = .teasers }
        let heading = lines[index]
        if verdicts[index] == nil && !heading.isLong && !heading.isProse && heading.wordCount <= 12
            && heading.ending == .colon
        {
            verdicts[index] = .teasers
        }
        return true
    }

    /// True when a line is shaped like the text of a link to a story: one clause of up to 20 words, no full stop.
    private static func isLinkShaped(_ line: ArticleLineFacts) -> Bool {
        guard !line.isLong, line.sentenceBreaks == 0, line.wordCount >= 1, line.wordCount <= 20,
            line.scalarCount <= 140
        else { return false }
        switch line.ending {
        case .period, .exclamation, .colon: return false
        case .ellipsis, .question, .other: return true
        }
    }

    /// Verbless title-shaped lines before the headline.
    private func removeLeadingFurniture(
        _ lines: [ArticleLineFacts],
        _ verdicts: inout [CleanRuleGroup?],
        firstProse: Int
    ) {
        guard let headline = (0..<firstProse).last(where: { verdicts[$0] == nil }) else { return }
        for index in 0..<headline where verdicts[index] == nil {
            let line = lines[index]
            if line.isTitleLike && line.verbWords == 0 && line.wordCount <= 6 {
                verdicts[index] = .layout
            }
        }
    }
}
