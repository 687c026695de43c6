import Logging
import Pipeline
import Stages

/// What the `dedupe buckets` and `dedupe cluster` steps both start from: the pipeline's setup, the completed
/// signatures step, the persistent index, and the identity every buckets marker carries.
struct DedupeMergeInputs {
    /// The pipeline, its `dedupe` stage and the hashes of its configuration and input.
    let setup: CrossShardDedupeSetup
    /// The number of signature shards and their markers, in shard order.
    let signatures: (count: Int, markers: [DedupeCompletionMarker])
    /// The persistent index of earlier runs, if any.
    let persistentIndex: DedupePersistentIndex?
    /// The identity of the buckets step, apart from its task: the setup's, the shard count, the index's
    /// fingerprint and the hash of the signatures markers.
    let bucketIdentity: [String: JSONValue]

    /// Loads the pipeline, checks that every signatures shard completed for it, and opens the index.
    ///
    /// - Parameters:
    ///   - step: The options every step shares.
    ///   - indexOptions: `--index` and `--no-index`.
    ///   - registry: The stage types.
    ///   - logger: Where problems are logged.
    /// - Throws: ``PipelineExitCode/configuration`` (after logging why) when the pipeline cannot be deduplicated
    ///   across shards, the signatures step is incomplete or stale, or the index cannot be used.
    init(
        step: DedupeStepOptions,
        indexOptions: DedupeIndexOptions,
        registry: StageRegistry,
        logger: Logger
    ) throws {
        setup = try step.setUp(registry: registry, logger: logger)
        signatures = try CrossShardDedupeSetup.completedParts(
            of: "signatures",
            in: step.directory,
            identity: setup.baseIdentity,
            logger: logger
        )
        persistentIndex = try indexOptions.open(for: setup.options, logger: logger)
        var identity = setup.baseIdentity
        identity["shard_count"] = .integer(Int64(signatures.count))
        identity["index"] = persistentIndex.map { .string($0.fingerprint) } ?? .null
        identity["upstream"] = .string(DedupeCompletionMarker.upstreamHash(of: signatures.markers))
        bucketIdentity = identity
    }
}
