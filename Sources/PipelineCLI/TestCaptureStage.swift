import Pipeline

/// A stage `pipeline-run test` places after the input and after every stage of the pipeline under test: it passes
/// every document on unchanged and records it, so the test knows which stage removed a document and what reached
/// the end.
///
/// ```
///  input ─▶ capture(-1) ─▶ clean ─▶ capture(0) ─▶ dedupe ─▶ capture(1) ─▶ … ─▶ capture(n-1, final)
/// ```
struct TestCaptureStage: Stage {
    /// The index of the stage this capture follows (`-1`: the input).
    var checkpoint: Int
    /// Whether it follows the last stage, so the documents it sees are the pipeline's output.
    var isFinal: Bool
    /// Where it records.
    var recorder: TestCaptureRecorder

    /// Records and passes on every document, in order.
    func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        for try await document in input {
            recorder.record(document, checkpoint: checkpoint, isFinal: isFinal)
            await output.emit(document)
        }
    }
}
