/// A step of a pipeline: it receives documents in input order and passes each on, drops it, or fails it.
///
/// ```
///  reader ──▶ [ stage 1 ] ──▶ [ stage 2 ] ──▶ … ──▶ summary
///             StageInput       StageOutput
///             (in order)       (emit / drop / fail, in order)
/// ```
///
/// Most stages handle one document at a time and should conform to ``DocumentStage`` instead, which implements
/// ``run(input:output:context:)`` with bounded parallelism and order preserved. Implement `run` yourself when the
/// stage keeps state across documents (deduplication, export): the runner calls it once per run, from one task.
///
/// # Requirements
/// - A stage is an immutable `Sendable` value, built once from its options before the first document is read.
///   State that lives across documents lives inside `run` (local variables) or in an actor or `Mutex`.
/// - `run` consumes `input` until it ends and hands every document to `output` exactly once, through
///   ``StageOutput/emit(_:)``, ``StageOutput/drop(_:reason:)`` or ``StageOutput/fail(_:error:)``, in input order.
///   Output order must not depend on timing, so results are identical whatever the concurrency.
/// - A stage that writes outputs commits them only once the whole run has succeeded: after its input ends it calls
///   ``StageOutput/close()`` then `try await context.completion.waitForSuccess()`, which throws when the run fails
///   or is cancelled (see ``RunCompletion``). Iterating the input throws `CancellationError` on cancellation, so a
///   cancelled run never looks like a finished one.
/// - Errors thrown from `run` fail the whole run.
public protocol Stage: Sendable {
    /// Gets ready to run: opens indexes, checks that output locations are writable.
    ///
    /// Called for every stage before the first document is read, so configuration problems surface at once. The
    /// default does nothing.
    /// - Parameter context: The stage's context.
    /// - Throws: When the stage cannot run; the run stops before reading input.
    func prepare(context: StageContext) async throws

    /// Processes the whole stream of documents.
    /// - Parameters:
    ///   - input: The documents, in input order.
    ///   - output: Where each document goes next.
    ///   - context: The stage's context: name, logger, concurrency, counters.
    /// - Throws: Any error, which stops the run.
    func run(input: StageInput, output: StageOutput, context: StageContext) async throws
}

extension Stage {
    /// Does nothing.
    public func prepare(context: StageContext) async throws {}
}
