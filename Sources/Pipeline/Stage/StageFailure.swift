/// A document's processing failed in a stage whose `on_error` policy is `fail`, which stops the run.
public struct StageFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stage's name.
    public var stage: String
    /// The document's id.
    public var documentID: String
    /// Where the document came from.
    public var source: DocumentSource
    /// What went wrong.
    public var message: String

    /// Creates a failure.
    /// - Parameters:
    ///   - stage: The stage's name.
    ///   - documentID: The document's id.
    ///   - source: Where it came from.
    ///   - message: What went wrong.
    public init(stage: String, documentID: String, source: DocumentSource, message: String) {
        self.stage = stage
        self.documentID = documentID
        self.source = source
        self.message = message
    }

    /// "stage 'x' failed on document 'y' (path:line): message".
    public var description: String {
        "stage '\(stage)' failed on document '\(documentID)' (\(source)): \(message)"
    }

    /// A readable message for any error: its description when it has one.
    static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
