public import Pipeline

/// One entity mention as the `entities` stage writes it: `{"text": …, "label": …, "start": …, "end": …}`.
public struct EntityAnnotation: JSONRepresentable, Equatable {
    /// The mention's text, equal to the document's code points `start..<end`.
    public var text: String
    /// The label's name (`PERSON`, `ORG`, `LOC`, `NORP`, `DATE`, ...).
    public var label: String
    /// Offset of the mention's first Unicode code point in the document text (`nil` when a document read from
    /// elsewhere does not give it; the stage always writes it).
    public var start: Int?
    /// Offset one past its last code point (`nil` when not given).
    public var end: Int?

    /// Creates a mention.
    /// - Parameters:
    ///   - text: The mention's text.
    ///   - label: The label's name.
    ///   - start: The offset of its first code point, if known.
    ///   - end: The offset one past its last code point, if known.
    public init(text: String, label: String, start: Int?, end: Int?) {
        self.text = text
        self.label = label
        self.start = start
        self.end = end
    }

    /// Reads a mention; `nil` unless the object has a string `text` and `label` (`start` and `end` are read when
    /// they are integers).
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let text = object["text"]?.stringValue,
            let label = object["label"]?.stringValue
        else { return nil }
        self.init(text: text, label: label, start: object["start"]?.integerValue, end: object["end"]?.integerValue)
    }

    /// The mention as a JSON object (without the offsets that are not known).
    public var json: JSONValue {
        var object: [String: JSONValue] = ["text": .string(text), "label": .string(label)]
        if let start { object["start"] = .integer(Int64(start)) }
        if let end { object["end"] = .integer(Int64(end)) }
        return .object(object)
    }
}
