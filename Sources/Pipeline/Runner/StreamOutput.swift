/// How a stream run (`pipeline-run stream`) writes its output: JSON Lines on standard output, nothing else.
public struct StreamOutput: Sendable, Hashable {
    /// Write exactly one line per input line: a removed document becomes
    /// `{"id": ..., "status": "duplicate|dropped|failed", "reason": ...}` in its place.
    public var oneToOne: Bool
    /// Flush standard output after every line, so a request/response host gets each answer at once.
    public var flushEachRecord: Bool

    /// Creates stream settings.
    /// - Parameters:
    ///   - oneToOne: One output line per input line.
    ///   - flushEachRecord: Flush after every line.
    public init(oneToOne: Bool = false, flushEachRecord: Bool = false) {
        self.oneToOne = oneToOne
        self.flushEachRecord = flushEachRecord
    }
}

extension RemovedDocument {
    /// The status line a one-to-one stream writes for a removed document:
    /// `{"id", "status": "duplicate" | "dropped" | "failed", "reason", "stage"}`.
    public var streamStatusJSON: JSONValue {
        switch disposition {
        case .dropped(let reason):
            return .object([
                "id": .string(id), "status": .string(reason == "duplicate" ? "duplicate" : "dropped"),
                "reason": .string(reason), "stage": .string(stage),
            ])
        case .deadLettered(let error):
            return .object([
                "id": .string(id), "status": .string("failed"), "reason": .string(error), "stage": .string(stage),
            ])
        }
    }
}
