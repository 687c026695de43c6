import Pipeline

/// Makes a pipeline safe to run as a test, so a test never reads or writes the pipeline's real state and outputs.
///
/// Two steps: ``apply(to:)`` edits the file's tree before it is compiled (it removes the `index:` of `dedupe`
/// stages, whose SQLite file remembers documents across runs), and ``isolate(_:recorder:deadLetterPath:)`` edits the
/// compiled plan (it removes every `export` stage, adds the ``TestCaptureStage``s and points the dead-letter
/// output at a temporary file).
struct PipelineTestIsolation {
    /// The type names of the stages removed from the plan because they write outputs.
    static let outputStageTypes: Set<String> = ["export"]
    /// For each stage type, the option keys removed from its entries because they name persistent state.
    static let persistentStateKeys: [String: Set<String>] = ["dedupe": ["index"]]

    /// The tree without the options that name persistent state.
    /// - Parameter root: The pipeline file's root node.
    /// - Returns: The edited tree.
    func apply(to root: YAMLNode) -> YAMLNode {
        guard case .mapping(var entries) = root.content,
            let stagesIndex = entries.firstIndex(where: { $0.key.scalar?.value == "stages" }),
            case .sequence(var stages) = entries[stagesIndex].value.content
        else { return root }
        for index in stages.indices {
            guard let typeName = stages[index]["type"]?.scalar?.value,
                let keys = Self.persistentStateKeys[typeName],
                case .mapping(var stageEntries) = stages[index].content
            else { continue }
            stageEntries.removeAll { keys.contains($0.key.scalar?.value ?? "") }
            stages[index].content = .mapping(stageEntries)
        }
        entries[stagesIndex].value.content = .sequence(stages)
        var result = root
        result.content = .mapping(entries)
        return result
    }

    /// The plan to run for a test case.
    /// - Parameters:
    ///   - plan: The compiled pipeline.
    ///   - recorder: Where the capture stages record.
    ///   - deadLetterPath: A temporary file for dead letters.
    /// - Returns: The plan without output stages, with a capture stage after the input and after each stage, and
    ///   the dead letters going to `deadLetterPath`; and the stages under test, in order.
    func isolate(
        _ plan: PipelinePlan,
        recorder: TestCaptureRecorder,
        deadLetterPath: String
    ) -> (plan: PipelinePlan, stagesUnderTest: [PipelinePlan.PlannedStage]) {
        let kept = plan.stages.filter { !Self.outputStageTypes.contains($0.typeName) }
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
        var isolated = plan
        isolated.stages = stages
        isolated.output.deadLetterPath = deadLetterPath
        isolated.output.statsPath = nil
        return (isolated, kept)
    }
}
