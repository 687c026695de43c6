import Pipeline

/// Writes documents into PostgreSQL in batches: `documents` (one row per id, updated in place when the same id comes
/// again), `entities` (the per-document entity summary), and a generated full-text column with a GIN index.
///
/// ```sql
/// documents(id text PRIMARY KEY, text, summary, duplicate_of, annotations jsonb, run_id, created_at, updated_at,
///           search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(summary, '') || ' ' || text)))
/// entities(document_id, label, name, count)          -- PRIMARY KEY (document_id, label, name)
/// pipeline_ledger(ledger PRIMARY KEY, batch, run_id, committed_at)   -- incremental runs' ledger positions
/// -- select id from documents where search @@ websearch_to_tsquery('english', 'Pompeo')
/// ```
///
/// ```
/// write ─► pending batch ──(batchSize documents)──► BEGIN
///                                                    COPY documents_batch   (temporary, ON COMMIT DELETE ROWS)
///                                                    INSERT INTO documents … ON CONFLICT (id) DO UPDATE
///                                                    DELETE FROM entities of the batch's ids
///                                                    COPY entities
///                                                    COMMIT
/// ```
/// With ``Scope/perBatch`` each batch is one transaction: a failure or a kill leaves every earlier batch committed
/// and none of the failed one. With ``Scope/wholeRun`` (an incremental run) the batches share one transaction,
/// left open until ``commit(recording:)`` upserts the ledger position into `pipeline_ledger` and commits, so the
/// rows and the position are committed together or not at all. Writing the same documents again leaves the tables
/// as they were (rows whose content did not change are not touched, so `updated_at` and `run_id` say when a row
/// last changed). Within a batch the last document with an id wins, as it would in sequence. PostgreSQL text cannot
/// hold NUL: a NUL character in a document becomes U+FFFD.
///
/// # Thread safety
/// Not thread-safe: owned by the export stage's task, then (held) by the run's owner.
final class PostgresDocumentWriter {
    /// Which writes share a transaction.
    enum Scope {
        /// Each batch of `batchSize` documents is committed on its own.
        case perBatch
        /// Every batch of the run is written in one transaction, committed by ``commit(recording:)``.
        case wholeRun
    }

    private let connection: PostgresConnection
    private let runID: String
    private let batchSize: Int
    private let scope: Scope
    private var isInTransaction = false
    private var pending: [Document] = []
    private var pendingPositions: [String: Int] = [:]

    /// The tables and the index; an advisory lock keeps two writers from creating them at the same moment.
    static let schema = """
        BEGIN;
        SELECT pg_advisory_xact_lock(7277746574);
        CREATE TABLE IF NOT EXISTS documents (
            id text PRIMARY KEY,
            text text NOT NULL,
            summary text,
            duplicate_of text,
            annotations jsonb NOT NULL,
            run_id text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            search tsvector GENERATED ALWAYS AS
                (to_tsvector('english'::regconfig, coalesce(summary, '') || ' ' || text)) STORED
        );
        CREATE INDEX IF NOT EXISTS documents_search ON documents USING gin (search);
        CREATE TABLE IF NOT EXISTS entities (
            document_id text NOT NULL,
            label text NOT NULL,
            name text NOT NULL,
            count integer NOT NULL,
            PRIMARY KEY (document_id, label, name)
        );
        CREATE TABLE IF NOT EXISTS pipeline_ledger (
            ledger text PRIMARY KEY,
            batch text NOT NULL,
            run_id text NOT NULL,
            committed_at timestamptz NOT NULL DEFAULT now()
        );
        COMMIT;
        CREATE TEMPORARY TABLE documents_batch (
            id text NOT NULL, text text NOT NULL, summary text, duplicate_of text, annotations jsonb NOT NULL,
            run_id text NOT NULL
        ) ON COMMIT DELETE ROWS;
        """

    private static let upsert = """
        INSERT INTO documents AS d (id, text, summary, duplicate_of, annotations, run_id)
        SELECT id, text, summary, duplicate_of, annotations, run_id FROM documents_batch
        ON CONFLICT (id) DO UPDATE SET text = excluded.text, summary = excluded.summary,
            duplicate_of = excluded.duplicate_of, annotations = excluded.annotations, run_id = excluded.run_id,
            updated_at = now()
        WHERE d.text IS DISTINCT FROM excluded.text OR d.summary IS DISTINCT FROM excluded.summary
            OR d.duplicate_of IS DISTINCT FROM excluded.duplicate_of OR d.annotations IS DISTINCT FROM excluded.annotations
        """

    private static let recordPosition = """
        INSERT INTO pipeline_ledger (ledger, batch, run_id) VALUES ($1, $2, $3)
        ON CONFLICT (ledger) DO UPDATE SET batch = excluded.batch, run_id = excluded.run_id, committed_at = now()
        """

    /// Connects, creates the tables and the index when missing.
    /// - Parameters:
    ///   - url: The connection URL.
    ///   - runID: The run's identifier, stored with each row it writes.
    ///   - batchSize: Documents per batch (per `COPY`; per transaction with ``Scope/perBatch``).
    ///   - scope: Which writes share a transaction (default: each batch its own).
    /// - Throws: ``PostgresError``.
    init(url: String, runID: String, batchSize: Int = 2000, scope: Scope = .perBatch) throws(PostgresError) {
        connection = try PostgresConnection(url: url)
        self.runID = runID
        self.batchSize = max(1, batchSize)
        self.scope = scope
        try connection.execute(Self.schema, operation: "create the tables")
        pending.reserveCapacity(self.batchSize)
    }

    /// Adds one document to the pending batch, and writes the batch when it is full.
    /// - Parameter document: The document.
    /// - Throws: ``PostgresError`` when a batch cannot be written.
    func write(_ document: Document) throws(PostgresError) {
        if let position = pendingPositions[document.id] {
            pending[position] = document
        } else {
            pendingPositions[document.id] = pending.count
            pending.append(document)
        }
        if pending.count >= batchSize { try flush() }
    }

    /// Writes the pending batch, if any: in a transaction of its own (``Scope/perBatch``), or in the run's
    /// transaction, begun by the first batch and left open (``Scope/wholeRun``).
    /// - Throws: ``PostgresError``; the transaction is then rolled back (with ``Scope/wholeRun``, every batch of
    ///   the run with it).
    func flush() throws(PostgresError) {
        guard !pending.isEmpty else { return }
        var documentRows: [UInt8] = []
        var entityRows: [UInt8] = []
        documentRows.reserveCapacity(pending.count * 4096)
        for document in pending {
            appendRow(of: document, to: &documentRows)
            appendEntityRows(of: document, to: &entityRows)
        }
        do throws(PostgresError) {
            try beginIfNeeded()
            try connection.copy(
                "COPY documents_batch (id, text, summary, duplicate_of, annotations, run_id) FROM STDIN",
                data: documentRows,
                operation: "write a batch"
            )
            try connection.execute(Self.upsert, operation: "write a batch")
            try connection.execute(
                "DELETE FROM entities e USING documents_batch b WHERE e.document_id = b.id",
                operation: "write a batch"
            )
            if !entityRows.isEmpty {
                try connection.copy(
                    "COPY entities (document_id, label, name, count) FROM STDIN",
                    data: entityRows,
                    operation: "write a batch"
                )
            }
            switch scope {
            case .perBatch:
                try connection.execute("COMMIT", operation: "commit a batch")
                isInTransaction = false
            case .wholeRun:
                // The next batch of the run copies into the same temporary table: empty it (ON COMMIT DELETE
                // ROWS only does so at the commit).
                try connection.execute("TRUNCATE documents_batch", operation: "write a batch")
            }
        } catch {
            rollback()
            throw error
        }
        pending.removeAll(keepingCapacity: true)
        pendingPositions.removeAll(keepingCapacity: true)
    }

    /// Writes the pending batch and commits the run's transaction, recording the ledger position in it: the rows
    /// and the position are committed together or not at all.
    /// - Parameter position: The incremental ledger's position after this run, upserted into `pipeline_ledger`;
    ///   `nil` records none.
    /// - Throws: ``PostgresError``; the transaction is then rolled back, or, when the connection was lost during
    ///   `COMMIT`, its outcome is unknown (the recorded position tells on the next start).
    func commit(recording position: LedgerPosition?) throws(PostgresError) {
        try flush()
        do throws(PostgresError) {
            if let position {
                try beginIfNeeded()
                try connection.query(
                    Self.recordPosition,
                    [position.ledger, position.batch, position.runID],
                    operation: "record the ledger position"
                )
            }
            if isInTransaction {
                try connection.execute("COMMIT", operation: "commit a batch")
                isInTransaction = false
            }
        } catch {
            rollback()
            throw error
        }
    }

    /// Rolls back the open transaction, if any, and forgets the pending batch.
    func rollback() {
        if isInTransaction { try? connection.execute("ROLLBACK", operation: "roll back a batch") }
        isInTransaction = false
        pending.removeAll(keepingCapacity: true)
        pendingPositions.removeAll(keepingCapacity: true)
    }

    /// The batch of the last ledger position committed for `ledger`, or `nil` (none, or no `pipeline_ledger`
    /// table yet).
    /// - Parameters:
    ///   - ledger: The ledger's identifier.
    ///   - connection: The connection to ask.
    /// - Throws: ``PostgresError``.
    static func committedBatch(ofLedger ledger: String, on connection: PostgresConnection) throws(PostgresError)
        -> String?
    {
        let exists = try connection.query(
            "SELECT to_regclass('pipeline_ledger') IS NOT NULL",
            operation: "read the ledger position"
        )
        guard exists.first?.first == "t" else { return nil }
        let rows = try connection.query(
            "SELECT batch FROM pipeline_ledger WHERE ledger = $1",
            [ledger],
            operation: "read the ledger position"
        )
        return rows.first?.first ?? nil
    }

    private func beginIfNeeded() throws(PostgresError) {
        guard !isInTransaction else { return }
        try connection.execute("BEGIN", operation: "write a batch")
        isInTransaction = true
    }

    private func appendRow(of document: Document, to row: inout [UInt8]) {
        let annotations = JSONValue.object(DedicatedAnnotations.otherFields(of: document))
        PostgresCopyText.append(document.id, to: &row)
        row.append(PostgresCopyText.tab)
        PostgresCopyText.append(document.text, to: &row)
        row.append(PostgresCopyText.tab)
        PostgresCopyText.append(document[.summary], to: &row)
        row.append(PostgresCopyText.tab)
        PostgresCopyText.append(document[.duplicateOf] ?? nil, to: &row)
        row.append(PostgresCopyText.tab)
        PostgresCopyText.appendJSON(annotations.serialized(), to: &row)
        row.append(PostgresCopyText.tab)
        PostgresCopyText.append(runID, to: &row)
        row.append(PostgresCopyText.newline)
    }

    private func appendEntityRows(of document: Document, to rows: inout [UInt8]) {
        var seen: Set<[String]> = []
        for entry in document[.entitySummary] ?? [] where seen.insert([entry.label, entry.name]).inserted {
            PostgresCopyText.append(document.id, to: &rows)
            rows.append(PostgresCopyText.tab)
            PostgresCopyText.append(entry.label, to: &rows)
            rows.append(PostgresCopyText.tab)
            PostgresCopyText.append(entry.name, to: &rows)
            rows.append(PostgresCopyText.tab)
            rows.append(contentsOf: String(entry.count).utf8)
            rows.append(PostgresCopyText.newline)
        }
    }
}
