/// How a stream run (`pipeline-run stream`) writes its output: JSON Lines on standard output, and the documents
/// that could not be processed (unreadable lines, failures under `on_error: dead-letter`) where nothing is lost
/// silently.
///
/// A failed document goes to the dead-letter file when ``deadLetterPath`` is set, becomes a status line when
/// ``oneToOne`` is set (both when both are), and otherwise fails the stream (exit 2).
public struct StreamOutput: Sendable, Hashable {
    /// Write exactly one line per input line: a removed document becomes
    /// `{"id": ..., "status": "duplicate|dropped|failed", "reason": ...}` in its place.
    public var oneToOne: Bool
    /// Flush standard output after every line, so a request/response host gets each answer at once.
    public var flushEachRecord: Bool
    /// The file failed documents are written to, as `run` writes dead letters (committed when the stream ends).
    public var deadLetterPath: String?

    /// Creates stream settings.
    /// - Parameters:
    ///   - oneToOne: One output line per input line.
    ///   - flushEachRecord: Flush after every line.
    ///   - deadLetterPath: The dead-letter file, if any.
    public init(oneToOne: Bool = false, flushEachRecord: Bool = false, deadLetterPath: String? = nil) {
        self.oneToOne = oneToOne
        self.flushEachRecord = flushEachRecord
        self.deadLetterPath = deadLetterPath
    }

    /// Whether a failed document has somewhere to go; without it, the stream fails on the document.
    public var keepsFailures: Bool { oneToOne || deadLetterPath != nil }
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
