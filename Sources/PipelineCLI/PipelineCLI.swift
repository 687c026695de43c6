import ArgumentParser
public import Pipeline

/// The `pipeline-run` command line, as a library: `pipeline-run` calls it with the built-in stages, and a custom
/// binary calls it with a registry that also holds its own stage types.
///
/// ```swift
/// // Sources/my-pipeline-run/main.swift
/// import PipelineCLI
/// import Stages
/// await PipelineCLI.main(registry: try StageRegistry.builtIn.registering(MyStage.self))
/// ```
public enum PipelineCLI {
    /// Parses the command line, runs the command, and exits the process with the command's exit code.
    ///
    /// Exit codes: 0 success; 1 invalid configuration (pipeline file, input paths); 2 the run failed (a stage
    /// failed under `on_error: fail`, an output could not be written); 64 invalid command-line usage;
    /// 130 / 143 the run was interrupted by SIGINT / SIGTERM (outputs hold the documents finished before the stop).
    /// - Parameters:
    ///   - registry: The stage types pipeline files may use.
    ///   - arguments: The arguments, without the program name (default: the process's).
    public static func main(registry: StageRegistry, arguments: [String]? = nil) async -> Never {
        do {
            var command = try PipelineCommand.parseAsRoot(arguments)
            if let command = command as? any RegistryCommand {
                try await command.run(registry: registry)
            } else if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            PipelineCommand.exit()
        } catch {
            PipelineCommand.exit(withError: error)
        }
    }
}

/// A subcommand that needs the stage registry.
protocol RegistryCommand: ParsableCommand {
    /// Runs the command with the registry.
    func run(registry: StageRegistry) async throws
}

/// The root command: `pipeline-run <subcommand>`.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline-run",
        abstract: "Turns raw news text into clean, deduplicated, annotated records, as a YAML pipeline declares.",
        discussion: """
            Exit codes: 0 success; 1 invalid configuration; 2 a document failed under on_error: fail; 64 usage \
            error; 70 internal error (accounting mismatch); 75 transient failure (I/O, disk full: retry); 130/143 \
            interrupted by SIGINT/SIGTERM after a graceful stop.
            """,
        subcommands: [
            RunCommand.self, ValidateCommand.self, StagesCommand.self, TestCommand.self, PlanCommand.self,
            MergeStatsCommand.self, StreamCommand.self, WatchCommand.self, DedupeCommand.self,
        ]
    )
}

/// The process exit codes `pipeline-run` uses.
///
/// Permanent failures (configuration, usage, bad input under `on_error: fail`) are kept apart from transient ones
/// (I/O) and from internal errors, so a scheduler can decide whether a retry can help: a Kubernetes
/// `podFailurePolicy` can fail the index on 1, 2, 64 and 70, and Slurm or Spark drivers retry on 75.
enum PipelineExitCode {
    /// The pipeline file, the input paths or the state are invalid, or an output path cannot be used as configured
    /// (permission denied, a folder in the way, an index file of another format): permanent.
    static let configuration = ExitCode(1)
    /// A document failed in a stage whose `on_error` is `fail`, or unreadable input under `input.on_invalid: fail`
    /// (permanent for this input).
    static let badInput = ExitCode(2)
    /// An internal error: an accounting mismatch, a stage breaking its contract, an unexpected failure (a bug).
    static let internalError = ExitCode(70)
    /// A transient failure, mostly I/O: a full disk, an I/O error, a database locked elsewhere; retrying may succeed.
    static let transient = ExitCode(75)

    /// The exit code for a run that failed with an error.
    static func forFailure(_ error: any Error) -> ExitCode {
        switch error {
        case is StageFailure: return badInput
        case let error as any RetryableError: return error.isTransient ? transient : configuration
        default: return internalError
        }
    }

    /// The conventional exit code for a run stopped by a signal.
    static func interrupted(by reason: String) -> ExitCode {
        reason == "SIGTERM" ? ExitCode(143) : ExitCode(130)
    }
}
