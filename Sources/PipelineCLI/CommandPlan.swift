import ArgumentParser
import Pipeline

/// Compiles a pipeline file the way the commands run it, so `run`, `plan` and `dedupe` agree on its stages, its
/// outputs and so its run state.
///
/// ```
/// file ─▶ parse ─▶ --input applied to the tree ─▶ compile ─▶ directingDocuments(to: --output, defaultSink:)
/// ```
enum CommandPlan {
    /// Compiles `file` with the command-line overrides.
    ///
    /// - Parameters:
    ///   - file: The pipeline file.
    ///   - registry: The stage types, and the default sink.
    ///   - inputs: The `--input` paths (empty: the file's own).
    ///   - outputPath: The `--output` path, if given.
    ///   - deliversDocuments: Whether the plan must deliver its documents itself (`run`, `plan`); a stream writes
    ///     them to standard output instead.
    ///   - environment: The variables `${VAR}` reads; `nil` for the process environment.
    ///   - failureNote: A line printed after the errors, if any.
    /// - Returns: The plan.
    /// - Throws: ``PipelineExitCode/configuration`` after printing every problem of the file.
    static func load(
        file: String,
        registry: StageRegistry,
        inputs: [String],
        outputPath: String? = nil,
        deliversDocuments: Bool = true,
        environment: [String: String]? = nil,
        failureNote: String? = nil
    ) throws(ExitCode) -> PipelinePlan {
        let loader =
            environment.map { PipelineLoader(registry: registry, environment: $0) }
            ?? PipelineLoader(registry: registry)
        let plan: PipelinePlan
        do {
            var (root, source) = try loader.parse(contentsOf: file)
            root = PipelineOverrides(inputPaths: inputs).apply(to: root)
            plan = try loader.plan(from: root, source: source)
        } catch {
            StandardError.writeLine(error.description)
            if let failureNote { StandardError.writeLine(failureNote) }
            throw PipelineExitCode.configuration
        }
        guard deliversDocuments else { return plan }
        return plan.directingDocuments(to: outputPath, defaultSink: registry.defaultSink)
    }
}
