import ArgumentParser
import Foundation
import Pipeline

/// `pipeline-run merge-stats DIR`: sums the statistics parts of a sharded run.
struct MergeStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-stats",
        abstract: "Sum the per-shard statistics files (part-*-of-*.json) of a folder into one JSON object."
    )

    @Argument(help: "The folder holding the statistics parts.")
    var directory: String

    func run() throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("part-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            StandardError.writeLine("no statistics parts (part-*-of-*.json) in \(directory)")
            throw PipelineExitCode.configuration
        }
        var totals: [String: Int] = [:]
        var dropped: [String: Int] = [:]
        var wall = 0.0
        var cpu = 0.0
        var stages: [String: [String: Int]] = [:]
        var stageOrder: [String] = []
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            guard let object = (try? JSONParser().parse(text))?.objectValue else {
                StandardError.writeLine("\(directory)/\(name) is not a statistics file")
                throw PipelineExitCode.configuration
            }
            for key in ["written", "dead_lettered"] { totals[key, default: 0] += object[key]?.integerValue ?? 0 }
            totals["input_records", default: 0] += object["input"]?.objectValue?["records"]?.integerValue ?? 0
            totals["input_bytes", default: 0] += object["input"]?.objectValue?["bytes"]?.integerValue ?? 0
            for (reason, count) in object["dropped"]?.objectValue?["by_reason"]?.objectValue ?? [:] {
                dropped[reason, default: 0] += count.integerValue ?? 0
            }
            wall = max(wall, object["wall_seconds"]?.doubleValue ?? 0)
            cpu += object["cpu_seconds"]?.doubleValue ?? 0
            for stage in object["stages"]?.arrayValue ?? [] {
                guard let members = stage.objectValue, let stageName = members["name"]?.stringValue else { continue }
                if stages[stageName] == nil { stageOrder.append(stageName) }
                for key in ["documents_in", "documents_out", "failed", "dead_lettered", "bytes_in"] {
                    stages[stageName, default: [:]][key, default: 0] += members[key]?.integerValue ?? 0
                }
            }
        }
        let droppedTotal = dropped.values.reduce(0, +)
        let balanced =
            totals["input_records", default: 0]
            == totals["written", default: 0] + droppedTotal + totals["dead_lettered", default: 0]
        let merged = JSONValue.object([
            "parts": .integer(Int64(names.count)),
            "input": .object([
                "records": .integer(Int64(totals["input_records", default: 0])),
                "bytes": .integer(Int64(totals["input_bytes", default: 0])),
            ]),
            "written": .integer(Int64(totals["written", default: 0])),
            "dropped": .object([
                "total": .integer(Int64(droppedTotal)), "by_reason": .object(dropped.mapValues { .integer(Int64($0)) }),
            ]),
            "dead_lettered": .integer(Int64(totals["dead_lettered", default: 0])),
            "balanced": .bool(balanced),
            "longest_wall_seconds": .double(wall),
            "cpu_seconds": .double((cpu * 1000).rounded() / 1000),
            "stages": .array(
                stageOrder.map { name in
                    var members = stages[name, default: [:]].mapValues { JSONValue.integer(Int64($0)) }
                    members["name"] = .string(name)
                    return .object(members)
                }
            ),
        ])
        print(merged.serialized())
        if !balanced { throw PipelineExitCode.internalError }
    }
}
