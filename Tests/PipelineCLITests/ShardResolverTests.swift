import Pipeline
import Testing

@testable import PipelineCLI

/// Which shard a process is, case by case, from flags and the environment of batch systems.
@Suite struct ShardResolverTests {
    func resolve(_ flag: String?, _ environment: [String: String]) -> String {
        do {
            let resolution = try ShardResolver(environment: environment).resolve(flag: flag)
            return "\(resolution.shard) from \(resolution.source)"
        } catch {
            return "error: \(error.description)"
        }
    }

    @Test func eachSourceInItsOrder() {
        #expect(resolve(nil, [:]) == "0/1 from default")
        #expect(resolve("2/8", [:]) == "2/8 from --shard")
        #expect(resolve(nil, ["PIPELINE_SHARD": "3/4"]) == "3/4 from PIPELINE_SHARD")
        #expect(
            resolve(nil, ["JOB_COMPLETION_INDEX": "5", "PIPELINE_SHARD_COUNT": "6"]) == "5/6 from JOB_COMPLETION_INDEX"
        )
        #expect(
            resolve(nil, ["SLURM_ARRAY_TASK_ID": "2", "PIPELINE_SHARD_COUNT": "4"]) == "2/4 from SLURM_ARRAY_TASK_ID"
        )
        #expect(
            resolve(nil, ["SLURM_ARRAY_TASK_ID": "12", "PIPELINE_SHARD_OFFSET": "10", "PIPELINE_SHARD_COUNT": "4"])
                == "2/4 from SLURM_ARRAY_TASK_ID"
        )
        #expect(
            resolve(
                nil,
                [
                    "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0",
                    "SLURM_ARRAY_TASK_MAX": "2",
                ]
            ) == "1/3 from SLURM_ARRAY_TASK_ID"
        )
        #expect(resolve("1/2", ["PIPELINE_SHARD": "1/2"]) == "1/2 from --shard")
    }

    @Test func aResubmittedArrayTaskNeverRunsTheWholeInput() {
        // sbatch --array=2 resubmitted alone: COUNT is 1 and MIN/MAX are 2, so the count must come from the user.
        #expect(
            resolve(
                nil,
                [
                    "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "1", "SLURM_ARRAY_TASK_MIN": "2",
                    "SLURM_ARRAY_TASK_MAX": "2",
                ]
            )
                == "error: SLURM_ARRAY_TASK_ID is set but the shard count is unknown: set PIPELINE_SHARD_COUNT "
                + "(SLURM_ARRAY_TASK_COUNT is used only for an array that is exactly 0..COUNT-1)"
        )
    }

    @Test func missingCountsOutOfRangeIndexesAndDisagreementsAreErrors() {
        #expect(
            resolve(nil, ["JOB_COMPLETION_INDEX": "0"])
                == "error: JOB_COMPLETION_INDEX is set but PIPELINE_SHARD_COUNT is not: set it to the job's completions"
        )
        #expect(resolve("4/4", [:]) == "error: --shard: shard index 4 is out of range for 4 shards (0...3)")
        #expect(resolve("x", [:]) == "error: --shard: expected a shard as i/N (for example 2/8), found \"x\"")
        #expect(
            resolve("1/4", ["PIPELINE_SHARD": "2/4"])
                == "error: --shard says shard 1/4 but PIPELINE_SHARD says 2/4; remove one or make them agree"
        )
        #expect(
            resolve(nil, ["JOB_COMPLETION_INDEX": "7", "PIPELINE_SHARD_COUNT": "4"])
                == "error: JOB_COMPLETION_INDEX: shard index 7 is out of range for 4 shards (0...3)"
        )
    }

    @Test func partPathsAndMarkers() async throws {
        let shard = try Shard(index: 2, count: 8)
        #expect(shard.partPath(for: "out/news.jsonl") == "out/news/part-00002-of-00008.jsonl")
        #expect(shard.partPath(for: "news.db") == "news/part-00002-of-00008.db")
        #expect(shard.partPath(for: "-") == "-")
        #expect(shard.markerName == "00002-of-00008.json")
        #expect(Shard.whole.partPath(for: "out/news.jsonl") == "out/news.jsonl")
    }
}
