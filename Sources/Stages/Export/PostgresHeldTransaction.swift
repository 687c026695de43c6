import Pipeline
import Synchronization

/// A PostgreSQL export's run in one transaction (``PostgresDocumentWriter/Scope/wholeRun``): the stage writes the
/// run's documents through it, then hands it, open, to the run's owner (``HeldCommits``), which commits the rows
/// together with the incremental ledger's position once the file outputs are synced.
///
/// # Thread safety
/// Thread-safe: the writer is used under a lock, first by the stage's task, then by the owner.
final class PostgresHeldTransaction: HeldCommit {
    private let writer: Mutex<PostgresDocumentWriter?>

    /// Connects and creates the tables when missing (see ``PostgresDocumentWriter/init(url:runID:batchSize:scope:)``).
    /// - Throws: ``PostgresError``.
    init(url: String, runID: String, batchSize: Int) throws(PostgresError) {
        writer = Mutex(try PostgresDocumentWriter(url: url, runID: runID, batchSize: batchSize, scope: .wholeRun))
    }

    /// Adds a document to the run's transaction (see ``PostgresDocumentWriter/write(_:)``).
    /// - Throws: ``PostgresError``; the transaction is then rolled back.
    func write(_ document: Document) throws(PostgresError) {
        try writer.withLock { (writer: inout PostgresDocumentWriter?) throws(PostgresError) in
            try writer?.write(document)
        }
    }

    /// Writes the pending batch into the run's transaction, leaving it open.
    /// - Throws: ``PostgresError``; the transaction is then rolled back.
    func flush() throws(PostgresError) {
        try writer.withLock { (writer: inout PostgresDocumentWriter?) throws(PostgresError) in
            try writer?.flush()
        }
    }

    /// Commits the run's rows and the position in one transaction.
    /// - Throws: ``PostgresError``.
    func commit(recording position: LedgerPosition?) throws {
        try writer.withLock { (writer: inout PostgresDocumentWriter?) throws(PostgresError) in
            defer { writer = nil }
            try writer?.commit(recording: position)
        }
    }

    /// Rolls the run's rows back and closes the connection.
    func discard() {
        writer.withLock { writer in
            writer?.rollback()
            writer = nil
        }
    }
}
