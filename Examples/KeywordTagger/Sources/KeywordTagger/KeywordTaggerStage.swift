public import Pipeline

/// An example of a user's own stage: tags each document with the keywords of a list that occur in its text.
///
/// ```yaml
/// - type: keywords
///   keywords: [sanctions, nuclear, election]
///   field: keywords          # where the tags go
///   drop_untagged: false     # drop documents with no keyword
/// ```
/// It writes `keywords: ["nuclear", ...]` (in the order of the list, each once) into the document.
public struct KeywordTaggerStage: ConfigurableStage, DocumentStage {
    /// The stage's options: each declared once, with its default as the property's initial value.
    public struct Options: StageOptions {
        /// The keywords to look for (matched case-insensitively as whole words).
        public var keywords: [String] = []
        /// The document field receiving the list of keywords found.
        public var field = "keywords"
        /// Whether documents without any keyword are dropped (reason "no keyword").
        public var dropUntagged = false

        /// Creates options with the defaults (and no keyword).
        public init() {}

        /// The options: decoding, `pipeline-run stages` and the JSON Schema all come from this table.
        public static let declarations: [OptionDeclaration<Self>] = [
            .required(
                "keywords",
                \.keywords,
                help: "Keywords to find, as whole words, ignoring case.",
                check: {
                    $0.isEmpty || $0.contains(where: \.isEmpty)
                        ? "expected a non-empty list of non-empty keywords" : nil
                }
            ),
            .option("field", \.field, help: "The field receiving the keywords found."),
            .option("drop_untagged", \.dropUntagged, help: "Drop documents with no keyword."),
        ]
    }

    /// `keywords`.
    public static let typeName = "keywords"
    /// What the stage does.
    public static let summary = "Example custom stage: tags documents with the listed keywords they mention."

    private let options: Options
    private let lowercasedKeywords: [[UInt8]]

    /// Creates the stage.
    /// - Parameter options: The options.
    public init(options: Options) {
        self.options = options
        self.lowercasedKeywords = options.keywords.map { Array($0.lowercased().utf8) }
    }

    /// Tags one document.
    public func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let text = Array(document.text.lowercased().utf8)
        let found = zip(lowercasedKeywords, options.keywords).filter { Self.containsWord($0.0, in: text) }
            .map { JSONValue.string($0.1) }
        if found.isEmpty, options.dropUntagged { return .drop(reason: "no keyword") }
        var tagged = document
        tagged.fields[options.field] = .array(found)
        if !found.isEmpty { context.counters.add(to: "tagged") }
        return .keep(tagged)
    }

    /// Whether `word` occurs in `text` with no letter or digit on either side.
    static func containsWord(_ word: [UInt8], in text: [UInt8]) -> Bool {
        guard !word.isEmpty, word.count <= text.count else { return false }
        for start in 0...(text.count - word.count) where text[start] == word[0] {
            let end = start + word.count
            if text[start..<end].elementsEqual(word), start == 0 || !UTF8Byte.isWordByte(text[start - 1]),
                end == text.count || !UTF8Byte.isWordByte(text[end])
            {
                return true
            }
        }
        return false
    }
}
