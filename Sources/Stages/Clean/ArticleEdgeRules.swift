import Foundation
import Pipeline

/// Rules for the furniture at the edges of an article: bylines under the headline, source and pointer notes at the
/// end, press-release "About" blocks and release lines, and link text repeated next to itself.
///
/// ```
///  Headline
///  By Jane Doe, Staff Writer            ◀── byline (top, `by` + capitalised name, or a job title)
///  EMBARGOED FOR RELEASE: ...           ◀── release line
///  prose … prose
///  Link title / SECTION / Link title    ◀── repeated link text (a teaser and its image's alt text)
///  Source: Journal, 2016.               ◀── source note (after the first paragraph)
///  For more information, visit ...      ◀── pointer (last lines)
///  About Example University             ◀── "About" block: the heading, the organisation's paragraphs, to the end
/// ```
///
/// Every rule reads the shape and general furniture words in several languages, never one site's strings.
enum ArticleEdgeRules {
    /// Words that introduce an author's name.
    private static let byWords = BoilerplateWordHash.set("by von par por di door av")
    /// Job titles that make a short capitalised line under the headline a byline ("HealthDay Reporter").
    private static let bylineTitles = BoilerplateWordHash.set(
        "reporter correspondent writer editor columnist contributor staff redakteur journaliste periodista giornalista"
    )
    /// Lead words of source notes, folded, each followed by `:` (or alone on the line).
    private static let sourceLeads: [[UInt8]] = CleanRuleAudit.entries([
        "source", "sources", "via", "quelle", "quellen", "fuente", "fuentes", "fonte", "fontes", "bron", "bronnen",
        "h/t", "(h/t", "hat tip", "image source", "photo source",
    ]).map { Array($0.utf8) }
    /// Openings of pointers away from the article, folded.
    private static let pointerLeads: [[UInt8]] = CleanRuleAudit.entries([
        "for more", "find out more", "learn more",
        "to learn more", "more information", "for further information", "plus d'informations", "pour en savoir plus",
        "weitere informationen", "mehr informationen", "más información", "para más información",
        "maggiori informazioni", "mais informações",
    ]).map { Array($0.utf8) }
    /// "For more than a decade, ...": an opening of ``pointerLeads`` that starts an article sentence.
    private static let notPointerLeads: [[UInt8]] = [Array("for more than".utf8)]
    /// Openings of press-release lines, folded.
    private static let releaseLeads: [[UInt8]] = CleanRuleAudit.entries([
        "embargoed", "for immediate release", "immediate release", "press release", "news release",
        "sperrfrist", "embargo", "communiqué de presse", "pour diffusion immédiate",
    ]).map { Array($0.utf8) }
    /// "about" and its translations, opening an organisation's block.
    private static let aboutWords = BoilerplateWordHash.set("about über uber sobre acerca")

    /// Applies the rules to the lines the other rules kept.
    /// - Parameters:
    ///   - lines: the document's lines.
    ///   - headline: the headline's index.
    ///   - verdicts: the verdicts so far, updated in place.
    ///   - hashes: the document's word hashes.
    ///   - bytes: the document's bytes.
    static func apply(
        _ lines: [ArticleLineFacts],
        headline: Int,
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        let count = lines.count
        var headline = headline
        // A release line in the headline's place ("EMBARGOED FOR RELEASE: ..." above the title).
        while headline + 1 < count && lines[headline].scalarCount <= 160
            && hasLead(lines[headline], bytes: bytes, leads: releaseLeads, needsColon: false)
        {
            verdicts[headline] = .markers
            guard let next = ((headline + 1)..<count).first(where: { verdicts[$0] == nil }) else { return }
            headline = next
        }
        let firstProse = lines.indices.first(where: { $0 > headline && verdicts[$0] == nil && lines[$0].isProse })
        // Bylines and release lines under the headline. A byline the layout rules already removed (a short line
        // that is not a sentence) is claimed as a byline, so its name can become the document's author.
        for index in (headline + 1)..<min(count, headline + 6)
        where verdicts[index] == nil || verdicts[index] == .layout {
            let line = lines[index]
            if let firstProse, index > firstProse { break }
            if verdicts[index] == nil && hasLead(line, bytes: bytes, leads: releaseLeads, needsColon: false)
                && line.scalarCount <= 160
            {
                verdicts[index] = .markers
            } else if isByline(line, hashes: hashes) || isBylineContinuation(lines, index, verdicts: verdicts) {
                verdicts[index] = .byline
            }
        }
        guard let firstProse else { return }
        for index in (firstProse + 1)..<max(firstProse + 1, count) where verdicts[index] == nil {
            let line = lines[index]
            if line.scalarCount <= 600 && hasLead(line, bytes: bytes, leads: sourceLeads, needsColon: true) {
                verdicts[index] = .footer
            } else if line.scalarCount <= 200 && !line.hasDoubleQuote
                && (index + 3 >= count || hasAddress(line, bytes: bytes))
                && hasLead(line, bytes: bytes, leads: pointerLeads, needsColon: false)
                && !hasLead(line, bytes: bytes, leads: notPointerLeads, needsColon: false)
            {
                // A pointer away from the article: in the last lines, or anywhere with a web address.
                verdicts[index] = .teasers
            } else if index + 3 >= count && isReaderQuestion(line, hashes: hashes) {
                verdicts[index] = .callsToAction
            } else if line.scalarCount <= 160 && hasLead(line, bytes: bytes, leads: releaseLeads, needsColon: false) {
                verdicts[index] = .markers
            }
        }
        for index in (headline + 1)..<count where verdicts[index] == nil && isLabelledLink(lines[index], bytes: bytes) {
            verdicts[index] = .teasers
        }
        removeRepeatedLinks(lines, after: headline, verdicts: &verdicts, hashes: hashes)
        removeAboutBlock(lines, firstProse: firstProse, verdicts: &verdicts, hashes: hashes, bytes: bytes)
        removeReleaseTail(lines, firstProse: firstProse, verdicts: &verdicts, hashes: hashes, bytes: bytes)
        removeClosingFurniture(lines, firstProse: firstProse, verdicts: &verdicts, hashes: hashes, bytes: bytes)
    }

    /// What is left between the furniture at the end: once the other rules ran, a run of one or two short kept
    /// lines with removed lines on both sides (or a removed line before and the end after), when only furniture
    /// follows, is furniture too (a contact's name between its heading and its address, the text of a share
    /// card); a reader question ("What do you think?") followed only by furniture goes as a call to action.
    private static func removeClosingFurniture(
        _ lines: [ArticleLineFacts],
        firstProse: Int,
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        // An embedded post is article text whatever a rule said of it (the cleaner restores it after these rules).
        func isRemoved(_ index: Int) -> Bool {
            guard let verdict = verdicts[index] else { return false }
            return verdict == .custom || !isEmbeddedPost(lines[index], bytes: bytes)
        }
        var index = lines.count - 1
        var removedAfter = true
        while index > firstProse {
            if isRemoved(index) {
                index -= 1
                continue
            }
            guard removedAfter else { break }
            // The kept run ending here: at most two short lines, a removed line before it.
            var first = index
            while first > firstProse + 1 && first > index - 1 && !isRemoved(first - 1) { first -= 1 }
            let bounded = isRemoved(first - 1) && first > firstProse + 1
            let short = (first...index).allSatisfy {
                !lines[$0].isLong && lines[$0].scalarCount <= 200 && !isEditorsNote(lines[$0], bytes: bytes)
            }
            if bounded && short && (index + 1 == lines.count || isRemoved(index + 1)) {
                for line in first...index { verdicts[line] = .layout }
                index = first - 1
                continue
            }
            if isReaderQuestion(lines[index], hashes: hashes) && !lines[index].isLong {
                verdicts[index] = .callsToAction
                index -= 1
                continue
            }
            removedAfter = false
        }
    }

    /// Phrases an organisation uses to describe itself at the end of a press release; three different ones make
    /// a boilerplate "About" paragraph even without its heading.
    private static let selfDescriptionPhrases = [
        "world's largest", "world's leading", "is dedicated to", "is committed to", "is one of the", "is a leading",
        "is the largest", "is the leading", "nonprofit", "non-profit", "not-for-profit", "founded in",
        "established in", "its mission", "our mission", "premier", "headquartered in", "is a member of",
        "an agency within", "an agency of", "is responsible for", "members", "leading",
        "largest", "ranked", "a member of", "institution", "organization", "organisation", "university",
        "association", "agency",
    ]
    /// Disclaimers and warranty notices.
    private static let disclaimerPhrases = [
        "any warranties", "no warranties", "no warranty", "disclaimer", "do not necessarily reflect",
        "does not necessarily reflect", "views expressed", "for informational purposes only",
        "not intended as medical advice", "not a substitute for professional",
    ]
    /// Reported speech, which a boilerplate paragraph never has (long lines' words are not counted).
    private static let speechPhrases = [" said", " says", " told"]
    /// The three lists in one matcher, so a line of the tail is read once.
    private static let tailMatcher = BoilerplatePhraseMatcher(
        phrases: selfDescriptionPhrases + disclaimerPhrases + speechPhrases
    )

    /// True when the line has `“` or `”` (found through their lead byte, 0xE2).
    private static func hasCurlyDoubleQuote(_ line: ArticleLineFacts, base: UnsafePointer<UInt8>) -> Bool {
        var from = line.start
        while from + 2 < line.end, let found = memchr(base + from, 0xE2, line.end - from - 2) {
            let index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if base[index + 1] == 0x80 && (base[index + 2] == 0x9C || base[index + 2] == 0x9D) { return true }
            from = index + 1
        }
        return false
    }

    /// A word of each self-description and disclaimer phrase: a short line without one is not read further.
    private static let tailWords = BoilerplateWordHash.set(
        """
        largest leading dedicated committed founded established mission premier headquartered member members \
        agency responsible nonprofit profit ranked institution organization organisation \
        university association warranties warranty disclaimer necessarily expressed informational intended substitute
        """
    )

    /// True when a short line has one of ``tailWords``.
    private static func hasTailWord(_ line: ArticleLineFacts, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        hashes[line.wordStart..<(line.wordStart + line.wordCount)].contains { tailWords.contains($0) }
    }

    /// What ``tailMatcher`` found in a line.
    private struct TailEvidence {
        /// Different self-description phrases.
        var selfDescriptions = 0
        /// True when a disclaimer phrase is there.
        var isDisclaimer = false
        /// True when there is quoted or reported speech (or a straight double quote).
        var hasSpeech = false
    }

    /// Reads a line of the tail once for its self-description, disclaimer and speech phrases.
    private static func tailEvidence(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> TailEvidence {
        var evidence = TailEvidence()
        evidence.hasSpeech = line.hasDoubleQuote || line.reportingWords > 0
        if line.isLong, let base = bytes.baseAddress {
            // Quotation marks first: most long paragraphs quote someone, and memchr is cheaper than the phrases.
            evidence.hasSpeech =
                memchr(base + line.start, Int32(UInt8(ascii: "\"")), line.byteCount) != nil
                || hasCurlyDoubleQuote(line, base: base)
        }
        guard !evidence.hasSpeech else { return evidence }
        var seen: UInt64 = 0
        let disclaimers = selfDescriptionPhrases.count
        let speech = disclaimers + disclaimerPhrases.count
        tailMatcher.forEachMatch(bytes, start: line.start, end: line.end) { phrase in
            if phrase < disclaimers {
                seen |= 1 << UInt64(phrase)
            } else if phrase < speech {
                evidence.isDisclaimer = true
            } else {
                evidence.hasSpeech = true
            }
            return true
        }
        evidence.selfDescriptions = seen.nonzeroBitCount
        return evidence
    }

    /// Headings of what follows a press release (notes to editors, references), folded, alone on their line.
    private static let releaseNoteHeadings: [[UInt8]] = CleanRuleAudit.entries([
        "notes to editors", "note to editors", "notes for editors", "note for editors", "reference", "references",
        "bibliography", "literatur", "références", "referencias", "riferimenti",
    ]).map { Array($0.utf8) }

    /// The end of a press release: in the last third, a citation (a DOI or a numbered reference), a heading of
    /// notes to editors or references, or an organisation's description of itself in the last four lines (three
    /// different self-description phrases, no speech) opens the tail, and every kept line after it goes too (but
    /// an editor's note); a disclaimer in the last three lines goes alone.
    private static func removeReleaseTail(
        _ lines: [ArticleLineFacts],
        firstProse: Int,
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        let count = lines.count
        var index = max(firstProse + 1, count * 2 / 3)
        while index < count {
            defer { index += 1 }
            guard verdicts[index] == nil else { continue }
            let line = lines[index]
            var opensTail = isCitation(line, bytes: bytes) || isReleaseNoteHeading(line, bytes: bytes)
            if !opensTail && index + 4 >= count && line.byteCount <= 3_000
                && (line.isLong || hasTailWord(line, hashes: hashes))
            {
                let evidence = tailEvidence(line, bytes: bytes)
                guard !evidence.hasSpeech else { continue }
                opensTail = evidence.selfDescriptions >= 3 && line.byteCount >= 80
                if !opensTail && evidence.isDisclaimer && index + 3 >= count {
                    verdicts[index] = .footer
                    continue
                }
            }
            guard opensTail else { continue }
            verdicts[index] = .footer
            for after in (index + 1)..<count where verdicts[after] == nil && !isEditorsNote(lines[after], bytes: bytes)
            {
                verdicts[after] = .footer
            }
            return
        }
    }

    /// A DOI anywhere in the line (`doi:`), or a line opening with a bracketed reference number and a space.
    private static func isCitation(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.start
        if bytes[index] == UInt8(ascii: "[") {
            index += 1
            while index < line.end && UTF8Byte.isASCIIDigit(bytes[index]) { index += 1 }
            if index > line.start + 1 && index + 1 < line.end && bytes[index] == UInt8(ascii: "]")
                && bytes[index + 1] == 0x20
            {
                return true
            }
        }
        // A DOI has digits: a short line's count is known.
        guard line.byteCount <= 2_000, line.byteCount >= 8, line.isLong || line.digitCount >= 4,
            let base = bytes.baseAddress
        else { return false }
        // "doi:", any case: look at the bytes before each colon.
        var from = line.start + 3
        while from < line.end, let found = memchr(base + from, Int32(UInt8(ascii: ":")), line.end - from) {
            let colon = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if bytes[colon - 3] | 0x20 == UInt8(ascii: "d") && bytes[colon - 2] | 0x20 == UInt8(ascii: "o")
                && bytes[colon - 1] | 0x20 == UInt8(ascii: "i")
                && (colon - 3 == line.start || !UTF8Byte.isASCIILetter(bytes[colon - 4]))
            {
                return true
            }
            from = colon + 1
        }
        return false
    }

    /// "Notes to editors", "References": a heading alone on its line (a colon may follow).
    private static func isReleaseNoteHeading(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isLong, line.wordCount <= 4, line.ending == .other || line.ending == .colon else { return false }
        var end = line.end
        if bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
        while end > line.start && bytes[end - 1] == 0x20 { end -= 1 }
        let folded = BoilerplatePhraseMatcher.fold(Array(bytes[line.start..<end]))
        return releaseNoteHeadings.contains(folded)
    }

    /// "Editor's note: ...", which the article keeps wherever it stands.
    static func isEditorsNote(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = Array("editor's note".utf8)
        guard line.byteCount >= lead.count + 2 else { return false }
        let folded = BoilerplatePhraseMatcher.fold(Array(bytes[line.start..<min(line.end, line.start + 20)]))
        return folded.starts(with: lead)
    }

    /// "BREAKING: Barrels Removed From Clinton Property", "UPDATE: My Response to ...": a link to another story
    /// between paragraphs, by its shape: a label of one to three words in capitals (no digits, at most 24 bytes),
    /// a colon, and a headline in title case with no full stop, not a quotation. An editor's update in sentences
    /// ("UPDATE: The police said ...") and a speaker's line in an interview ("WHEELER: \"For sure...\"") are
    /// article text.
    private static func isLabelledLink(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isLong, line.wordCount >= 4, line.wordCount <= 22, line.sentenceBreaks == 0,
            line.ending != .period && line.ending != .exclamation && line.ending != .colon,
            line.capitalizedWords * 4 >= line.wordCount * 3
        else { return false }
        var index = line.start
        var letters = 0
        var spaces = 0
        while index < min(line.end, line.start + 25) {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { break }
            if UTF8Byte.isASCIIUppercase(byte) || byte >= 0x80 {
                letters += 1
            } else if byte == 0x20 {
                spaces += 1
            } else {
                return false
            }
            index += 1
        }
        guard letters >= 2, spaces <= 2, index < line.end, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        while index < line.end && bytes[index] == 0x20 { index += 1 }
        // The headline: at least three words, opening with a capital.
        return index < line.end && UTF8Byte.isASCIIUppercase(bytes[index])
            && line.wordCount - (spaces + 1) >= 3
    }

    /// Where the furniture glued to the end of one of the last kept lines begins, and its group: an "About"
    /// paragraph after the last sentence ("... patients.” About UT Southwestern Medical CenterUT Southwestern, one
    /// of ..."), a pointer sentence with a web address ("Learn more at www.cdc.gov/DrugOverdose."), a source note
    /// ("... the White House. Via: Daily Mail").
    /// - Parameters:
    ///   - line: a kept line near the end.
    ///   - bytes: the document's bytes.
    /// - Returns: the byte offset where the cut starts (the line's text ends there, spaces trimmed), or nil.
    static func tailCut(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> (Int, CleanRuleGroup)? {
        guard line.byteCount >= 24, let base = bytes.baseAddress else { return nil }
        // An "About" paragraph glued after a sentence: each "A" found by memchr is a candidate.
        var from = line.start + 2
        while from + 6 < line.end, let found = memchr(base + from, Int32(UInt8(ascii: "A")), line.end - from - 6) {
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            from = at + 1
            guard bytes[at - 1] == 0x20, bytes[at + 1] == UInt8(ascii: "b"), bytes[at + 2] == UInt8(ascii: "o"),
                bytes[at + 3] == UInt8(ascii: "u"), bytes[at + 4] == UInt8(ascii: "t"), bytes[at + 5] == 0x20,
                endsSentence(bytes, before: at - 1, lineStart: line.start)
            else { continue }
            var rest = line
            rest.start = at
            if startsWithGluedAbout(rest, bytes: bytes) || startsWithCamelGluedAbout(rest, bytes: bytes) {
                return (at - 1, .footer)
            }
        }
        // The last two sentences, in the last 300 bytes: a pointer with a web address, or a source note (the last).
        var index = line.end - 2
        let floor = max(line.start + 1, line.end - 300)
        var checked = 0
        while index > floor && checked < 2 {
            defer { index -= 1 }
            guard bytes[index] == 0x20, UTF8Byte.isASCIIUppercase(bytes[index + 1]),
                endsSentence(bytes, before: index, lineStart: line.start)
            else { continue }
            checked += 1
            var rest = line
            rest.start = index + 1
            if rest.byteCount <= 200 && hasLead(rest, bytes: bytes, leads: pointerLeads, needsColon: false)
                && !hasLead(rest, bytes: bytes, leads: notPointerLeads, needsColon: false)
                && hasAddress(rest, bytes: bytes)
            {
                return (index, .teasers)
            }
            if checked == 1 && rest.byteCount <= 80 && hasLead(rest, bytes: bytes, leads: sourceLeads, needsColon: true)
            {
                return (index, .footer)
            }
        }
        return nil
    }

    /// True when the space at `space` follows the end of a sentence: `.`, `?` or `!`, maybe closed by `”`, `"` or `)`.
    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, before space: Int, lineStart: Int) -> Bool {
        var mark = space - 1
        guard mark >= lineStart else { return false }
        if bytes[mark] == 0x9D && mark >= lineStart + 3 && bytes[mark - 1] == 0x80 && bytes[mark - 2] == 0xE2 {
            mark -= 3
        } else if (bytes[mark] == UInt8(ascii: "\"") || bytes[mark] == UInt8(ascii: ")")) && mark > lineStart {
            mark -= 1
        }
        let end = bytes[mark]
        return end == UInt8(ascii: ".") || end == UInt8(ascii: "?") || end == UInt8(ascii: "!")
    }

    /// "About UT Southwestern Medical CenterUT Southwestern, one of ...": "About", a capitalised name, and in the
    /// first 80 bytes a lowercase letter glued to a capital (the heading's last word and the paragraph's first).
    private static func startsWithCamelGluedAbout(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let about = Array("About ".utf8)
        guard line.byteCount > 40, Array(bytes[line.start..<(line.start + about.count)]) == about,
            UTF8Byte.isASCIIUppercase(bytes[line.start + about.count])
        else { return false }
        let limit = min(line.end - 1, line.start + 80)
        for index in (line.start + about.count + 1)..<limit
        where UTF8Byte.isASCIILowercase(bytes[index]) && UTF8Byte.isASCIIUppercase(bytes[index + 1])
            && UTF8Byte.isASCIILetter(bytes[index - 1])
        {
            return true
        }
        return false
    }

    /// Words of a question put to the reader ("What do you think?", "Share your thoughts").
    private static let opinionWords = BoilerplateWordHash.set(
        "think thoughts opinion believe agree support comment comments pensez pensez-vous meinung opinión opinas"
    )

    /// A closing question to the reader: ends with `?` (or has one), addresses "you", asks for an opinion.
    private static func isReaderQuestion(_ line: ArticleLineFacts, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isLong, line.wordCount >= 3, line.wordCount <= 40, !line.hasDoubleQuote, line.reportingWords == 0,
            line.ending == .question || line.ending == .exclamation
        else { return false }
        let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
        return words.contains(where: { BoilerplateVocabulary.personWords.contains($0) })
            && words.contains(where: { opinionWords.contains($0) })
    }

    /// True when the line holds a web address (`www.`, `://`, or a `.com`/`.org`/`.gov`/`.edu` domain).
    private static func hasAddress(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.byteCount >= 5 else { return false }
        for index in line.start..<(line.end - 4) {
            let a = bytes[index]
            if a == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
            {
                return true
            }
            if a | 0x20 == UInt8(ascii: "w") && bytes[index + 1] | 0x20 == UInt8(ascii: "w")
                && bytes[index + 2] | 0x20 == UInt8(ascii: "w") && bytes[index + 3] == UInt8(ascii: ".")
            {
                return true
            }
            if a == UInt8(ascii: ".") && index + 4 <= line.end {
                let tld = (bytes[index + 1] | 0x20, bytes[index + 2] | 0x20, bytes[index + 3] | 0x20)
                let known =
                    tld == (0x63, 0x6F, 0x6D) || tld == (0x6F, 0x72, 0x67) || tld == (0x67, 0x6F, 0x76)
                    || tld == (0x65, 0x64, 0x75)
                let boundary = index + 4 == line.end || !UTF8Byte.isASCIILetter(bytes[index + 4])
                if known && boundary && index > line.start && UTF8Byte.isASCIILetter(bytes[index - 1]) { return true }
            }
        }
        return false
    }

    /// An embedded post the article quotes ("... pic.twitter.com/x — Name (@handle) May 5, 2017"): article text.
    /// - Parameters:
    ///   - line: the line.
    ///   - bytes: the document's bytes.
    static func isEmbeddedPost(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.byteCount >= 8, line.hasAtSign || line.isLong else { return false }
        let pic = Array("pic.twitter.com".utf8)
        var index = line.start
        while index + 2 < line.end {
            if bytes[index] == UInt8(ascii: "(") && bytes[index + 1] == UInt8(ascii: "@") && line.digitCount >= 4 {
                return true
            }
            if index + pic.count <= line.end && bytes[index] == UInt8(ascii: "p")
                && Array(bytes[index..<(index + pic.count)]) == pic
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// "By Jane Doe", "December 8, 2016 | by Jane Doe", "Jane Doe, HealthDay Reporter".
    private static func isByline(_ line: ArticleLineFacts, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isLong, line.wordCount >= 2, line.wordCount <= 14, line.sentenceBreaks == 0, !line.isSpeech,
            line.ending != .period || line.wordCount <= 6
        else { return false }
        let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
        if let by = words.firstIndex(where: { byWords.contains($0) }), by + 1 < words.count {
            // Before "by": nothing, or a date (by its shape: a number and at most two words, "December 8, 2016",
            // "8. Dezember 2016"); after it: a name in capitals.
            let before = words[..<by]
            let numbers = before.reduce(0) { $0 + (BoilerplateWordHash.isNumeric($1) ? 1 : 0) }
            let dateLike =
                before.allSatisfy { BoilerplateWordHash.isNumeric($0) || BoilerplateVocabulary.dateWords.contains($0) }
                || (numbers >= 1 && before.count - numbers <= 2)
            return dateLike && line.capitalizedWords * 2 >= line.wordCount - by && line.verbWords <= 1
        }
        return line.wordCount <= 4 && line.capitalizedWords == line.wordCount && line.verbWords == 0
            && bylineTitles.contains(words[words.count - 1])
    }

    /// "By Steven Reinberg" then "HealthDay Reporter": a line of one to four capitalised words with no verb and no
    /// final punctuation straight under a byline is the byline's second line (a title, an outlet, a place).
    private static func isBylineContinuation(
        _ lines: [ArticleLineFacts],
        _ index: Int,
        verdicts: [CleanRuleGroup?]
    ) -> Bool {
        guard index > 0, verdicts[index - 1] == .byline else { return false }
        let line = lines[index]
        return !line.isLong && line.wordCount >= 1 && line.wordCount <= 4 && line.sentenceBreaks == 0
            && line.capitalizedWords == line.wordCount && line.verbWords == 0 && line.ending == .other
            && !line.isSpeech
    }

    /// Link text repeated next to itself (a teaser's title and its image's alt text): `A, A` or `A, LABEL, A` where
    /// `A` is a title-shaped line of four words or more and `LABEL` a short line in capitals (the section name).
    private static func removeRepeatedLinks(
        _ lines: [ArticleLineFacts],
        after headline: Int,
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>
    ) {
        let count = lines.count
        for index in (headline + 1)..<max(headline + 1, count) {
            let line = lines[index]
            guard line.isTitleLike, line.wordCount >= 4, !line.hasAtSign, line.ending != .colon else { continue }
            let words = hashes[line.wordStart..<(line.wordStart + line.wordCount)]
            for other in (index + 1)..<min(count, index + 3) {
                let candidate = lines[other]
                guard !candidate.isLong, candidate.wordCount == line.wordCount,
                    hashes[candidate.wordStart..<(candidate.wordStart + candidate.wordCount)].elementsEqual(words)
                else { continue }
                if other == index + 2 {
                    let label = lines[index + 1]
                    guard !label.isLong, label.wordCount >= 1, label.wordCount <= 4, !label.hasLowercase,
                        label.ending == .other
                    else { break }
                    verdicts[index + 1] = verdicts[index + 1] ?? .teasers
                }
                verdicts[index] = verdicts[index] ?? .teasers
                verdicts[other] = verdicts[other] ?? .teasers
                break
            }
        }
    }

    /// A press release's "About <organisation>" heading in the second half, whose next line speaks of the
    /// organisation, and everything after it.
    private static func removeAboutBlock(
        _ lines: [ArticleLineFacts],
        firstProse: Int,
        verdicts: inout [CleanRuleGroup?],
        hashes: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        let count = lines.count
        var index = max(firstProse + 1, count / 2)
        while index + 1 < count {
            defer { index += 1 }
            let line = lines[index]
            if verdicts[index] == nil && startsWithGluedAbout(line, bytes: bytes) {
                for removed in index..<count
                where verdicts[removed] == nil && !isEditorsNote(lines[removed], bytes: bytes) {
                    verdicts[removed] = .footer
                }
                return
            }
            guard verdicts[index] == nil, !line.isLong, line.wordCount >= 2, line.wordCount <= 12,
                line.ending == .other || line.ending == .colon, line.sentenceBreaks == 0,
                aboutWords.contains(hashes[line.wordStart]), line.capitalizedWords >= 2
            else { continue }
            // The next kept line must name something of the heading: one of its capitalised words.
            guard let next = ((index + 1)..<count).first(where: { verdicts[$0] == nil }) else { return }
            let heading = Set(hashes[(line.wordStart + 1)..<(line.wordStart + line.wordCount)])
            let nextWords = leadHashes(lines[next], bytes: bytes, limit: 8)
            guard nextWords.contains(where: { heading.contains($0) && !glueWords.contains($0) }) else { continue }
            for removed in index..<count where verdicts[removed] == nil && !isEditorsNote(lines[removed], bytes: bytes)
            {
                verdicts[removed] = .footer
            }
            return
        }
    }

    /// "About Example UniversityExample University is ...": an "About" heading glued to its paragraph by the scraper
    /// (a lowercase or capital letter directly followed by a capital and a lowercase letter, in the first 80 bytes).
    private static func startsWithGluedAbout(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let about = Array("About ".utf8)
        guard line.byteCount > 40, Array(bytes[line.start..<(line.start + about.count)]) == about else { return false }
        let limit = min(line.end - 2, line.start + 80)
        var index = line.start + about.count + 1
        while index < limit {
            let a = bytes[index]
            let b = bytes[index + 1]
            let c = bytes[index + 2]
            let aLetter = UTF8Byte.isASCIILowercase(a) || UTF8Byte.isASCIIUppercase(a)
            if aLetter && UTF8Byte.isASCIIUppercase(b) && UTF8Byte.isASCIILowercase(c) && bytes[index - 1] != 0x20
                && (a >= 0x61 || UTF8Byte.isASCIIUppercase(bytes[index - 1]))
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Words too common to tie a heading to the next line.
    private static let glueWords = BoilerplateWordHash.set("the of and for a an in on at to de la le der die das")

    /// True when the line opens (case-insensitively) with one of `leads`, followed by `:` (when `needsColon`;
    /// a lead alone on the line also counts), or by a space, `:`, `,` or the end.
    private static func hasLead(
        _ line: ArticleLineFacts,
        bytes: UnsafeBufferPointer<UInt8>,
        leads: [[UInt8]],
        needsColon: Bool
    ) -> Bool {
        leads: for lead in leads where lead.count <= line.byteCount {
            for (offset, expected) in lead.enumerated() {
                let byte = bytes[line.start + offset]
                let lower = UTF8Byte.lowercasedASCII(byte)
                if lower != expected { continue leads }
            }
            var index = line.start + lead.count
            if index == line.end { return true }
            if needsColon {
                while index < line.end && bytes[index] == 0x20 { index += 1 }
                if index < line.end && bytes[index] == UInt8(ascii: ":") { return true }
                continue
            }
            let byte = bytes[index]
            if byte == 0x20 || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",") { return true }
        }
        return false
    }

    /// Hashes of the first `limit` words of a line (long lines too).
    private static func leadHashes(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt64]
    {
        BoilerplateWordHash.leadingWords(bytes, from: line.start, to: line.end, limit: limit)
    }
}
