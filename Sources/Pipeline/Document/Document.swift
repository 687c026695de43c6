/// One text travelling through a pipeline: its identity, its text, and everything known about it.
///
/// `fields` holds both the metadata carried through from the input (every JSONL member other than the id and text
/// fields) and the annotations stages add (`summary`, `entities`, `duplicate_of`...). In JSON Lines output they are
/// written as top-level members beside `id` and `text`, so the output of one pipeline is valid input to another and
/// reads back to the same document. Stages read and write their annotations through typed keys
/// (``AnnotationKey``) rather than raw fields.
///
/// ```
/// {"id":"a.txt","text":"...","duplicate_of":null,"summary":"...","topic":"politics"}
///   └ id      └ text      └──────── fields (metadata and annotations, keys sorted) ────────┘
/// ```
public struct Document: Sendable, Hashable {
    /// A stable identifier: the path relative to the input folder for files, the id field for JSON Lines, or one
    /// derived from the input's name and line when the record has none.
    public var id: String
    /// The text the stages work on.
    public var text: String
    /// Metadata from the input and annotations from the stages, written as top-level JSON members.
    public var fields: [String: JSONValue]
    /// Where the document came from; used in diagnostics and dead letters, not written with the document.
    public var source: DocumentSource

    /// Creates a document.
    /// - Parameters:
    ///   - id: A stable identifier.
    ///   - text: The text.
    ///   - fields: Metadata and annotations (default none).
    ///   - source: Where it came from (default: unknown).
    public init(id: String, text: String, fields: [String: JSONValue] = [:], source: DocumentSource = .unknown) {
        self.id = id
        self.text = text
        self.fields = fields
        self.source = source
    }

    /// Reads or writes a typed annotation.
    ///
    /// Reading gives `nil` when the field is absent or does not have the annotation's shape; writing `nil` removes it.
    /// - Parameter key: The annotation.
    public subscript<Value>(_ key: AnnotationKey<Value>) -> Value? {
        get { fields[key.name].flatMap { Value(json: $0) } }
        set { fields[key.name] = newValue?.json }
    }

    /// The size of the text in UTF-8 bytes.
    public var byteCount: Int { text.utf8.count }
}
