import Foundation
import Pipeline

/// Decides, line by line, whether a line is boilerplate and which rule group says so.
///
/// Every rule looks at the general shape of a line, not at one site's wording: a short line made only of interface
/// words, a line opening with an imperative about newsletters or social networks, a line of social network names,
/// a line of separators. Lines that read as quoted or reported speech (`"`, `said`, `told`) are never calls to
/// action, contact lines or footers, so article sentences that mention newsletters, advertising or an e-mail address
/// survive. Long lines (see ``ArticleLineFacts/shortLineByteLimit``) are only ever matched by the `custom` group.
struct BoilerplateLineClassifier: Sendable {
    /// The rule groups that run.
    let groups: Set<CleanRuleGroup>
    /// One flag per group, indexed like ``CleanRuleGroup/allCases``: set look-ups are too slow per line.
    private let runs: [Bool]
    /// The `phrases` group's matcher.
    let phraseMatcher: BoilerplatePhraseMatcher
    /// The longest line a phrase may remove, in scalars.
    let phraseLineLimit: Int
    /// `drop_lines`, folded like ``BoilerplatePhraseMatcher`` folds.
    let dropLines: Set<[UInt8]>
    /// `drop_patterns`, compiled once.
    let dropPatterns: [CompiledLinePattern]

    /// Prefixes of teaser links (`Read more: <title>`), folded; a separator must follow them.
    private static let teaserPrefixes: [[UInt8]] = CleanRuleAudit.entries([
        "read more", "read also", "also read", "see also", "also see", "related", "recommended", "more", "watch",
        "listen", "must read", "don't miss", "dont miss", "trending", "popular", "read next", "next", "latest",
        "top story", "top stories", "editor's pick", "editors' picks", "more on this", "more from", "further reading",
        "read", "see more", "more stories", "also on", "previously", "in case you missed it", "ICYMI", "related story",
        "related article", "related content", "related coverage", "suggested", "sponsored", "promoted",
        "you might like",
        "you may like", "video", "watch", "gallery", "photos", "audio", "podcast", "live",
    ]).map { BoilerplatePhraseMatcher.fold(Array($0.utf8)) }

    /// Hashes of single words used by the rules.
    private enum Word {
        static let all = BoilerplateWordHash.hash("all")
        static let rights = BoilerplateWordHash.hash("rights")
        static let reserved = BoilerplateWordHash.hash("reserved")
        static let copyright = BoilerplateWordHash.hash("copyright")
        static let may = BoilerplateWordHash.hash("may")
        static let not = BoilerplateWordHash.hash("not")
        static let be = BoilerplateWordHash.hash("be")
        static let cookies = BoilerplateWordHash.set("cookie cookies")
        static let siteOwner = BoilerplateWordHash.set("we our us site website this")
        static let reuseVerbs = BoilerplateWordHash.set(
            "published reproduced redistributed copied rewritten broadcast republished distributed"
        )
        static let reuseObjects = BoilerplateWordHash.set("material content article this story")
        static let privacy = BoilerplateWordHash.set("privacy terms")
        static let policy = BoilerplateWordHash.set("policy notice use service conditions")
        static let home = BoilerplateWordHash.hash("home")
        static let click = BoilerplateWordHash.set("click tap")
        static let here = BoilerplateWordHash.hash("here")
        static let up = BoilerplateWordHash.hash("up")
        static let sign = BoilerplateWordHash.hash("sign")
        static let subscribe = BoilerplateWordHash.set("subscribe signup register")
        static let subscribing = BoilerplateWordHash.set("subscribe subscribing subscription newsletter signup")
        static let creditLead = BoilerplateWordHash.set("reporting editing writing compiled additional")
        static let by = BoilerplateWordHash.hash("by")
        static let metadataLead = BoilerplateWordHash.set("tags tagged topics categories category filed posted")
        static let metadataSecond = BoilerplateWordHash.set("in under")
        static let shareLead = BoilerplateWordHash.set("share tweet")
        static let shareSecond = BoilerplateWordHash.set(
            "this on via the with to article story page link your it now"
        )
        static let shareIt = BoilerplateWordHash.set("it this on via with")
        static let `if` = BoilerplateWordHash.hash("if")
        static let shortCallsToAction = BoilerplateWordHash.set(
            "subscribe sign signup register login log donate join unsubscribe"
        )
        static let readingTime = BoilerplateWordHash.set("min mins minute minutes")
        static let read = BoilerplateWordHash.set("read reading listen listening")
        static let endMarker = BoilerplateWordHash.set("ends end")
        static let contactLeadNeedingAddress = BoilerplateWordHash.hash("for")
        static let contact = BoilerplateWordHash.set("contact contacts visit")
        /// Every word without which ``isCallToAction(_:words:)`` can only match a short imperative
        /// (``shortCallsToAction``): its objects, cookies, "here" and the subscribing words.
        static let callToActionEvidence = HashedWordSet(union: [
            BoilerplateVocabulary.callToActionObjects, cookies, BoilerplateWordHash.set("here"), subscribing,
        ])
    }

    /// Creates a classifier.
    /// - Throws: an error from `Regex` when a drop pattern does not compile.
    init(configuration: CleanConfiguration) throws {
        groups = configuration.ruleGroups
        runs = CleanRuleGroup.allCases.map { configuration.ruleGroups.contains($0) }
        phraseMatcher = BoilerplatePhraseMatcher(phrases: configuration.boilerplatePhrases)
        phraseLineLimit = configuration.phraseLineLimit
        dropLines = Set(
            configuration.dropLines.map {
                BoilerplatePhraseMatcher.fold(Array($0.trimmingSpaces.utf8))
            }
        )
        dropPatterns = try configuration.dropPatterns.map { try CompiledLinePattern($0) }
    }

    /// The group that removes a line, or nil when the line may be article text.
    /// - Parameters:
    ///   - line: the line's facts.
    ///   - bytes: the document's repaired bytes.
    ///   - hashes: the document's word hashes.
    func classify(
        _ line: ArticleLineFacts,
        bytes: UnsafeBufferPointer<UInt8>,
        hashes: UnsafeBufferPointer<UInt64>
    ) -> CleanRuleGroup? {
        if runs[CleanRuleGroup.Index.custom] && isCustomDrop(line, bytes: bytes) { return .custom }
        if line.isLong { return nil }
        let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
        if runs[CleanRuleGroup.Index.markers] && isMarker(line, words: words, bytes: bytes) { return .markers }
        if runs[CleanRuleGroup.Index.contact] && isContact(line, words: words, bytes: bytes) { return .contact }
        if runs[CleanRuleGroup.Index.footer] && isFooter(line, words: words) { return .footer }
        if runs[CleanRuleGroup.Index.share] && isShare(line, words: words) { return .share }
        if runs[CleanRuleGroup.Index.navigation] && isNavigation(line, words: words, bytes: bytes) {
            return .navigation
        }
        if runs[CleanRuleGroup.Index.captions] && isCaption(line, words: words, bytes: bytes) { return .captions }
        if runs[CleanRuleGroup.Index.callsToAction] && isCallToAction(line, words: words) { return .callsToAction }
        if runs[CleanRuleGroup.Index.teasers] && isTeaserLink(line, words: words, bytes: bytes) { return .teasers }
        if runs[CleanRuleGroup.Index.phrases] && line.scalarCount <= phraseLineLimit && !line.isSpeech
            && phraseMatcher.matches(bytes, start: line.start, end: line.end)
        {
            return .phrases
        }
        return nil
    }

    // MARK: - custom

    /// `drop_lines` and `drop_patterns`.
    private func isCustomDrop(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !dropLines.isEmpty && line.byteCount <= 1_000 {
            let folded = BoilerplatePhraseMatcher.fold(
                Array(UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]))
            )
            if dropLines.contains(folded) { return true }
        }
        if !dropPatterns.isEmpty {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
            for pattern in dropPatterns where pattern.matches(text) { return true }
        }
        return false
    }

    // MARK: - markers

    /// Bracketed markers, lines of interface words, reading times, end-of-release marks, lines without words.
    private func isMarker(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        if line.wordCount == 0 { return true }
        if isBracketMarker(line, bytes: bytes) { return true }
        guard !line.isSpeech, line.sentenceBreaks <= 1 else { return false }
        if line.wordCount <= 10 && words.allSatisfy({ BoilerplateVocabulary.interfaceWords.contains($0) })
            && words.contains(where: { BoilerplateVocabulary.strongInterfaceWords.contains($0) })
        {
            return true
        }
        if line.wordCount <= 6 && words.contains(where: { Word.readingTime.contains($0) })
            && words.contains(where: { Word.read.contains($0) })
            && words.contains(where: { BoilerplateWordHash.isNumeric($0) })
        {
            return true
        }
        if let first = words.first, Word.metadataLead.contains(first), line.scalarCount <= 160, line.ending != .period,
            colonFollowsFirstWord(line, bytes: bytes)
                || (line.wordCount >= 3 && line.wordCount <= 8 && Word.metadataSecond.contains(words[1]))
        {
            return true
        }
        if line.wordCount >= 3 && line.wordCount <= 20 && Word.creditLead.contains(words[0])
            && (words[1] == Word.by || (line.wordCount >= 4 && words[2] == Word.by))
        {
            return true
        }
        if let first = words.first, BoilerplateVocabulary.dateLeadWords.contains(first), line.wordCount <= 10,
            words.allSatisfy({ BoilerplateVocabulary.dateWords.contains($0) || BoilerplateWordHash.isNumeric($0) }),
            words.contains(where: { BoilerplateWordHash.isNumeric($0) })
        {
            return true
        }
        if line.wordCount <= 2 && line.scalarCount <= 12 && words.allSatisfy({ Word.endMarker.contains($0) })
            && line.capitalizedWords == line.wordCount && line.ending != .period
        {
            return true
        }
        return false
    }

    /// `[ad_1]`, `[advertisement]`: a whole line of one short ASCII bracketed token.
    private func isBracketMarker(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.byteCount >= 3, line.byteCount <= 42 else { return false }
        let open = bytes[line.start]
        let close = bytes[line.end - 1]
        guard
            (open == UInt8(ascii: "[") && close == UInt8(ascii: "]"))
                || (open == UInt8(ascii: "{") && close == UInt8(ascii: "}"))
        else { return false }
        for index in (line.start + 1)..<(line.end - 1) {
            let byte = bytes[index]
            if byte >= 0x80 || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") { return false }
        }
        return true
    }

    // MARK: - contact

    /// Placeholder e-mails, "Contact the reporter at ...", lone addresses and phone lines.
    private func isContact(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let first = words.first else { return false }
        if line.scalarCount <= 250 && PlaceholderEmail.find(in: bytes, from: line.start, to: line.end) != nil {
            // "Contact the reporter at [email protected]" goes; "Kijae Han [email protected], Reporter Kwon" keeps
            // its names, and the placeholder alone is cut out when the line is written.
            return BoilerplateVocabulary.contactLeadWords.contains(first)
                || BoilerplateVocabulary.callToActionVerbs.contains(first) || line.wordCount <= 3
                || words.contains(where: { BoilerplateVocabulary.personWords.contains($0) })
        }
        guard !line.isSpeech, line.scalarCount <= 200 else { return false }
        if line.hasAtSign && line.wordCount <= 6 && line.verbWords == 0 && line.ending != .period { return true }
        if line.hasAtSign && line.scalarCount <= 160 && line.sentenceBreaks <= 1
            && words.contains(where: { BoilerplateVocabulary.personWords.contains($0) })
        {
            return true
        }
        guard BoilerplateVocabulary.contactLeadWords.contains(first) else { return false }
        let hasAddress = line.hasAtSign || line.digitCount >= 7
        if first == Word.contactLeadNeedingAddress {
            return hasAddress && words.contains(where: { Word.contact.contains($0) })
        }
        return hasAddress
            || words.dropFirst().contains(where: { BoilerplateVocabulary.contactEvidenceWords.contains($0) })
    }

    // MARK: - footer

    /// Copyright lines, "All rights reserved", redistribution notices, privacy and terms links.
    private func isFooter(_ line: ArticleLineFacts, words: UnsafeBufferPointer<UInt64>) -> Bool {
        guard line.scalarCount <= 300, !line.isSpeech else { return false }
        if line.startsWithCopyright { return true }
        if words.first == Word.copyright
            && (line.digitCount >= 4 || words.contains(Word.reserved) || line.wordCount <= 4)
        {
            return true
        }
        if containsSequence(words, Word.all, Word.rights, Word.reserved) { return true }
        if line.scalarCount <= 120 && line.digitCount >= 4 && words.contains(Word.copyright) { return true }
        if line.scalarCount <= 200 && words.contains(where: { BoilerplateVocabulary.reproductionWords.contains($0) })
            && words.contains(where: { BoilerplateVocabulary.prohibitionWords.contains($0) })
        {
            return true
        }
        if line.wordCount >= 4 {
            for index in 0..<(line.wordCount - 3)
            where words[index] == Word.may && words[index + 1] == Word.not && words[index + 2] == Word.be
                && Word.reuseVerbs.contains(words[index + 3])
            {
                if words.contains(where: { Word.reuseObjects.contains($0) }) { return true }
            }
        }
        if !line.isProse && line.wordCount <= 14 && words.contains(where: { Word.privacy.contains($0) })
            && words.contains(where: { Word.policy.contains($0) }) && line.verbWords == 0
        {
            return true
        }
        return false
    }

    // MARK: - share

    /// Share bars and share or comment counters.
    private func isShare(_ line: ArticleLineFacts, words: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isSpeech, line.sentenceBreaks <= 1, let first = words.first else { return false }
        let social = words.reduce(0) { $0 + (BoilerplateVocabulary.socialWords.contains($1) ? 1 : 0) }
        if social >= 2 && line.wordCount <= 16
            && words.allSatisfy({
                BoilerplateVocabulary.socialWords.contains($0) || BoilerplateVocabulary.shareBarWords.contains($0)
                    || BoilerplateVocabulary.interfaceWords.contains($0)
            })
        {
            return true
        }
        if Word.shareLead.contains(first) && line.wordCount <= 8 && line.ending != .period
            && line.ending != .exclamation
            && (line.wordCount == 1 || Word.shareSecond.contains(words[1]))
        {
            return true
        }
        // "SHARE IF YOU AGREE!": a plea to share, whatever its ending.
        if Word.shareLead.contains(first) && line.wordCount >= 3 && line.wordCount <= 12 && words[1] == Word.if {
            return true
        }
        if line.wordCount <= 10 && line.scalarCount <= 80 {
            for index in 0..<(line.wordCount - 1) where Word.shareLead.contains(words[index]) {
                if Word.shareIt.contains(words[index + 1]) { return true }
            }
        }
        if isSharePlea(line, words: words) { return true }
        // "69.9k SHARES Share Tweet": counters and the share buttons beside them.
        if line.wordCount <= 6
            && words.allSatisfy({
                BoilerplateWordHash.isNumeric($0) || BoilerplateVocabulary.counterWords.contains($0)
                    || Word.shareLead.contains($0)
            })
            && words.contains(where: { BoilerplateWordHash.isNumeric($0) })
            && words.contains(where: { BoilerplateVocabulary.counterWords.contains($0) })
        {
            return true
        }
        return false
    }

    /// "Please share this story on Facebook!", "Make sure to share this on Facebook if you think ...", "Share this
    /// post and leave your comment below": a plea to share, by its shape. The share verb stands in the first four
    /// words with the article ("this", "it") or a platform after it, and either opens the line (an imperative) or
    /// the line names a platform; one sentence of at most 30 words. "Many share this view" (the verb second, no
    /// platform) is article text.
    private func isSharePlea(_ line: ArticleLineFacts, words: UnsafeBufferPointer<UInt64>) -> Bool {
        guard line.wordCount >= 3, line.wordCount <= 30, line.sentenceBreaks == 0 else { return false }
        for index in 0..<min(4, line.wordCount - 1) where Word.shareLead.contains(words[index]) {
            let next = words[index + 1]
            guard Word.shareIt.contains(next) || BoilerplateVocabulary.socialWords.contains(next) else { continue }
            if index == 0 || words.contains(where: { BoilerplateVocabulary.socialWords.contains($0) }) { return true }
        }
        return false
    }

    // MARK: - navigation

    /// Breadcrumbs and menus: short segments between separators.
    private func isNavigation(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard !line.isSpeech, line.ending != .period, line.sentenceBreaks == 0 else { return false }
        if line.separatorCount >= 2 && line.wordCount <= 16 && line.wordCount <= 3 * (line.separatorCount + 1) {
            return true
        }
        if line.separatorCount >= 1 && words.first == Word.home && line.wordCount <= 10 { return true }
        return false
    }

    // MARK: - captions

    /// Image captions and credits.
    private func isCaption(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard !line.isSpeech, line.scalarCount <= 250, let first = words.first else { return false }
        if isDoubled(line, words: words) || isSlashCredit(line, bytes: bytes) { return true }
        if BoilerplateVocabulary.captionLeadWords.contains(first) {
            if line.wordCount >= 2 && BoilerplateVocabulary.captionSecondWords.contains(words[1]) { return true }
            if colonFollowsFirstWord(line, bytes: bytes) { return true }
        }
        if line.wordCount <= 14 && line.ending != .period
            && words.contains(where: { BoilerplateVocabulary.photoAgencyWords.contains($0) })
            && words.contains(where: { BoilerplateVocabulary.photoWords.contains($0) })
        {
            return true
        }
        return isCredit(line, first: first, bytes: bytes)
    }

    /// "Seth Rich Seth Rich": the same words twice, an image's alt text beside its caption.
    private func isDoubled(_ line: ArticleLineFacts, words: UnsafeBufferPointer<UInt64>) -> Bool {
        guard line.wordCount >= 4, line.wordCount <= 12, line.wordCount % 2 == 0 else { return false }
        let half = line.wordCount / 2
        for index in 0..<half where words[index] != words[index + half] { return false }
        return true
    }

    /// "Ohio State University Wexner Medical Center/ Batelle Ian Burkhart plays ...": a credit of one to seven
    /// capitalised words, a slash and a space in the first 60 bytes, then the caption (one sentence at most).
    private func isSlashCredit(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(line.end - 1, line.start + 60)
        guard line.scalarCount <= 200, line.sentenceBreaks <= 1, let base = bytes.baseAddress, limit > line.start + 1,
            memchr(base + line.start + 1, Int32(UInt8(ascii: "/")), limit - line.start - 1) != nil
        else { return false }
        var index = line.start + 1
        var words = 1
        var capitalised = true
        var wordStart = line.start
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") {
                guard bytes[index + 1] == 0x20, bytes[index - 1] != UInt8(ascii: ":") else { return false }
                return capitalised && Self.isCapitalisedCreditWord(bytes, wordStart, index) && words <= 7
            }
            if byte == 0x20 {
                if bytes[index + 1] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                capitalised = capitalised && Self.isCapitalisedCreditWord(bytes, wordStart, index)
                words += 1
                wordStart = index + 1
            }
            index += 1
        }
        return false
    }

    /// True when `bytes[start..<end]` starts with an ASCII capital or is one of the glue words of a name.
    private static func isCapitalisedCreditWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return true }
        if UTF8Byte.isASCIIUppercase(bytes[start]) || bytes[start] >= 0xC3 { return true }
        let word = Array(bytes[start..<end])
        return word == Array("of".utf8) || word == Array("and".utf8) || word == Array("the".utf8)
            || word == Array("de".utf8)
    }

    /// Credit phrases of image captions, folded: a photographer, a source, a licence, a stock library. Matched
    /// inside words too, because scrapers glue a caption to its credit ("mapImage Source: ...").
    private static let creditMatcher = BoilerplatePhraseMatcher(phrases: [
        "photo by", "photos by", "photo courtesy", "photos courtesy", "courtesy of", "image source", "image credit",
        "image via", "image courtesy", "photo credit", "photo illustration", "illustration by", "photograph by",
        "photographs by", "screenshot", "via flickr", "cc by", "cc-by", "public domain", "creative commons",
        "wikimedia commons", "getty images", "stockphoto", "shutterstock", "istock", "file photo", "ap photo",
        "foto:", "bild:", "crédit photo", "photo :", "fotografía:",
    ])

    /// True for the first letters of ``BoilerplateVocabulary/captionLeadWords``, in capitals.
    private static func isCaptionInitial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "I") || byte == UInt8(ascii: "P") || byte == UInt8(ascii: "C") || byte == UInt8(ascii: "G")
    }

    /// An image credit: a short line holding a credit phrase ("Photo courtesy of Pixabay, public domain"), or a
    /// caption whose last sentence is its credit ("The virus. Photo by the Laboratory of Tumor Virus Biology").
    private func isCredit(_ line: ArticleLineFacts, first: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.ending != .colon else { return false }
        if line.wordCount <= 16
            && (line.ending != .period || BoilerplateVocabulary.captionLeadWords.contains(first)
                || bytes[line.start] == UInt8(ascii: "("))
        {
            return Self.creditMatcher.matches(bytes, start: line.start, end: line.end)
        }
        guard line.sentenceBreaks >= 1 else { return false }
        // The last sentence must open with a caption word and hold a credit phrase.
        var index = line.end - 2
        while index > line.start + 1 {
            if bytes[index] == 0x20 && UTF8Byte.isASCIIUppercase(bytes[index + 1]) {
                let mark = bytes[index - 1]
                if mark == UInt8(ascii: ".") || mark == UInt8(ascii: "?") || mark == UInt8(ascii: "!") { break }
            }
            index -= 1
        }
        // Caption words open with one of these capitals: a cheap test before hashing the word.
        guard index > line.start + 1, Self.isCaptionInitial(bytes[index + 1]) else { return false }
        let lead = BoilerplateWordHash.leadingWords(bytes, from: index + 1, to: line.end, limit: 1)
        guard let word = lead.first, BoilerplateVocabulary.captionLeadWords.contains(word) else { return false }
        return Self.creditMatcher.matches(bytes, start: index + 1, end: line.end)
    }

    /// True when the first word of the line (after an opening parenthesis) is followed by `:`.
    private func colonFollowsFirstWord(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.start
        if bytes[index] == UInt8(ascii: "(") { index += 1 }
        while index < line.end && UTF8Byte.isASCIILetter(bytes[index]) { index += 1 }
        return index < line.end && bytes[index] == UInt8(ascii: ":")
    }

    // MARK: - calls to action

    /// Subscribe, sign up, follow us, click here, download the app, cookie prompts.
    private func isCallToAction(_ line: ArticleLineFacts, words: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isSpeech, line.scalarCount <= 300, line.sentenceBreaks <= 2, let first = words.first else {
            return false
        }
        // Every other test needs an object, a cookie, "click here" or a subscribing word: one look-up per word
        // decides most lines.
        if !words.contains(where: { Word.callToActionEvidence.contains($0) }) {
            return line.scalarCount <= 200 && line.wordCount <= 3 && Word.shortCallsToAction.contains(first)
                && BoilerplateVocabulary.callToActionVerbs.contains(first) && line.ending != .period
        }
        var objects = 0
        var persons = 0
        var urgency = 0
        var verbs = 0
        var cookies = 0
        var siteOwner = 0
        var clickHere = false
        var signsUp = false
        var previous: UInt64 = 0
        for word in words {
            if BoilerplateVocabulary.callToActionObjects.contains(word) { objects += 1 }
            if BoilerplateVocabulary.personWords.contains(word) { persons += 1 }
            if BoilerplateVocabulary.urgencyWords.contains(word) { urgency += 1 }
            if BoilerplateVocabulary.callToActionVerbs.contains(word) { verbs += 1 }
            if Word.cookies.contains(word) { cookies += 1 }
            if Word.siteOwner.contains(word) { siteOwner += 1 }
            if word == Word.here && Word.click.contains(previous) { clickHere = true }
            if Word.subscribe.contains(word) || (word == Word.up && previous == Word.sign) { signsUp = true }
            previous = word
        }
        if clickHere && line.scalarCount <= 200 { return true }
        if line.wordCount <= 8 && words.contains(where: { Word.subscribing.contains($0) }) { return true }
        if cookies > 0 && (siteOwner > 0 || (!line.isProse && line.wordCount <= 8)) { return true }
        guard line.scalarCount <= 200 else { return false }
        let imperative = BoilerplateVocabulary.callToActionVerbs.contains(first)
        let addressed = persons > 0 || line.hasAtSign
        if imperative && objects >= 1 && (addressed || urgency > 0) { return true }
        if imperative && objects >= 2 { return true }
        if imperative && objects >= 1 && line.wordCount <= 4 && line.ending != .period { return true }
        if signsUp && objects >= 1 && !line.isProse { return true }
        if imperative && line.wordCount <= 3 && Word.shortCallsToAction.contains(first) && line.ending != .period {
            return true
        }
        if objects >= 1 && persons >= 1 && verbs >= 1 && line.sentenceBreaks <= 1 { return true }
        if objects >= 1 && addressed && line.wordCount <= 12 && line.sentenceBreaks == 0 && line.scalarCount <= 100 {
            return true
        }
        return false
    }

    // MARK: - teasers

    /// `Read more: <title>`, `Related: <title>`, glued "Recommended item<title>" links.
    private func isTeaserLink(
        _ line: ArticleLineFacts,
        words: UnsafeBufferPointer<UInt64>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard !line.hasDoubleQuote, line.scalarCount <= 220, let first = words.first else { return false }
        if line.sentenceBreaks == 0 && hasTeaserPrefix(line, bytes: bytes) { return true }
        if line.isTitleLike && startsWithLinkArrow(line, bytes: bytes) { return true }
        if BoilerplateVocabulary.teaserLeadWords.contains(first) && line.scalarCount <= 160 && line.wordCount >= 2
            && line.sentenceBreaks == 0 && line.ending != .period && line.ending != .exclamation
        {
            return true
        }
        return isCapitalsTeaserHeading(line)
    }

    /// "YOU MIGHT BE INTERESTED IN...", "MORE ON THIS...": a teaser box's heading between paragraphs, by its shape:
    /// two to eight words in capitals that trail off into the links below them. A subheading in capitals ends
    /// without an ellipsis.
    private func isCapitalsTeaserHeading(_ line: ArticleLineFacts) -> Bool {
        line.ending == .ellipsis && line.wordCount >= 2 && line.wordCount <= 8 && line.scalarCount <= 60
            && !line.hasLowercase && line.capitalizedWords == line.wordCount && line.sentenceBreaks == 0
    }

    /// True when the line starts with `>>`, `»` or `→` and a space: a link in a list of links.
    private func startsWithLinkArrow(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = line.start
        guard line.byteCount >= 4 else { return false }
        if bytes[start] == UInt8(ascii: ">") && bytes[start + 1] == UInt8(ascii: ">") && bytes[start + 2] == 0x20 {
            return true
        }
        if bytes[start] == 0xC2 && bytes[start + 1] == 0xBB && bytes[start + 2] == 0x20 { return true }
        return line.byteCount >= 5 && bytes[start] == 0xE2 && bytes[start + 1] == 0x86 && bytes[start + 2] == 0x92
            && bytes[start + 3] == 0x20
    }

    /// True when the line starts with a teaser prefix followed by a separator (`:`, `|`, `»`, `›`, `-`, `–`, `—`,
    /// `>`, `→`) and more text.
    private func hasTeaserPrefix(_ line: ArticleLineFacts, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        prefixes: for prefix in Self.teaserPrefixes where prefix.count < line.byteCount {
            var index = line.start
            for expected in prefix {
                var byte = bytes[index]
                if byte == 0xE2 && index + 2 < line.end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 {
                    byte = UInt8(ascii: "'")
                    index += 2
                }
                let lower = UTF8Byte.lowercasedASCII(byte)
                if lower != expected { continue prefixes }
                index += 1
                if index >= line.end { continue prefixes }
            }
            let prefixEnd = index
            while index < line.end && bytes[index] == 0x20 { index += 1 }
            guard index < line.end else { continue }
            let byte = bytes[index]
            var separatorEnd = index
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">") {
                separatorEnd = index + 1
            } else if byte == UInt8(ascii: "-") && index > prefixEnd && index + 1 < line.end && bytes[index + 1] == 0x20
            {
                separatorEnd = index + 1
            } else if byte == 0xC2 && index + 1 < line.end && bytes[index + 1] == 0xBB {
                separatorEnd = index + 2
            } else if byte == 0xE2 && index + 2 < line.end {
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if (second == 0x80 && (third == 0x93 || third == 0x94 || third == 0xBA))
                    || (second == 0x86 && third == 0x92)
                {
                    separatorEnd = index + 3
                }
            }
            guard separatorEnd > index else { continue }
            // Something must follow the separator.
            var rest = separatorEnd
            while rest < line.end && bytes[rest] == 0x20 { rest += 1 }
            if rest < line.end { return true }
        }
        return false
    }

    /// True when the line is a teaser-block heading: a few teaser words ("You May Also Like", "Related stories",
    /// "More from <site>"), no sentence.
    func isTeaserHeading(_ line: ArticleLineFacts, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isLong, line.wordCount >= 1, line.wordCount <= 6, line.scalarCount <= 50,
            line.sentenceBreaks == 0, line.ending == .other || line.ending == .colon
        else { return false }
        let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
        guard words.contains(where: { BoilerplateVocabulary.strongTeaserHeadingWords.contains($0) }) else {
            return false
        }
        let unknown = words.reduce(0) { $0 + (BoilerplateVocabulary.teaserHeadingWords.contains($1) ? 0 : 1) }
        if unknown == 0 { return true }
        // "More from <site>", "Latest from <site>", "Also on <site>": a site name may follow.
        return unknown <= 2 && line.wordCount >= 3 && BoilerplateVocabulary.strongTeaserHeadingWords.contains(words[0])
            && (words[1] == Heading.from || words[1] == Heading.on || words[1] == Heading.in)
    }

    /// True when the line heads a press-release contact block ("Media contact:", "For more information").
    func isContactHeading(_ line: ArticleLineFacts, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        guard !line.isLong, line.wordCount >= 1, line.wordCount <= 6, line.sentenceBreaks == 0,
            line.ending == .other || line.ending == .colon
        else { return false }
        let words = UnsafeBufferPointer(rebasing: hashes[line.wordStart..<(line.wordStart + line.wordCount)])
        return words.allSatisfy { BoilerplateVocabulary.contactHeadingWords.contains($0) }
            && words.contains { BoilerplateVocabulary.strongContactHeadingWords.contains($0) }
    }

    /// Hashes of the words that join a teaser heading to a site name.
    private enum Heading {
        static let from = BoilerplateWordHash.hash("from")
        static let on = BoilerplateWordHash.hash("on")
        static let `in` = BoilerplateWordHash.hash("in")
    }

    /// True when `words` contains `a b c` consecutively.
    private func containsSequence(_ words: UnsafeBufferPointer<UInt64>, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> Bool {
        guard words.count >= 3 else { return false }
        for index in 0..<(words.count - 2) where words[index] == a && words[index + 1] == b && words[index + 2] == c {
            return true
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    fileprivate var trimmingSpaces: Substring {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
