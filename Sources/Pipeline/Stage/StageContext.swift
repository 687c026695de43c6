public import Logging

/// What a stage knows about its place in the run.
public struct StageContext: Sendable {
    /// The stage's name: its `name` in the pipeline file, or its type name.
    public var name: String
    /// The stage's type name, as written after `type:`.
    public var typeName: String
    /// The 0-based position of the stage in the pipeline.
    public var index: Int
    /// How many documents (batches of them) the stage may process at once.
    public var concurrency: Int
    /// What happens to a document whose processing throws.
    public var errorPolicy: ErrorPolicy
    /// The logger to use, with the stage's name in its metadata.
    public var logger: Logger
    /// Counters the stage may add to; they appear in the run summary and the statistics JSON.
    public var counters: StageCounters
    /// An identifier of this run (UTC timestamp and process id), for outputs that record which run wrote what.
    public var runID: String
    /// Resolves when the whole run has succeeded; stages wait on it before committing outputs.
    public var completion: RunCompletion
    /// Whether this run resumes an earlier one: stages writing files keep what the earlier run committed and add to
    /// it, rather than replacing it (see ``PipelineRunner/resumeAfter``).
    public var isResuming = false
    /// What a stage writing a file does with what earlier runs committed to it: replace it (a fresh run), add to a
    /// copy of it (`run --resume`), or append to it in place (an incremental run; see
    /// ``PipelineRunner/appendsOutputsInPlace``). Pass it to ``AtomicFileWriter/init(path:existing:)``.
    public var existingFileContent: AtomicFileWriter.ExistingContent = .replaced
    /// When set (an incremental run), an output that commits in a transaction of its own and records the ledger
    /// position (a ``LedgerRecordingStage``) writes the whole run in one transaction and hands it here instead of
    /// committing it; the run's owner commits it with the position (see ``HeldCommits``). When `nil` it commits
    /// itself.
    public var heldCommits: HeldCommits?

    /// Creates a context.
    /// - Parameters:
    ///   - name: The stage's name.
    ///   - typeName: The stage's type name.
    ///   - index: The stage's position.
    ///   - concurrency: Its parallelism bound (at least 1).
    ///   - errorPolicy: Its `on_error` policy.
    ///   - logger: Its logger.
    ///   - counters: Its counters.
    ///   - runID: The run's identifier.
    ///   - completion: The run's completion (default: a new one, which never succeeds unless the runner owns it).
    public init(
        name: String,
        typeName: String,
        index: Int = 0,
        concurrency: Int = 1,
        errorPolicy: ErrorPolicy = .fail,
        logger: Logger,
        counters: StageCounters = StageCounters(),
        runID: String = "test",
        completion: RunCompletion = RunCompletion()
    ) {
        self.completion = completion
        self.name = name
        self.typeName = typeName
        self.index = index
        self.concurrency = max(1, concurrency)
        self.errorPolicy = errorPolicy
        self.logger = logger
        self.counters = counters
        self.runID = runID
    }
}
