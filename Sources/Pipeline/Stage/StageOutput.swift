import AsyncAlgorithms

/// Where a stage sends each document it received: on to the next stage, dropped, or failed.
///
/// Sending suspends when the next stage is busy (back-pressure), so a fast stage never runs far ahead of a slow one.
///
/// # Thread safety
/// Owned by the stage's task; do not share it with other tasks.
public final class StageOutput {
    private let channel: AsyncChannel<DocumentBatch>
    private let limit: BatchLimit
    private let statistics: StageStatisticsRecorder
    private let context: StageContext
    private var pending: [DocumentBatch.Entry] = []
    private var pendingBytes = 0
    private var waited: Duration = .zero
    private var closed = false

    init(
        channel: AsyncChannel<DocumentBatch>,
        limit: BatchLimit,
        statistics: StageStatisticsRecorder,
        context: StageContext
    ) {
        self.channel = channel
        self.limit = limit
        self.statistics = statistics
        self.context = context
    }

    /// Passes a document on to the next stage.
    /// - Parameter document: The document.
    public func emit(_ document: Document) async {
        statistics.update { $0.documentsOut += 1 }
        pendingBytes += document.byteCount
        await append(.document(document))
    }

    /// Removes a document from the stream and counts it under `reason`.
    /// - Parameters:
    ///   - document: The document.
    ///   - reason: Why, in a few words ("duplicate", "too short").
    public func drop(_ document: Document, reason: String) async {
        statistics.update { $0.dropped[reason, default: 0] += 1 }
        let removed = RemovedDocument(
            id: document.id,
            source: document.source,
            stage: context.name,
            disposition: .dropped(reason: reason),
            document: nil
        )
        await append(.removed(removed))
    }

    /// Handles a document whose processing failed, following the stage's `on_error` policy.
    /// - Parameters:
    ///   - document: The document as the stage received it.
    ///   - error: What went wrong.
    /// - Throws: ``StageFailure`` under `on_error: fail`.
    public func fail(_ document: Document, error: any Error) async throws {
        guard let removed = try StageOutput.removal(of: document, error: error, context: context) else { return }
        statistics.update {
            $0.failed += 1
            switch removed.disposition {
            case .dropped(let reason): $0.dropped[reason, default: 0] += 1
            case .deadLettered: $0.deadLettered += 1
            }
        }
        await append(.removed(removed))
    }

    /// What `on_error` makes of a failed document: a removal record, or a thrown ``StageFailure``.
    static func removal(of document: Document, error: any Error, context: StageContext) throws -> RemovedDocument? {
        let message = StageFailure.describe(error)
        switch context.errorPolicy {
        case .fail:
            throw StageFailure(stage: context.name, documentID: document.id, source: document.source, message: message)
        case .skip:
            context.logger.warning(
                "skipped a document after an error",
                metadata: ["document": "\(document.id)", "error": "\(message)"]
            )
            return RemovedDocument(
                id: document.id,
                source: document.source,
                stage: context.name,
                disposition: .dropped(reason: "error"),
                document: nil
            )
        case .deadLetter:
            return RemovedDocument(
                id: document.id,
                source: document.source,
                stage: context.name,
                disposition: .deadLettered(error: message),
                document: document.json
            )
        }
    }

    /// Forwards a document an earlier stage removed, in its place in the stream.
    func forward(_ removed: RemovedDocument) {
        pending.append(.removed(removed))
    }

    /// Sends a whole batch, after anything pending.
    func send(_ batch: DocumentBatch) async {
        if !pending.isEmpty { await flush() }
        await sendNow(batch)
    }

    /// Sends whatever is pending.
    func flush() async {
        guard !pending.isEmpty else { return }
        let batch = DocumentBatch(entries: pending)
        pending = []
        pendingBytes = 0
        await sendNow(batch)
    }

    /// Sends whatever is pending and tells the next stage that no more documents will come.
    ///
    /// The runner closes the output when `run` returns; a stage closes it itself before waiting on
    /// ``StageContext/completion``. Emitting after closing is a programming error and is ignored.
    public func close() async {
        guard !closed else { return }
        await flush()
        closed = true
        channel.finish()
    }

    /// Time spent waiting for input or for the next stage, so far.
    var waitingTime: Duration { waited }

    func addWait(_ duration: Duration) {
        waited += duration
    }

    private func append(_ entry: DocumentBatch.Entry) async {
        pending.append(entry)
        if pending.count >= limit.entries || pendingBytes >= limit.bytes {
            await flush()
        }
    }

    private func sendNow(_ batch: DocumentBatch) async {
        guard !closed else { return }
        let started = ContinuousClock.now
        await channel.send(batch)
        waited += ContinuousClock.now - started
    }
}
