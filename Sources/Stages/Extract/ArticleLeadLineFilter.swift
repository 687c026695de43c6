import Pipeline

/// Drops the metadata lines that open an extracted article before its first paragraph: the headline repeated
/// as a plain paragraph, the byline, the dateline, the reading time, a photo credit.
///
/// Sites mark these lines with class names (`byline`, `meta`, `dateline`) often enough that the hint matcher
/// removes them, but many do not (`<small class="text-muted">`, `<p class="titulo">`). This filter looks at the
/// text instead, with evidence that holds in any language:
///
/// - the line repeats the page's title, or names its author (both from the page metadata);
/// - the line carries a numeric date or a clock time (`05/10/2018`, `2019-11-18`, `18.11.2019`, `04:05`);
/// - the line starts with a byline or publication label (`By`, `Por`, `Von`, `Publicado`, `Foto:`…) or gives a
///   reading time (`5 min read`, `Tempo de leitura`, `Lesezeit`…).
///
/// Only short lines that do not read as sentences, before the first prose line, are candidates; when no prose
/// line follows within the first lines, nothing is dropped.
///
/// # Thread safety
/// Stateless; the tables are immutable.
enum ArticleLeadLineFilter {
    /// Non-empty lines examined at the start of the text.
    private static let examinedLines = 8
    /// The longest line, in bytes, that can be a metadata line.
    private static let maximumLineBytes = 200

    /// Lowercased prefixes of byline, publication and credit lines.
    private static let labelPrefixes: [String] = [
        "by ", "written by", "posted by", "posted on", "published", "updated", "photo:", "photos:", "image:",
        "credit:", "por ", "escrito por", "publicado", "atualizado", "actualizado", "foto:", "fotos:", "imagem:",
        "crédito:", "von ", "veröffentlicht", "aktualisiert", "bild:", "par ", "publié", "mis à jour", "di ",
        "pubblicato", "aggiornato", "door ", "gepubliceerd", "av ", "publikováno", "autor:", "автор",
        "опубликовано", "обновлено", "фото:",
    ]
    /// Lowercased reading-time phrases, found anywhere in a short line.
    private static let readingTimePhrases: [String] = [
        "min read", "minute read", "minutes read", "reading time", "tempo de leitura", "tiempo de lectura",
        "lesezeit", "temps de lecture", "tempo di lettura", "leestijd", "czas czytania", "время чтения",
    ]

    /// `text` without its leading metadata lines.
    ///
    /// - Parameters:
    ///   - text: The rendered article (lines separated by `\n`, paragraphs by a blank line).
    ///   - title: The page's title from its metadata, if any.
    ///   - author: The page's author from its metadata, if any.
    /// - Returns: The text, unchanged when no line qualifies.
    static func strip(_ text: String, title: String?, author: String?) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let titleWords = title.map(words) ?? []
        let authorWords = Set((author.map(words) ?? []).filter { $0.utf8.count >= 2 && $0 != "by" })
        var dropped: [Int] = []
        var examined = 0
        var foundProse = false
        for (number, line) in lines.enumerated() where !line.allSatisfy({ $0 == " " }) {
            if examined == examinedLines { break }
            examined += 1
            if isProse(line) {
                foundProse = true
                break
            }
            if isMetadata(line, titleWords: titleWords, authorWords: authorWords) { dropped.append(number) }
        }
        guard foundProse, !dropped.isEmpty else { return text }
        var kept: [Substring] = []
        var droppedIndex = 0
        for (number, line) in lines.enumerated() {
            if droppedIndex < dropped.count && dropped[droppedIndex] == number {
                droppedIndex += 1
                continue
            }
            if kept.isEmpty && line.isEmpty { continue }
            if line.isEmpty && kept.last?.isEmpty == true { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// `true` for a line that reads as article prose: long, or a full sentence of several words.
    private static func isProse(_ line: Substring) -> Bool {
        if line.utf8.count > maximumLineBytes { return true }
        return endsSentence(line) && words(line).count >= 8
    }

    /// `true` when the last non-space character is `.`, `!`, `?` or `…`.
    private static func endsSentence(_ line: Substring) -> Bool {
        guard let last = line.last(where: { $0 != " " }) else { return false }
        return last == "." || last == "!" || last == "?" || last == "…"
    }

    /// `true` when a short line repeats the title, names the author, carries a date or time, or starts with a
    /// byline or publication label.
    private static func isMetadata(_ line: Substring, titleWords: [String], authorWords: Set<String>) -> Bool {
        guard !line.contains(" | ") else { return false }
        let lineWords = words(line)
        guard !lineWords.isEmpty else { return false }
        if repeatsTitle(lineWords, titleWords) { return true }
        // Questions, exclamations and sentences of more than a few words are text, not labels.
        if let last = line.last(where: { $0 != " " }), last == "?" || last == "!" || last == "¿" { return false }
        if endsSentence(line) && lineWords.count > 6 { return false }
        if lineWords.count <= 12 && !authorWords.isEmpty {
            let overlap = lineWords.filter { authorWords.contains($0) }.count
            if overlap >= 2 && overlap * 5 >= lineWords.count * 2 { return true }
        }
        let lowered = line.lowercased()
        if lineWords.count <= 12 {
            for prefix in labelPrefixes where lowered.hasPrefix(prefix) { return true }
        }
        if lineWords.count <= 8 {
            for phrase in readingTimePhrases where lowered.contains(phrase) { return true }
        }
        return lineWords.count <= 16 && carriesDate(line)
    }

    /// `true` when the line's words are the title's (or its start or end, as in "Headline - Site") and at least
    /// three words long, or the whole title.
    private static func repeatsTitle(_ lineWords: [String], _ titleWords: [String]) -> Bool {
        guard !titleWords.isEmpty else { return false }
        if lineWords == titleWords { return true }
        guard lineWords.count >= 3 else { return false }
        if lineWords.count <= titleWords.count {
            return titleWords.starts(with: lineWords) || titleWords.reversed().starts(with: lineWords.reversed())
        }
        return lineWords.count <= titleWords.count + 3 && lineWords.starts(with: titleWords)
            && titleWords.count >= 3
    }

    /// `true` when the line holds a numeric date (`05/10/2018`, `2019-11-18`, `18.11.2019`) or a clock time
    /// (`04:05`).
    private static func carriesDate(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        var numbers: [(digits: Int, end: Int)] = []
        var index = 0
        while index < bytes.count {
            guard UTF8Byte.isASCIIDigit(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count && UTF8Byte.isASCIIDigit(bytes[index]) { index += 1 }
            let digits = index - start
            if let previous = numbers.last, start - previous.end == 1 {
                let separator = bytes[previous.end]
                if separator == 0x3A && previous.digits <= 2 && digits == 2 { return true }  // 04:05
                if (separator == 0x2F || separator == 0x2D || separator == 0x2E) && numbers.count >= 2 {
                    let first = numbers[numbers.count - 2]
                    if previous.end - previous.digits - first.end == 1 && bytes[first.end] == separator
                        && (first.digits == 4 || digits == 4 || digits == 2)
                    {
                        return true  // 05/10/2018, 2019-11-18, 18.11.19
                    }
                }
            }
            numbers.append((digits, index))
        }
        return false
    }

    /// The lowercased words of `text` (runs of letters and digits; every non-ASCII scalar counts as a letter
    /// except common punctuation).
    private static func words<S: StringProtocol>(_ text: S) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { result.append(current.lowercased()) }
        return result
    }
}
