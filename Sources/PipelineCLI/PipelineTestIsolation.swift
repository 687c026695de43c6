import Pipeline

/// Makes a pipeline safe to run as a test, so a test never reads or writes the pipeline's real state and outputs.
///
/// The compiled plan is first isolated from its files (``PipelinePlan/isolatedFromFiles()``: each stage as its
/// stream mode says, so sinks such as `export` are left out and a `dedupe` index is neither read nor updated);
/// then ``isolate(_:recorder:deadLetterPath:)`` adds the ``TestCaptureStage``s and points the dead-letter output
/// at a temporary file.
struct PipelineTestIsolation {
    /// The plan to run for a test case.
    /// - Parameters:
    ///   - plan: The compiled pipeline.
    ///   - recorder: Where the capture stages record.
    ///   - deadLetterPath: A temporary file for dead letters.
    /// - Returns: The plan with a capture stage after the input and after each stage, and the dead letters going
    ///   to `deadLetterPath`; and the stages under test, in order.
    func isolate(
        _ plan: PipelinePlan,
        recorder: TestCaptureRecorder,
        deadLetterPath: String
    ) -> (plan: PipelinePlan, stagesUnderTest: [PipelinePlan.PlannedStage]) {
        let kept = plan.stages
        func capture(after checkpoint: Int) -> PipelinePlan.PlannedStage {
            PipelinePlan.PlannedStage(
                name: "test-capture#\(checkpoint + 1)",
                typeName: "test-capture",
                concurrency: 1,
                stage: TestCaptureStage(
                    checkpoint: checkpoint,
                    isFinal: checkpoint == kept.count - 1,
                    recorder: recorder
                )
            )
        }
        var stages = [capture(after: -1)]
        for (index, stage) in kept.enumerated() {
            stages.append(stage)
            stages.append(capture(after: index))
        }
        var output = plan.output
        output.deadLetterPath = deadLetterPath
        output.statsPath = nil
        return (plan.replacingStages(stages).replacingOutput(output), kept)
    }
}
