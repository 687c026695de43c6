public import Pipeline

/// The `dedupe` stage of `run --remove-list DIR`: applies the decisions of cross-shard deduplication instead of
/// deciding by itself.
///
/// Each document gets its ``DedupeGlobalKey`` as in the signatures step. A document in the remove list is dropped
/// (`action: drop`, reason "duplicate") or marked (`action: mark`: `duplicate_of` and `similarity`); every other
/// document gets `duplicate_of: null`, exactly as the single-machine `dedupe` stage writes it. The id recorded in the
/// list must be the document's (another id means the input changed since the signatures were made), and every entry
/// of the list that this shard reads must be met; either mismatch fails the run before any output is committed.
/// The stage neither reads nor writes the stage's `index` file.
///
/// Counters: `exact_duplicates`, `near_duplicates`, `remove_list_entries`.
///
/// # Thread safety
/// An immutable `Sendable` value; per-run state lives inside ``run(input:output:context:)``.
public struct DedupeRemoveListStage: Stage {
    /// What happens to a removed document.
    private let action: DedupeStage.Action
    /// The entries of the documents this shard reads.
    private let removeList: DedupeRemoveList
    /// Gives each document its global key (a fresh copy per run).
    private let keys: DedupeKeyAssigner
    /// A graceful stop: the input then ends early, and entries not met are not an error.
    private let shutdown: ShutdownSignal?

    /// Creates the stage.
    ///
    /// - Parameters:
    ///   - options: The options of the pipeline's `dedupe` stage (its `action` is used).
    ///   - removeList: The entries of the documents this shard reads.
    ///   - keys: The key assigner of this shard (``DedupeInputOrder/keyAssigner(shard:split:)``).
    ///   - shutdown: The run's stop signal, if any.
    public init(
        options: DedupeStage.Options,
        removeList: DedupeRemoveList,
        keys: DedupeKeyAssigner,
        shutdown: ShutdownSignal? = nil
    ) {
        action = options.action
        self.removeList = removeList
        self.keys = keys
        self.shutdown = shutdown
    }

    /// Applies the list to each document, in input order.
    public func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        var keys = self.keys
        var met = Set<DedupeGlobalKey>()
        var exact = 0
        var near = 0
        context.counters.set(removeList.count, for: "remove_list_entries")
        try await input.forEach(concurrency: 1, prepare: { _ in () }) { document, _ in
            let key = try keys.key(for: document)
            var result = document
            guard let entry = removeList[key] else {
                result.markOriginal()
                await output.emit(result)
                return
            }
            guard entry.id == document.id else {
                throw CrossShardDedupeError(
                    .inputChanged,
                    "the remove list names document \(key) '\(entry.id)', but the input holds '\(document.id)' there "
                        + "(\(document.source)); the input changed since `dedupe signatures`: run the dedupe steps again"
                )
            }
            met.insert(key)
            switch entry.kind {
            case .exact: exact += 1
            case .near: near += 1
            }
            if action == .drop {
                await output.drop(document, reason: "duplicate")
            } else {
                result.markDuplicate(of: entry.duplicateOf, similarity: entry.similarity)
                await output.emit(result)
            }
        }
        context.counters.add(exact, to: "exact_duplicates")
        context.counters.add(near, to: "near_duplicates")
        if met.count != removeList.count, shutdown?.isRequested != true {
            let missing = removeList.entries.values.filter { !met.contains($0.key) }.min { $0.key < $1.key }!
            throw CrossShardDedupeError(
                .inputChanged,
                "\(removeList.count - met.count) documents of the remove list did not reach the dedupe stage "
                    + "(first: \(missing.key) '\(missing.id)'); the input or the stages before dedupe changed since "
                    + "`dedupe signatures`: run the dedupe steps again"
            )
        }
    }
}
