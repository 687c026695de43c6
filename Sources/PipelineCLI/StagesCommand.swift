import ArgumentParser
import Pipeline

/// `pipeline-run stages`: lists the stage types and their options.
struct StagesCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the stage types a pipeline may use, with their options, types, defaults and descriptions.",
        discussion: """
            With --json-schema, prints a JSON Schema (draft 2020-12) of pipeline files instead, for editors: \
            pipeline-run stages --json-schema > pipeline.schema.json
            """
    )

    @Flag(name: .long, help: "Print a JSON Schema (draft 2020-12) of pipeline files, for editors.")
    var jsonSchema = false

    func run() async throws {
        throw ValidationError("internal error: stages needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        if jsonSchema {
            print(PipelineJSONSchema(registry: registry).prettyPrinted)
        } else {
            print(StagesCommand.describe(registry))
        }
    }

    /// The text `pipeline-run stages` prints.
    static func describe(_ registry: StageRegistry) -> String {
        var lines: [String] = []
        func section(_ title: String, _ summary: String, _ options: [OptionDocumentation]) {
            lines.append(title)
            lines.append("  \(summary)")
            for option in options {
                lines.append("    " + option.summaryLine)
                lines.append("        \(option.help)")
            }
            lines.append("")
        }
        section("input:", "What to read.", InputOptions.documentation)
        section("output:", "Where side outputs go.", OutputOptions.documentation)
        section("- every stage:", "Keys every stage entry takes besides its own.", StageEntryOptions.documentation)
        for entry in registry.types {
            section("- type: \(entry.typeName)", entry.summary, entry.options)
        }
        return lines.joined(separator: "\n")
    }
}
