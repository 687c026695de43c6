public import Pipeline

/// A `dedupe` stage of a plan, as cross-shard deduplication sees it: where it is and the options every step signs
/// and decides with.
///
/// Cross-shard deduplication (`pipeline-run dedupe signatures|buckets|cluster`, `run --remove-list`) works on the
/// plan's one `dedupe` stage: the signatures step runs the stages before it and replaces it with a
/// ``DedupeSignatureStage``; `run --remove-list` replaces it with a ``DedupeRemoveListStage``. This is the one
/// place that looks for it, so the rest of the tool never asks a plan for a concrete stage type.
public struct CrossShardDedupeTarget: Sendable {
    /// The stage's position in the plan's stages.
    public let position: Int
    /// Its options.
    public let options: DedupeStage.Options

    /// The plan's `dedupe` stages, in order (cross-shard deduplication supports exactly one).
    /// - Parameter plan: The plan.
    /// - Returns: Each dedupe stage's position and options.
    public static func all(in plan: PipelinePlan) -> [CrossShardDedupeTarget] {
        plan.stages.indices.compactMap { position in
            (plan.stages[position].stage as? DedupeStage).map {
                CrossShardDedupeTarget(position: position, options: $0.options)
            }
        }
    }
}
