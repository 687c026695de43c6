import ArgumentParser
import Logging
import Pipeline
import Stages

/// The options every `dedupe` step shares: the pipeline file, the folder the steps share, the input override and
/// logging.
struct DedupeStepOptions: ParsableArguments {
    @Argument(help: "The pipeline file (YAML).")
    var file: String

    @Option(name: .long, help: "The folder the dedupe steps share.")
    var dir: String

    @Option(name: .long, help: "Read this input instead of the file's (repeatable; give the same to every step).")
    var input: [String] = []

    @OptionGroup var logging: LoggingOptions

    /// The shared folder.
    var directory: DedupeWorkDirectory { DedupeWorkDirectory(path: dir) }

    /// Loads the pipeline and checks it can be deduplicated across shards.
    /// - Parameters:
    ///   - registry: The stage types.
    ///   - logger: Where problems are logged.
    /// - Returns: The setup.
    /// - Throws: ``PipelineExitCode/configuration`` (after logging why).
    func setUp(registry: StageRegistry, logger: Logger) throws -> CrossShardDedupeSetup {
        try CrossShardDedupeSetup(file: file, inputs: input, registry: registry, logger: logger)
    }
}
