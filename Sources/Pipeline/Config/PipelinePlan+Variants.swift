/// The variants of a plan that commands run: each returns a new plan and leaves this one as it is.
extension PipelinePlan {
    /// This plan with another input section.
    /// - Parameter input: What to read instead.
    /// - Returns: The new plan.
    public func replacingInput(_ input: InputOptions) -> PipelinePlan {
        PipelinePlan(name: name, input: input, output: output, stages: stages, inputFormats: inputFormats)
    }

    /// This plan with other side outputs.
    /// - Parameter output: The side outputs instead.
    /// - Returns: The new plan.
    public func replacingOutput(_ output: OutputOptions) -> PipelinePlan {
        PipelinePlan(name: name, input: input, output: output, stages: stages, inputFormats: inputFormats)
    }

    /// This plan with other stages.
    /// - Parameter stages: The stages instead, in order.
    /// - Returns: The new plan.
    public func replacingStages(_ stages: [PlannedStage]) -> PipelinePlan {
        PipelinePlan(name: name, input: input, output: output, stages: stages, inputFormats: inputFormats)
    }

    /// This plan with the stage at a position replaced, its entry (name, type, policy) kept.
    /// - Parameters:
    ///   - position: The stage's index in ``stages``.
    ///   - stage: The stage to run instead.
    /// - Returns: The new plan.
    public func replacingStage(at position: Int, with stage: any Stage) -> PipelinePlan {
        var stages = self.stages
        stages[position] = stages[position].replacingStage(with: stage)
        return replacingStages(stages)
    }

    /// This plan with its documents delivered where `run` delivers them.
    ///
    /// With a `path` (`run --output`), the last sink writing exactly one file it appends to (a JSON Lines or CSV
    /// `export`, or a user's sink of that shape) writes to `path` instead; when no sink can, `defaultSink` is added
    /// at the end, writing to `path`. Without one, a plan with no ``DocumentSinkStage`` gets `defaultSink` writing
    /// to standard output (`-`), and a plan with a sink (a file, a database) is left as it is.
    ///
    /// - Parameters:
    ///   - path: The `--output` path, if given.
    ///   - defaultSink: The registry's default sink; without one the plan is left as it is.
    /// - Returns: The plan that delivers its documents.
    public func directingDocuments(to path: String?, defaultSink: DefaultDocumentSink?) -> PipelinePlan {
        if let path,
            let position = stages.lastIndex(where: {
                $0.isDocumentSink && $0.fileOutputs.count == 1 && $0.fileOutputs[0].resumption == .appended
            }), let sink = stages[position].stage as? any FileOutputStage
        {
            return replacingStage(at: position, with: sink.relocatingFileOutputs { _ in path })
        }
        guard let defaultSink, path != nil || !hasDocumentSink else { return self }
        // Named as the loader names a repeated type: `export#3` when `export` is taken.
        var name = defaultSink.typeName
        if stages.contains(where: { $0.name == name }) { name += "#\(stages.count)" }
        let added = PlannedStage(name: name, typeName: defaultSink.typeName, stage: defaultSink.make(path ?? "-"))
        return replacingStages(stages + [added])
    }

    /// This plan as one shard of a sharded run (`run --shard i/N`) writes it: every file output (the stages'
    /// ``FileOutputStage/fileOutputs``, the dead letters, the run state, the statistics) renamed to the shard's
    /// part, e.g. `out/news.jsonl` to `out/news/part-00002-of-00008.jsonl` (see ``Shard/partPath(for:)``).
    ///
    /// - Parameter shard: The shard; the whole input (`0/1`) leaves the plan as it is.
    /// - Returns: The shard's plan.
    public func sharded(_ shard: Shard) -> PipelinePlan {
        guard shard.count > 1 else { return self }
        var output = self.output
        output.deadLetterPath = shard.partPath(for: deadLetterPath)
        output.statePath = shard.partPath(for: statePath)
        output.statsPath = output.statsPath.map(shard.partPath(for:))
        let stages = self.stages.map { planned -> PlannedStage in
            guard let writer = planned.stage as? any FileOutputStage else { return planned }
            return planned.replacingStage(with: writer.relocatingFileOutputs(shard.partPath(for:)))
        }
        return PipelinePlan(name: name, input: input, output: output, stages: stages, inputFormats: inputFormats)
    }

    /// This plan with each stage as its ``StreamModeStage/streamMode()`` says, and its input as it is: sinks
    /// (``DocumentSinkStage``) left out, a stage keeping a persistent index replaced by one without it; stages
    /// without the capability run unchanged. `pipeline-run test` runs this, so a test writes no file of the
    /// pipeline's.
    ///
    /// - Returns: The plan without file-writing side effects.
    /// - Throws: ``StreamModeRefusal`` when a stage cannot run that way.
    public func isolatedFromFiles() throws(StreamModeRefusal) -> PipelinePlan {
        var stages: [PlannedStage] = []
        for planned in self.stages {
            switch (planned.stage as? any StreamModeStage)?.streamMode() ?? .unchanged {
            case .unchanged: stages.append(planned)
            case .omitted: continue
            case .replaced(let stage): stages.append(planned.replacingStage(with: stage))
            case .refused(let reason): throw StreamModeRefusal(stage: planned.name, reason: reason)
            }
        }
        return replacingStages(stages)
    }

    /// This plan as a stream filter (`pipeline-run stream`) runs it: JSON Lines from standard input, and each
    /// stage as in ``isolatedFromFiles()``.
    ///
    /// - Parameter textField: The JSON member holding the text, or `nil` for the plan's `input.text_field`.
    /// - Returns: The stream's plan.
    /// - Throws: ``StreamModeRefusal`` when a stage cannot run in a stream.
    public func forStream(textField: String? = nil) throws(StreamModeRefusal) -> PipelinePlan {
        var input = self.input
        input.paths = ["-"]
        input.format = .jsonl
        if let textField { input.textField = textField }
        return try isolatedFromFiles().replacingInput(input)
    }
}

/// The variants of a planned stage: each returns a new entry.
extension PipelinePlan.PlannedStage {
    /// The same entry (name, type, concurrency, policy, location) running another stage.
    /// - Parameter stage: The stage to run instead.
    /// - Returns: The new entry.
    public func replacingStage(with stage: any Stage) -> PipelinePlan.PlannedStage {
        PipelinePlan.PlannedStage(
            name: name,
            typeName: typeName,
            concurrency: concurrency,
            errorPolicy: errorPolicy,
            stage: stage,
            location: location
        )
    }

    /// The same entry under another name.
    /// - Parameter name: The new name.
    /// - Returns: The renamed entry.
    public func renamed(_ name: String) -> PipelinePlan.PlannedStage {
        PipelinePlan.PlannedStage(
            name: name,
            typeName: typeName,
            concurrency: concurrency,
            errorPolicy: errorPolicy,
            stage: stage,
            location: location
        )
    }
}
