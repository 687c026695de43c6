import Pipeline

/// English function words ignored when comparing sentences, stored as hashes of their lowercase bytes.
enum NewsStopWords {
    /// The words themselves.
    static let words: [String] = """
        a about above after again against all also am an and any are as at be because been before being below \
        between both but by can cannot could did do does doing don down during each few for from further had has \
        have having he her here hers herself him himself his how if in into is it its itself just may me might more \
        most must my myself no nor not now of off on once one only or other our ours ourselves out over own said \
        same say says shall she should so some such than that the their theirs them themselves then there these \
        they this those through to too under until up us very was we were what when where which while who whom why \
        will with would you your yours yourself yourselves mr mrs ms
        """.split(separator: " ").map(String.init)

    /// The length in bytes of the longest stop word.
    static let longestWord: Int = words.map(\.utf8.count).max() ?? 0

    /// FNV-1a hashes of the words, matching the hashes computed by ``SentenceTermTable``.
    static let hashes = HashedWordSet(words)
}
