/// Where a plan writes: its side-output paths and the files its stages write.
extension PipelinePlan {
    /// The state path: the configured one, or `out/<name>.state.json`.
    public var statePath: String {
        output.statePath ?? "out/\(name).state.json"
    }

    /// The dead-letter path: the configured one, or `out/<name>.dead-letter.jsonl`.
    public var deadLetterPath: String {
        output.deadLetterPath ?? "out/\(name).dead-letter.jsonl"
    }

    /// Every file the stages write, in stage order.
    public var fileOutputs: [StageFileOutput] {
        stages.flatMap(\.fileOutputs)
    }

    /// Whether some stage delivers the pipeline's documents (a ``DocumentSinkStage``).
    public var hasDocumentSink: Bool {
        stages.contains(where: \.isDocumentSink)
    }
}

extension PipelinePlan.PlannedStage {
    /// The files the stage writes (empty unless it is a ``FileOutputStage``).
    public var fileOutputs: [StageFileOutput] {
        (stage as? any FileOutputStage)?.fileOutputs ?? []
    }

    /// Whether the stage delivers the pipeline's documents (a ``DocumentSinkStage``).
    public var isDocumentSink: Bool { stage is any DocumentSinkStage }
}
