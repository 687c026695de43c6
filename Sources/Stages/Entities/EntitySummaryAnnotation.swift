public import Pipeline

/// One distinct entity of a document as the `entities` stage writes it:
/// `{"name": …, "label": …, "count": …, "mentions": […]}`.
public struct EntitySummaryAnnotation: JSONRepresentable, Equatable {
    /// The canonical name.
    public var name: String
    /// The label's name (`PERSON`, `ORG`, `LOC`, ...).
    public var label: String
    /// How many mentions were merged into the entity.
    public var count: Int
    /// The distinct surface forms, in order of first appearance.
    public var mentions: [String]

    /// Creates an entry.
    /// - Parameters:
    ///   - name: The canonical name.
    ///   - label: The label's name.
    ///   - count: The number of mentions merged.
    ///   - mentions: The distinct surface forms.
    public init(name: String, label: String, count: Int, mentions: [String]) {
        self.name = name
        self.label = label
        self.count = count
        self.mentions = mentions
    }

    /// Reads an entry; `nil` unless the object has a string `name` and `label`. A missing `count` reads as 1 and
    /// missing `mentions` as none, so entries written by other tools still load.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let name = object["name"]?.stringValue,
            let label = object["label"]?.stringValue
        else { return nil }
        self.init(
            name: name,
            label: label,
            count: object["count"]?.integerValue ?? 1,
            mentions: object["mentions"].flatMap { [String](json: $0) } ?? []
        )
    }

    /// The entry as a JSON object.
    public var json: JSONValue {
        .object([
            "name": .string(name), "label": .string(label), "count": .integer(Int64(count)),
            "mentions": .array(mentions.map(JSONValue.string)),
        ])
    }
}
