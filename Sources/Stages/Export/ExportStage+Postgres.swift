import Pipeline

extension ExportStage {
    /// Writes each document into PostgreSQL and passes it on.
    ///
    /// In an ordinary run, in batches of one transaction each; the last, partial batch is written when the input
    /// ends (also after a graceful stop). In an incremental run (``StageContext/heldCommits`` set), the whole run
    /// in one transaction that is handed over, open, once the run has succeeded: the run's owner commits it with
    /// the ledger position (see ``PostgresDocumentWriter/commit(recording:)``).
    func runPostgres(input: StageInput, output: StageOutput, context: StageContext) async throws {
        guard let held = context.heldCommits else {
            let writer = try PostgresDocumentWriter(
                url: options.url ?? "",
                runID: context.runID,
                batchSize: options.batchSize
            )
            let count = try await Self.forward(input, to: output) { try writer.write($0) }
            try writer.flush()
            await output.close()
            context.counters.add(count, to: "written")
            return
        }
        let transaction = try PostgresHeldTransaction(
            url: options.url ?? "",
            runID: context.runID,
            batchSize: options.batchSize
        )
        let count: Int
        do {
            count = try await Self.forward(input, to: output) { try transaction.write($0) }
            try transaction.flush()
            await output.close()
            try await context.completion.waitForSuccess()
        } catch {
            transaction.discard()
            throw error
        }
        held.hold(transaction, stageIndex: context.index)
        context.counters.add(count, to: "written")
    }

    /// Hands each document of `input` to `write`, then passes it on; returns how many were written.
    private static func forward(
        _ input: StageInput,
        to output: StageOutput,
        writing write: (Document) throws -> Void
    ) async throws -> Int {
        var count = 0
        for try await document in input {
            try write(document)
            count += 1
            await output.emit(document)
        }
        return count
    }
}

extension ExportStage: LedgerRecordingStage {
    /// Whether the export records the incremental ledger's position: a PostgreSQL export does, in the transaction
    /// of the run's rows; a file export does not (the ledger fingerprints files instead).
    public var recordsLedgerPosition: Bool { options.format == .postgres }

    /// The batch of the last position committed for a ledger in the PostgreSQL database (`pipeline_ledger`).
    /// - Parameter ledger: The ledger's identifier.
    /// - Returns: The batch, or `nil` when none was committed (or the export is not a PostgreSQL one).
    /// - Throws: ``PostgresError`` (transient when the server is down).
    public func committedBatch(ofLedger ledger: String) throws -> String? {
        guard options.format == .postgres else { return nil }
        let connection = try PostgresConnection(url: options.url ?? "")
        return try PostgresDocumentWriter.committedBatch(ofLedger: ledger, on: connection)
    }
}
