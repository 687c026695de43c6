import ArgumentParser
import Foundation
import Pipeline

/// Works out which shard this process is, from the command line and the environment that batch systems set.
///
/// In order: `--shard i/N`; `PIPELINE_SHARD=i/N`; `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job) with
/// `PIPELINE_SHARD_COUNT`; `SLURM_ARRAY_TASK_ID` (plus `PIPELINE_SHARD_OFFSET`) with `PIPELINE_SHARD_COUNT`, or with
/// `SLURM_ARRAY_TASK_COUNT` only when the array is exactly `0..COUNT-1`; otherwise `0/1`. Every source present must
/// agree: a resubmitted `--array=2` runs shard 2 of N, never the whole input.
struct ShardResolver {
    /// A shard and where it came from.
    struct Resolution: Equatable {
        /// The shard.
        var shard: Shard
        /// The source that decided, e.g. "--shard", "PIPELINE_SHARD", "SLURM_ARRAY_TASK_ID".
        var source: String
    }

    /// Why the shard cannot be determined.
    struct Failure: Error, Equatable, CustomStringConvertible {
        /// What is wrong.
        var description: String
    }

    /// The environment to read.
    var environment: [String: String]

    /// Resolves the shard of this process from its `--shard` flag and its environment, as a command's flag check.
    /// - Parameter flag: The `--shard` value, if given.
    /// - Returns: The shard and its source.
    /// - Throws: `ValidationError` saying why the sources are incomplete or disagree.
    static func resolveForThisProcess(flag: String?) throws -> Resolution {
        do {
            return try ShardResolver(environment: ProcessInfo.processInfo.environment).resolve(flag: flag)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Resolves the shard.
    /// - Parameter flag: The `--shard` value, if given.
    /// - Returns: The shard and its source.
    /// - Throws: ``Failure`` for a missing count, an out-of-range index, or sources that disagree.
    func resolve(flag: String?) throws(Failure) -> Resolution {
        var candidates: [Resolution] = []
        func shard(_ index: Int, _ count: Int, _ source: String) throws(Failure) -> Resolution {
            do {
                return Resolution(shard: try Shard(index: index, count: count), source: source)
            } catch {
                throw Failure(description: "\(source): \(error.description)")
            }
        }
        func integer(_ name: String) throws(Failure) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw Failure(description: "\(name) must be an integer, found \"\(text)\"")
            }
            return value
        }
        if let flag {
            do {
                candidates.append(Resolution(shard: try Shard(parsing: flag), source: "--shard"))
            } catch {
                throw Failure(description: "--shard: \(error.description)")
            }
        }
        if let text = environment["PIPELINE_SHARD"], !text.isEmpty {
            do {
                candidates.append(Resolution(shard: try Shard(parsing: text), source: "PIPELINE_SHARD"))
            } catch {
                throw Failure(description: "PIPELINE_SHARD: \(error.description)")
            }
        }
        let count = try integer("PIPELINE_SHARD_COUNT")
        if let index = try integer("JOB_COMPLETION_INDEX") {
            guard let count else {
                throw Failure(
                    description:
                        "JOB_COMPLETION_INDEX is set but PIPELINE_SHARD_COUNT is not: set it to the job's completions"
                )
            }
            candidates.append(try shard(index, count, "JOB_COMPLETION_INDEX"))
        }
        if let task = try integer("SLURM_ARRAY_TASK_ID") {
            let offset = try integer("PIPELINE_SHARD_OFFSET") ?? 0
            if let count {
                candidates.append(try shard(task - offset, count, "SLURM_ARRAY_TASK_ID"))
            } else if let arrayCount = try integer("SLURM_ARRAY_TASK_COUNT"), try integer("SLURM_ARRAY_TASK_MIN") == 0,
                try integer("SLURM_ARRAY_TASK_MAX") == arrayCount - 1, offset == 0
            {
                candidates.append(try shard(task, arrayCount, "SLURM_ARRAY_TASK_ID"))
            } else {
                throw Failure(
                    description: "SLURM_ARRAY_TASK_ID is set but the shard count is unknown: set PIPELINE_SHARD_COUNT "
                        + "(SLURM_ARRAY_TASK_COUNT is used only for an array that is exactly 0..COUNT-1)"
                )
            }
        }
        guard let first = candidates.first else { return Resolution(shard: .whole, source: "default") }
        for other in candidates.dropFirst() where other.shard != first.shard {
            throw Failure(
                description: "\(first.source) says shard \(first.shard) but \(other.source) says \(other.shard); "
                    + "remove one or make them agree"
            )
        }
        return first
    }
}
