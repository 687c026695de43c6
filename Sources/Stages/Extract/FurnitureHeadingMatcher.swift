import Pipeline

/// Recognises headings that label page furniture: "Related articles", "Você pode gostar", "Lesen Sie auch",
/// "Comments"… A block that opens with such a heading is a list of teasers or comments, whatever its class names
/// say and however much prose its excerpts hold.
///
/// Two kinds of evidence, both independent of the page's language where possible:
/// - the heading's class/id names the block (`related`, `recommend`, `comment`, `similar`…; sites in every
///   language mostly use English class names), and
/// - the heading's whole text is one of the usual labels of such blocks, in the languages most common on the web
///   (English, Portuguese, Spanish, German, French, Italian, Dutch, Polish, Russian).
///
/// # Thread safety
/// Stateless; the tables are immutable.
enum FurnitureHeadingMatcher {
    /// Class/id words that name a furniture heading (matched as substrings of the lowercased hints).
    private static let hintWords: [StaticString] = [
        "related", "relacionad", "recommend", "popular", "trending", "comment", "similar", "correlat",
        "more-stories", "morestories", "read-more", "readmore", "you-may", "youmay", "also-read", "leia-tambem",
        "veja-tambem", "lee-tambien", "mehr-zum-thema", "lire-aussi", "leggi-anche",
    ]

    /// Lowercased label texts (prefixes of the heading's text) of teaser, recommendation and comment blocks.
    private static let labelPhrases: [String] = [
        // English
        "related", "you may also like", "you might also like", "you may like", "you might like", "also read",
        "read also", "read more", "read next", "see also", "more from", "more stories", "more news",
        "recommended", "most read", "most popular", "popular posts", "trending", "comments", "leave a reply",
        "leave a comment", "join the discussion",
        // Portuguese
        "você pode gostar", "voce pode gostar", "você também pode gostar", "você também pode se interessar",
        "leia também", "leia mais", "veja também", "veja mais", "notícias relacionadas", "posts relacionados",
        "artigos relacionados", "matérias relacionadas", "mais lidas", "mais lidos", "mais notícias",
        "comentários", "deixe um comentário", "deixe uma resposta", "relacionados", "relacionadas",
        // Spanish
        "te puede interesar", "también te puede interesar", "quizás te interese", "te recomendamos",
        "lee también", "ver también", "noticias relacionadas", "artículos relacionados", "lo más leído",
        "más leídas", "más leídos", "más noticias", "comentarios", "deja un comentario", "deja una respuesta",
        // German
        "lesen sie auch", "das könnte sie auch interessieren", "das könnte sie interessieren", "ähnliche artikel",
        "weitere artikel", "mehr zum thema", "verwandte artikel", "meistgelesen", "meist gelesen", "kommentare",
        "auch interessant",
        // French
        "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "articles similaires", "sur le même sujet",
        "vous aimerez aussi", "vous aimerez peut-être", "vous aimerez peut-etre", "les plus lus", "commentaires",
        "laisser un commentaire", "articles liés", "dans la même rubrique",
        // Italian
        "leggi anche", "articoli correlati", "potrebbe interessarti", "ti potrebbe interessare", "i più letti",
        "commenti", "lascia un commento",
        // Dutch
        "lees ook", "gerelateerde artikelen", "meest gelezen", "reacties",
        // Polish
        "czytaj także", "czytaj też", "zobacz też", "zobacz także", "podobne artykuły", "komentarze",
        // Russian
        "читайте также", "читать также", "смотрите также", "похожие статьи", "похожие записи",
        "вам может понравиться", "вам также может понравиться", "еще по теме", "ещё по теме", "по теме",
        "комментари", "рекомендуем", "популярное", "самое читаемое",
    ]

    /// The longest heading text, in bytes, that can be a label.
    private static let maximumLabelBytes = 96

    /// `true` when element `index` is a heading (`<h1>`…`<h6>`) that labels page furniture, by its class/id or
    /// by its text.
    static func isFurnitureHeading(_ index: Int, in tree: HTMLNodeTree) -> Bool {
        guard tree.nodes[index].tag.isHeading else { return false }
        let hints = tree.hintBytes(of: index)
        for word in hintWords where ExtractByteSearch.contains(hints, word) { return true }
        return isLabelText(index, in: tree)
    }

    /// `true` when the visible text of element `index` is short and starts with one of the label phrases.
    static func isLabelText(_ index: Int, in tree: HTMLNodeTree) -> Bool {
        var bytes: [UInt8] = []
        var child = index + 1
        let end = Int(tree.nodes[index].end)
        while child < end {
            let node = tree.nodes[child]
            if node.tag == .text {
                if !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: tree.text[Int(node.start)..<Int(node.stop)])
                if bytes.count > maximumLabelBytes * 2 { return false }
            } else if node.tag.isNeverContent {
                child = Int(node.end)
                continue
            }
            child += 1
        }
        // Trim spaces and leading punctuation (bullets, dashes, quotes) before comparing.
        var start = 0
        while start < bytes.count && bytes[start] < 0x80 && !UTF8Byte.isASCIIAlphanumeric(bytes[start]) { start += 1 }
        var stop = bytes.count
        while stop > start && UTF8Byte.isHTMLWhitespace(bytes[stop - 1]) { stop -= 1 }
        guard stop > start, stop - start <= maximumLabelBytes else { return false }
        let text = String(decoding: bytes[start..<stop], as: UTF8.self).lowercased()
        for phrase in labelPhrases where text.hasPrefix(phrase) {
            // The label must be the whole heading, give or take a count, a colon or an ellipsis.
            if text.utf8.count <= phrase.utf8.count + 24 { return true }
        }
        return false
    }
}
