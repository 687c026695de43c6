import ArgumentParser
import Pipeline

/// `pipeline-run validate FILE`: checks a pipeline file without running it.
struct ValidateCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file and print every configuration error with its position.",
        discussion: "Exits 0 when the file is valid, 1 when it has errors."
    )

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    func run() async throws {
        throw ValidationError("internal error: validate needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        do {
            let plan = try PipelineLoader(registry: registry).load(contentsOf: file)
            print(
                "\(file): valid pipeline '\(plan.name)' with \(plan.stages.count) stages: \(plan.stages.map(\.name).joined(separator: " → "))"
            )
        } catch {
            StandardError.writeLine(error.description)
            let count = error.errors.count
            StandardError.writeLine("\(count) error\(count == 1 ? "" : "s") in \(file)")
            throw PipelineExitCode.configuration
        }
    }
}
