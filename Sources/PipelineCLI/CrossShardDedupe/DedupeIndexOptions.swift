import ArgumentParser
import Logging
import Pipeline
import Stages

/// `--index` and `--no-index` of the buckets and cluster steps.
///
/// A pipeline whose `dedupe` stage names an `index` deduplicates against it on one machine; the steps do so only
/// when given `--index` (the stage's file, or the merged index of earlier runs), so without it they refuse rather
/// than silently give another result, unless `--no-index` says to ignore it.
struct DedupeIndexOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "A persistent dedupe index (SQLite) of earlier runs to deduplicate against (cluster: the one buckets merged)."
    )
    var index: String?

    @Flag(
        name: .customLong("no-index"),
        help: "Ignore the index the pipeline's dedupe stage names (otherwise --index is required when it names one)."
    )
    var noIndex = false

    /// Opens the index, if any.
    ///
    /// - Parameters:
    ///   - options: The dedupe stage's options.
    ///   - logger: Where problems are logged.
    /// - Returns: The index, or `nil` when none was given.
    /// - Throws: ``PipelineExitCode/configuration`` when the index cannot be used or is needed and missing.
    func open(for options: DedupeStage.Options, logger: Logger) throws -> DedupePersistentIndex? {
        if index != nil, noIndex {
            logger.error("--index and --no-index exclude each other")
            throw PipelineExitCode.configuration
        }
        if index == nil, !noIndex, let stageIndex = options.index {
            logger.error(
                """
                the pipeline's dedupe stage deduplicates against the index \(stageIndex): pass --index \(stageIndex) \
                (or the merged index of earlier runs) so the steps do the same, or --no-index to ignore it
                """
            )
            throw PipelineExitCode.configuration
        }
        guard let index else { return nil }
        do {
            return try DedupePersistentIndex(path: index, options: options)
        } catch {
            logger.error("cannot use the dedupe index: \(error)")
            throw PipelineExitCode.configuration
        }
    }
}
