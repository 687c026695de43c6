public import Pipeline
import Synchronization

/// The last stage of `pipeline-run dedupe signatures`: computes the signature of every document that survived the
/// stages before the pipeline's `dedupe` stage and writes the shard's signature and band files.
///
/// Signatures are computed in parallel and written in input order, each under the document's ``DedupeGlobalKey``.
/// Documents are passed on unchanged (the run writes nothing else). The files are committed only once the whole run
/// has succeeded (see ``RunCompletion``); a failed run leaves the previous files.
///
/// Counters: `signatures`, `empty_signatures`, `band_entries`; the content hash of the files is logged.
///
/// # Thread safety
/// An immutable `Sendable` value; the writer lives inside ``run(input:output:context:)``.
public struct DedupeSignatureStage: Stage {
    /// The deduplicator of the pipeline's `dedupe` stage.
    private let deduplicator: Deduplicator
    /// The shared folder.
    private let directory: DedupeWorkDirectory
    /// The shard this run handles.
    private let shard: Shard
    /// Gives each document its global key (a fresh copy per run).
    private let keys: DedupeKeyAssigner
    /// Receives what the run committed.
    private let result: Result

    /// Creates the stage.
    ///
    /// - Parameters:
    ///   - options: The options of the pipeline's `dedupe` stage.
    ///   - directory: The shared folder (`--dir`).
    ///   - shard: The shard this run handles.
    ///   - order: The single-machine input list.
    ///   - split: How the input is split (`input.split`).
    ///   - result: Receives what the run committed (default: a box nobody reads).
    public init(
        options: DedupeStage.Options,
        directory: DedupeWorkDirectory,
        shard: Shard,
        order: DedupeInputOrder,
        split: InputOptions.Split,
        result: Result = Result()
    ) {
        self.result = result
        deduplicator = Deduplicator(stageOptions: options)
        self.directory = directory
        self.shard = shard
        keys = order.keyAssigner(shard: shard, split: split)
    }

    /// Signs each document, in input order, and commits the files when the run succeeds.
    public func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        let writer = try DedupeSignatureFileWriter(directory: directory, shard: shard, deduplicator: deduplicator)
        do {
            var keys = self.keys
            let deduplicator = self.deduplicator
            try await input.forEach(concurrency: context.concurrency, prepare: { deduplicator.signature(of: $0.text) })
            { document, signature in
                try writer.append(key: try keys.key(for: document), id: document.id, signature: signature)
                await output.emit(document)
            }
            await output.close()
            try await context.completion.waitForSuccess()
            let summary = try writer.commit()
            result.summary = summary
            context.counters.set(summary.documents, for: "signatures")
            context.counters.set(summary.emptySignatures, for: "empty_signatures")
            context.counters.set(summary.bandEntries, for: "band_entries")
            context.logger.info(
                "signatures written",
                metadata: ["documents": "\(summary.documents)", "content_hash": "\(summary.contentHash)"]
            )
        } catch {
            writer.discard()
            throw error
        }
    }

    /// What a run of the stage committed, for the command that writes the completion marker.
    ///
    /// # Thread safety
    /// A `Sendable` box whose value is guarded by a `Mutex`.
    public final class Result: Sendable {
        private let state = Mutex<DedupeSignatureSummary?>(nil)

        /// Creates an empty box.
        public init() {}

        /// What was committed, or `nil` before the files are committed.
        public internal(set) var summary: DedupeSignatureSummary? {
            get { state.withLock { $0 } }
            set { state.withLock { $0 = newValue } }
        }
    }
}
