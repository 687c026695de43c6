import ArgumentParser
import Foundation
import Pipeline

/// `pipeline-run plan FILE --shards N`: which files each shard reads, and which shards are not complete yet.
struct PlanCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the shard → files table of a sharded run and the shards without a completion marker.",
        discussion: "With --gc, also remove the temporary files that attempts of completed shards left behind."
    )

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    @Option(name: .long, help: "The number of shards.")
    var shards: Int

    @Option(name: .long, help: "Read this input instead of the file's (repeatable).")
    var input: [String] = []

    @Flag(help: "Remove temporary files left by attempts of completed shards.")
    var gc = false

    func validate() throws {
        guard (1...100_000).contains(shards) else { throw ValidationError("--shards must be between 1 and 100000") }
    }

    func run() async throws {
        throw ValidationError("internal error: plan needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        let plan = try CommandPlan.load(file: file, registry: registry, inputs: input)
        let state = try ResumeState(plan: plan, pipelineFile: file, overrides: input + ["", ""])
        var incomplete: [Int] = []
        for index in 0..<shards {
            let shard = try Shard(index: index, count: shards)
            var expander = InputExpander(options: plan.input, formats: plan.inputFormats)
            expander.shard = shard
            let files = try expander.expand().files
            let outputs = ShardedOutputs(shard: shard, plan: plan)
            let status: String
            switch outputs.checkMarker(configurationHash: state.configurationHash, inputHash: state.inputHash) {
            case .complete:
                status = "complete"
                if gc { removeTemporaryFiles(of: plan.sharded(shard)) }
            case .absent:
                status = "incomplete"
                incomplete.append(index)
            case .mismatched(let reason):
                status = "stale marker (\(reason))"
                incomplete.append(index)
            }
            let assigned =
                plan.input.split == .record
                ? "every file, records by id hash"
                : (files.isEmpty ? "no file" : files.map(\.path).joined(separator: ", "))
            print("shard \(shard): \(status): \(assigned)")
        }
        print(
            incomplete.isEmpty
                ? "all \(shards) shards complete"
                : "incomplete shards: \(incomplete.map(String.init).joined(separator: " "))"
        )
    }

    /// Removes `<part>.tmp-*` files next to a completed shard's parts.
    private func removeTemporaryFiles(of plan: PipelinePlan) {
        let parts =
            [plan.deadLetterPath, plan.statePath] + plan.fileOutputs.filter { !$0.isStandardOutput }.map(\.path)
        for part in parts {
            let directory = (part as NSString).deletingLastPathComponent
            let name = (part as NSString).lastPathComponent
            let entries =
                (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
            for entry in entries where entry.hasPrefix(name + ".tmp-") {
                try? FileManager.default.removeItem(atPath: (directory.isEmpty ? "" : directory + "/") + entry)
                print("removed \(entry)")
            }
        }
    }
}
