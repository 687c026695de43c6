import ArgumentParser
public import Pipeline

/// The `pipeline-run` command line, as a library: `pipeline-run` calls it with the built-in stages, and a custom
/// binary calls it with a registry that also holds its own stage types.
///
/// ```swift
/// // Sources/my-pipeline-run/main.swift
/// import PipelineCLI
/// import Stages
/// await PipelineCLI.main(registry: StageRegistry.builtIn.registering(MyStage.self))
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
            Exit codes: 0 success; 1 invalid configuration; 2 the run failed; 64 usage error;
            130/143 interrupted by SIGINT/SIGTERM after a graceful stop.
            """,
        subcommands: [
            RunCommand.self, ValidateCommand.self, StagesCommand.self, TestCommand.self, PlanCommand.self,
            MergeStatsCommand.self, StreamCommand.self,
        ]
    )
}

/// The process exit codes `pipeline-run` uses.
enum PipelineExitCode {
    /// The pipeline file or input paths are invalid.
    static let configuration = ExitCode(1)
    /// The run failed.
    static let runFailed = ExitCode(2)

    /// The conventional exit code for a run stopped by a signal.
    static func interrupted(by reason: String) -> ExitCode {
        reason == "SIGTERM" ? ExitCode(143) : ExitCode(130)
    }
}
