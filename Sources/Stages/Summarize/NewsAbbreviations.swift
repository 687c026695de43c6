/// Word lists used by ``NewsSentenceSplitter`` to decide whether a full stop ends a sentence.
///
/// Keys are ASCII-lowercased with their dots removed (`"U.S."` is `"us"`, `"e.g."` is `"eg"`).
enum NewsAbbreviations {
    /// Titles and honorifics that are always followed by a name, so their full stop never ends a sentence.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "pte", "maj",
        "adm", "brig", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "sr",
        "fr", "rt",
    ]

    /// Abbreviations that are rarely the last word of a sentence.
    static let inSentence: Set<String> = ["vs", "v", "eg", "ie", "al", "approx", "cf", "viz", "ca", "esp", "incl"]

    /// Abbreviations whose full stop does not end a sentence when a number follows (`No. 10`, `Jan. 5`).
    static let beforeNumbers: Set<String> = [
        "no", "nos", "vol", "pp", "p", "art", "fig", "ch", "sec", "op", "tel", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Common sentence-opening words: after a dotted acronym (`U.S.`), a capitalised word from this list starts a
    /// new sentence, while any other capitalised word (`U.S. Treasury`) continues the current one.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "this",
        "that", "these", "those", "there", "here", "his", "her", "its", "their", "our", "my", "however", "in", "on",
        "at", "as", "if", "when", "while", "after", "before", "since", "for", "meanwhile", "also", "some", "many",
        "most", "mr", "mrs", "ms", "dr", "what", "who", "why", "how", "now", "then", "still", "last", "earlier",
        "later", "analysts", "officials",
    ]
}
