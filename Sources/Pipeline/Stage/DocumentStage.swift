/// A stage that handles each document on its own: one document in, the same or a changed document out, or none.
///
/// The runner calls ``process(_:context:)`` for many documents at once (up to the stage's `concurrency`) and
/// passes results on in input order. A thrown error applies the stage's `on_error` policy to that document only.
///
/// # Requirements
/// `process` must not depend on other documents or on the order of calls: it may run concurrently with itself.
public protocol DocumentStage: Stage {
    /// Processes one document.
    /// - Parameters:
    ///   - document: The document.
    ///   - context: The stage's context.
    /// - Returns: ``StageResult/keep(_:)`` with the (possibly changed) document, or ``StageResult/drop(reason:)``.
    /// - Throws: When this document cannot be processed; the stage's `on_error` policy decides what happens.
    func process(_ document: Document, context: StageContext) async throws -> StageResult
}

/// What a ``DocumentStage`` decided for one document.
public enum StageResult: Sendable, Hashable {
    /// Pass this document on.
    case keep(Document)
    /// Remove the document from the stream and count it under `reason` (e.g. "duplicate", "too short").
    case drop(reason: String)
}

extension DocumentStage {
    /// Runs ``process(_:context:)`` over the input with bounded parallelism, keeping input order.
    public func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        try await ParallelBatchProcessor(stage: self, context: context).run(input: input, output: output)
    }
}
