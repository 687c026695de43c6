/// Names on title-case lines (modern headlines: "Study Finds ADHD Drugs Linked To Heart Risk"), kept only where the
/// rest of the document or the gazetteer confirms them.
///
/// On a line where every content word is capitalised, capitals say nothing about names, and a tagger trained on
/// sentence-case text reads the whole headline as one long organisation or person. A reader resolves a headline by
/// the article under it: "Trump Meets Putin In Helsinki" names the Trump, Putin and Helsinki the body names. So on a
/// title-case line the model's candidates are replaced by the longest spans whose text the body tagged (with the
/// body's label, a person's surname standing for the person), plus the model's candidates that are exactly a
/// gazetteer place, nationality or organisation.
///
/// A line counts as a title-case headline when it is one of the document's first ``headlineLines`` lines, the
/// document context marked it title case (content words capitalised), and at least two of its capitalised words
/// after the first, and a fifth of them, are words this document or the gazetteer writes in lower case ("Finds",
/// "To", "In"). A line of team names and scores ("Leeds United 2 Chelsea 0"), a name with a role ("Man of the
/// Match : Aravinda de Silva") or an institution ("The National Bank of Poland") is not. Documents without a
/// sentence-case line are left to the model: with no body there is no evidence to weigh.
///
/// # Thread safety
/// Stateless.
enum EntityTitleLineEvidence {
    private typealias Flag = EntityDocumentContext.Flag
    /// Longest span, in tokens, looked up in the body's names.
    private static let longestName = 6
    /// How many lines from the top of a document may be a headline.
    private static let headlineLines = 3

    /// Replaces the candidates on title-case lines by the names the body or the gazetteer confirms.
    /// - Parameters:
    ///   - candidates: The model's candidates, sorted by position; rewritten in place, still sorted.
    ///   - context: The document context (flags, gazetteer bits, lower-case evidence).
    ///   - bytes: The document's UTF-8 bytes.
    static func confirm(
        _ candidates: inout [EntityRecognizer.Candidate],
        context: EntityDocumentContext,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        let lines = titleCaseLines(context)
        if lines.isEmpty { return }
        let tokens = context.tokens
        func text(_ first: Int, _ end: Int) -> String {
            let range = Int(tokens[first].start)..<Int(tokens[end - 1].end)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func onTitleLine(_ k: Int) -> Bool { lines.contains { $0.contains(k) } }

        var bodyNames: [String: EntityRecognizer.Candidate] = [:]
        var surnames: [String: EntityRecognizer.Candidate] = [:]
        for candidate in candidates where !onTitleLine(candidate.firstToken) {
            bodyNames[text(candidate.firstToken, candidate.endToken)] = candidate
            if candidate.label == .person && candidate.endToken - candidate.firstToken >= 2 {
                surnames[text(candidate.endToken - 1, candidate.endToken)] = candidate
            }
        }
        for (surname, person) in surnames where bodyNames[surname] == nil { bodyNames[surname] = person }

        var result = candidates.filter { !onTitleLine($0.firstToken) }
        for line in lines {
            let modelEnds = Dictionary(
                candidates.filter { line.contains($0.firstToken) }.map { ($0.firstToken, $0) },
                uniquingKeysWith: { first, _ in first }
            )
            var k = line.lowerBound
            next: while k < line.upperBound {
                for length in stride(from: min(longestName, line.upperBound - k), through: 1, by: -1) {
                    if let body = bodyNames[text(k, k + length)] {
                        result.append(.init(firstToken: k, endToken: k + length, label: body.label, confidence: 1))
                        k += length
                        continue next
                    }
                }
                if let model = modelEnds[k], isGazetteerName(context, model) {
                    result.append(model)
                    k = model.endToken
                    continue
                }
                k += 1
            }
        }
        result.sort { $0.firstToken < $1.firstToken }
        candidates = result
    }

    /// The token ranges of the document's title-case lines; empty when there are none or no sentence-case line.
    static func titleCaseLines(_ context: EntityDocumentContext) -> [Range<Int>] {
        let flags = context.flags
        guard flags.contains(where: { $0 & Flag.titleLine != 0 }) else { return [] }
        let tokens = context.tokens
        var lines: [Range<Int>] = []
        var hasSentenceCaseLine = false
        var first = 0
        var lineNumber = 0
        while first < tokens.count {
            var end = first + 1
            while end < tokens.count && !tokens[end].startsLine { end += 1 }
            if flags[first] & Flag.titleLine == 0 {
                if flags[first] & Flag.capitalLine == 0 { hasSentenceCaseLine = true }
            } else if lineNumber < headlineLines {
                var capitalised = 0
                var lowercaseWords = 0
                for k in first + 1..<end where flags[k] & Flag.initialCapital != 0 && flags[k] & Flag.hasLowercase != 0
                {
                    capitalised += 1
                    if isLowercaseWord(context, k) { lowercaseWords += 1 }
                }
                if lowercaseWords >= 2 && lowercaseWords * 5 >= capitalised { lines.append(first..<end) }
            }
            lineNumber += 1
            first = end
        }
        return hasSentenceCaseLine ? lines : []
    }

    /// Whether token `k` is a word this document, or the gazetteer's common words, write in lower case.
    private static func isLowercaseWord(_ context: EntityDocumentContext, _ k: Int) -> Bool {
        context.gazetteer[k] & EntityGazetteer.commonWordBit != 0
            || EntityDocumentContext.functionWords.contains(context.lower[k]) || context.occursLowercase(k)
    }

    /// Whether `candidate` spans exactly one gazetteer place, nationality or organisation.
    private static func isGazetteerName(_ context: EntityDocumentContext, _ candidate: EntityRecognizer.Candidate)
        -> Bool
    {
        let first = candidate.firstToken
        let last = candidate.endToken - 1
        for category in [EntityGazetteer.Category.location, .nationality, .organization] {
            let base = UInt32(category.rawValue * 4)
            let matches =
                first == last
                ? context.gazetteer[first] & (1 << (base + 3)) != 0
                : context.gazetteer[first] & (1 << base) != 0 && context.gazetteer[last] & (1 << (base + 2)) != 0
            if matches { return true }
        }
        return false
    }
}
