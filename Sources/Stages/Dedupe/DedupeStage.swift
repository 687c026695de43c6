public import Pipeline

/// Finds exact and near-duplicate documents, keeping the first of each group in input order.
///
/// Exact duplicates share a hash of their normalised words; near duplicates share enough MinHash values of their
/// word shingles (found through LSH bands, then verified against `threshold`). Signatures are computed in
/// parallel; decisions are made in input order, so results never depend on concurrency.
///
/// ```yaml
/// - type: dedupe
///   action: mark        # mark: keep all, set duplicate_of/similarity | drop: remove duplicates
///   threshold: 0.33     # estimated Jaccard similarity of 5-word shingle sets
///   index: out/dedupe.sqlite   # optional: remember kept documents across runs
/// ```
/// Writes `duplicate_of` (the id of the kept document, or `null`) and, for duplicates, `similarity` (1.0 for exact).
/// A document that matches an indexed document with its own id (a rerun of the same input) is not its own
/// duplicate, so rerunning a finished run gives the same output.
public struct DedupeStage: ConfigurableStage {
    /// What happens to a duplicate.
    public enum Action: String, Sendable, ConfigurationEnum {
        /// Keep it, with `duplicate_of` and `similarity` set.
        case mark
        /// Remove it (counted as dropped, reason "duplicate").
        case drop
    }

    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        /// What happens to a duplicate.
        public var action: Action = .mark
        /// An SQLite file remembering kept documents across runs, or `nil`.
        public var index: String?
        /// The deduplicator's configuration; the defaults of `threshold`, `shingle_size` and `permutations` live there.
        var configuration = DedupeConfiguration()

        /// Estimated Jaccard similarity at or above which a document is a near duplicate.
        public var threshold: Double {
            get { configuration.threshold }
            set { configuration.threshold = newValue }
        }
        /// Words per shingle.
        public var shingleSize: Int {
            get { configuration.shingleSize }
            set { configuration.shingleSize = newValue }
        }
        /// MinHash permutations (signature length).
        public var permutations: Int {
            get { configuration.permutationCount }
            set { configuration.permutationCount = newValue }
        }

        /// Creates options with the defaults.
        public init() {}

        /// The options.
        public static let declarations: [OptionDeclaration<Self>] = [
            .option(
                "action",
                \.action,
                help: "mark: keep duplicates with duplicate_of and similarity; drop: remove them."
            ),
            .option(
                "threshold",
                \.configuration.threshold,
                in: 0.05...1.0,
                help: "Estimated Jaccard similarity of shingle sets at which a document is a near duplicate."
            ),
            .option("shingle_size", \.configuration.shingleSize, in: 1...64, help: "Words per shingle."),
            .option("permutations", \.configuration.permutationCount, in: 16...1024, help: "MinHash signature length."),
            .option(
                "index",
                \.index,
                help: "SQLite file remembering kept documents, so later runs drop re-runs of them."
            ),
        ]
    }

    /// `dedupe`.
    public static let typeName = "dedupe"
    /// What the stage does.
    public static let summary =
        "Marks or drops exact and near-duplicate documents (MinHash LSH), first one kept. Compares the documents of "
        + "one run: in `stream` mode within that stream (one pipe or partition), with `run --shard` within the shard; "
        + "across shards use `pipeline-run dedupe signatures|buckets|cluster` and `run --remove-list`."

    /// The options.
    public let options: Options
    private let deduplicator: Deduplicator

    /// Creates the stage.
    /// - Parameter options: The options.
    public init(options: Options) {
        self.options = options
        self.deduplicator = Deduplicator(
            configuration: DedupeConfiguration(
                threshold: options.threshold,
                shingleSize: options.shingleSize,
                permutationCount: options.permutations
            )
        )
    }

    /// Checks that the index file can be opened and matches the signature format.
    public func prepare(context: StageContext) async throws {
        guard let path = options.index else { return }
        try AtomicFileWriter.createParentDirectory(of: path)
        _ = try DedupeIndexStore(path: path, configuration: deduplicator.configuration)
    }

    /// Decides for each document, in input order.
    public func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        let index = deduplicator.makeIndex()
        let store = try options.index.map { try DedupeIndexStore(path: $0, configuration: deduplicator.configuration) }
        do {
            if let store {
                let loaded = try store.load(into: index)
                context.counters.set(loaded, for: "index_loaded")
                try store.begin(runID: context.runID)
            }
            var exact = 0
            var near = 0
            let deduplicator = self.deduplicator
            try await input.forEach(concurrency: context.concurrency, prepare: { deduplicator.signature(of: $0.text) })
            {
                document,
                signature in
                let decision = index.decide(id: document.id, signature: signature)
                var result = document
                switch decision.kind {
                case .kept:
                    try store?.insert(id: document.id, signature: signature)
                    result.markOriginal()
                    await output.emit(result)
                    return
                case _ where decision.duplicateOf == document.id:
                    // The same document again (a rerun, or an id repeated in the input): not a duplicate of itself.
                    context.counters.add(to: "seen_before")
                    result.markOriginal()
                    await output.emit(result)
                    return
                case .exactDuplicate: exact += 1
                case .nearDuplicate: near += 1
                }
                if options.action == .drop {
                    await output.drop(document, reason: "duplicate")
                } else {
                    result.markDuplicate(of: decision.duplicateOf, similarity: decision.similarity ?? 1)
                    await output.emit(result)
                }
            }
            context.counters.add(exact, to: "exact_duplicates")
            context.counters.add(near, to: "near_duplicates")
            context.counters.set(index.count, for: "index_size")
            await output.close()
            try await context.completion.waitForSuccess()
            try store?.commit()
        } catch {
            store?.rollback()
            throw error
        }
    }
}
