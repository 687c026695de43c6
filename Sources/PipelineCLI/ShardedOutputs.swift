import Foundation
import Pipeline

/// The completion marker of a sharded run (`run --shard i/N`).
///
/// The shard's plan (``PipelinePlan/sharded(_:)``) writes every file output as the shard's part: an export to `out/news.jsonl` becomes
/// `out/news/part-00002-of-00008.jsonl`, and so do the dead letters, the statistics, the run state and the dedupe
/// index. Parts are written to a temporary name unique to the attempt (host and pid), synced and renamed, so two
/// attempts of one shard leave one correct part. The marker `_completions/00002-of-00008.json` (in the folder of the
/// dead-letter output) is written last.
struct ShardedOutputs {
    /// The shard.
    let shard: Shard
    /// The marker's path.
    let markerPath: String

    /// The tool version recorded in markers.
    static let toolVersion = "pipeline-run 0.1"

    /// Prepares the outputs of a shard of a plan.
    init(shard: Shard, plan: PipelinePlan) {
        self.shard = shard
        let deadLetter = plan.deadLetterPath
        let directory = deadLetter.lastIndex(of: "/").map { String(deadLetter[...$0]) } ?? ""
        markerPath = directory + "_completions/" + shard.markerName
    }

    /// What an existing marker says about this run.
    enum MarkerCheck: Equatable {
        /// No marker: run.
        case absent
        /// A marker for the same configuration, input and shard count: the shard is done.
        case complete
        /// A marker for something else.
        case mismatched(String)
    }

    /// Reads the marker, if any, and compares it with this run's configuration and input.
    func checkMarker(configurationHash: String, inputHash: String) -> MarkerCheck {
        guard FileManager.default.fileExists(atPath: markerPath) else { return .absent }
        guard let text = try? String(contentsOfFile: markerPath, encoding: .utf8),
            let object = (try? JSONParser().parse(text))?.objectValue
        else { return .mismatched("the marker \(markerPath) is unreadable") }
        if object["shard_count"]?.integerValue != shard.count {
            return .mismatched(
                "the marker \(markerPath) is for \(object["shard_count"]?.integerValue ?? 0) shards, not \(shard.count)"
            )
        }
        if object["configuration_hash"]?.stringValue != configurationHash {
            return .mismatched("the marker \(markerPath) was written with another configuration")
        }
        if object["input_hash"]?.stringValue != inputHash {
            return .mismatched("the marker \(markerPath) was written for another input list")
        }
        return .complete
    }

    /// Writes the marker (last, after every part has been committed).
    func writeMarker(report: RunReport, configurationHash: String, inputHash: String) throws {
        let marker = JSONValue.object([
            "pipeline": .string(report.pipeline), "shard_index": .integer(Int64(shard.index)),
            "shard_count": .integer(Int64(shard.count)), "configuration_hash": .string(configurationHash),
            "input_hash": .string(inputHash), "tool_version": .string(Self.toolVersion),
            "run_id": .string(report.runID),
            "accounting": .object([
                "in": .integer(Int64(report.inputRecords)), "written": .integer(Int64(report.written)),
                "dropped": .integer(Int64(report.droppedTotal)), "dead_lettered": .integer(Int64(report.deadLettered)),
            ]),
        ])
        let writer = try AtomicFileWriter(path: markerPath)
        try writer.write(marker.serialized() + "\n")
        try writer.commit()
    }
}
