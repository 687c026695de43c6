/// A document that left the stream before the end: dropped with a reason, or sent to the dead-letter output.
public struct RemovedDocument: Sendable, Hashable {
    /// Why the document left the stream.
    public enum Disposition: Sendable, Hashable {
        /// Dropped on purpose (e.g. "duplicate", "too short", or an error under `on_error: skip`).
        case dropped(reason: String)
        /// Failed, and written to the dead-letter output with this error message.
        case deadLettered(error: String)
    }

    /// The stage name of records removed by the reader (unreadable input).
    public static let inputStage = "input"

    /// The document's id (or the best available identifier for unreadable input).
    public var id: String
    /// Where the document came from.
    public var source: DocumentSource
    /// The name of the stage that removed it (`input` for the reader).
    public var stage: String
    /// Why it was removed.
    public var disposition: Disposition
    /// The document's content for the dead-letter record: the document as JSON, or the raw input.
    public var document: JSONValue?

    /// Creates a record.
    /// - Parameters:
    ///   - id: The document's id.
    ///   - source: Where it came from.
    ///   - stage: The stage that removed it.
    ///   - disposition: Why.
    ///   - document: Its content, for dead letters.
    public init(id: String, source: DocumentSource, stage: String, disposition: Disposition, document: JSONValue?) {
        self.id = id
        self.source = source
        self.stage = stage
        self.disposition = disposition
        self.document = document
    }

    /// Why the document was removed, as text: the drop reason or the error.
    public var reason: String {
        switch disposition {
        case .dropped(let reason): return reason
        case .deadLettered(let error): return error
        }
    }

    /// The dead-letter record: `{"id", "stage", "error", "source", "document"}`.
    public var deadLetterJSON: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "stage": .string(stage), "source": source.json, "document": document ?? .null,
        ]
        switch disposition {
        case .dropped(let reason): members["reason"] = .string(reason)
        case .deadLettered(let error): members["error"] = .string(error)
        }
        return .object(members)
    }
}
