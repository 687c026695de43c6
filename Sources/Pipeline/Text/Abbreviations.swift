/// English abbreviations whose full stop is part of the word: the one list the sentence splitter and the entity
/// tokenizer read.
///
/// Keys are ASCII-lowercased with their dots removed (`"U.S."` is `"us"`, `"e.g."` is `"eg"`, `"Gov't"` is
/// `"gov't"`). The words are grouped by how their full stop behaves at the end of a sentence, so each tool takes the
/// groups it needs from this one list:
///
/// | group | full stop ends a sentence? | examples |
/// | --- | --- | --- |
/// | ``titles`` | never: a name follows | `Mr.`, `Dr.`, `Gen.`, `St.`, `Atty.` |
/// | ``inSentence`` | rarely | `vs.`, `e.g.`, `et al.`, `approx.` |
/// | ``beforeNumbers`` | not when a number follows | `No. 10`, `Jan. 5`, `Vol. 2` |
/// | ``others`` | often: they end names and lists | `Inc.`, `Corp.`, `Jr.`, `Ave.`, `etc.` |
///
/// ``SentenceSplitter`` breaks after ``others`` as after any word, and after the other groups only as the table
/// says; the entity tokenizer keeps the period on every word of ``all``.
///
/// # Thread safety
/// Immutable sets; read them from any task.
public enum Abbreviations {
    /// Titles and honorifics that are always followed by a name, so their full stop never ends a sentence.
    public static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mssrs", "mme", "mlle", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl",
        "pte", "pvt", "maj", "adm", "brig", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det",
        "atty", "st", "mt", "sr", "fr", "rt",
    ]

    /// Abbreviations that are rarely the last word of a sentence.
    public static let inSentence: Set<String> = [
        "vs", "v", "eg", "ie", "al", "approx", "cf", "viz", "ca", "esp", "incl",
    ]

    /// Abbreviations whose full stop does not end a sentence when a number follows (`No. 10`, `Jan. 5`).
    public static let beforeNumbers: Set<String> = [
        "no", "nos", "vol", "pp", "p", "art", "fig", "ch", "sec", "op", "tel", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Abbreviations that often end a sentence: company and place suffixes, `Jr.`, `etc.`, `est.`.
    public static let others: Set<String> = [
        "inc", "corp", "ltd", "co", "bros", "plc", "intl", "assn", "natl", "dept", "univ", "etc", "est", "gov't",
        "jr", "ft", "ave", "blvd", "rd",
    ]

    /// Every abbreviation of the four groups.
    public static let all: Set<String> = titles.union(inSentence).union(beforeNumbers).union(others)
}
