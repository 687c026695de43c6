import Pipeline

/// Writes documents into an SQLite database: `documents` (one row per id, updated in place when the same id comes
/// again), `entities` (the per-document entity summary) and `documents_fts`, an FTS5 index over text and summary.
///
/// ```sql
/// documents(id TEXT PRIMARY KEY, text, summary, duplicate_of, metadata JSON, run_id, created_at, updated_at)
/// entities(document_id, label, name, count)          -- PRIMARY KEY (document_id, label, name)
/// documents_fts(id UNINDEXED, text, summary)         -- rowid = documents.rowid; select id from documents_fts where documents_fts match 'Pompeo'
/// ```
/// All of a run's writes are one transaction, committed by ``commit()`` once the run has succeeded; a failed or
/// killed run leaves the database as it was. Every value is a bound parameter.
///
/// # Thread safety
/// Not thread-safe: owned by the export stage's task.
final class SQLiteDocumentWriter {
    private let database: SQLiteDatabase
    private let runID: String
    private let upsertDocument: SQLiteDatabase.Statement
    private let deleteText: SQLiteDatabase.Statement
    private let insertText: SQLiteDatabase.Statement
    private let deleteEntities: SQLiteDatabase.Statement
    private let insertEntity: SQLiteDatabase.Statement

    /// Opens (or creates) the database, creates the tables, and starts the run's transaction.
    /// - Parameters:
    ///   - path: The database file.
    ///   - runID: The run's identifier, stored with each row.
    /// - Throws: ``SQLiteDatabase/Failure``.
    init(path: String, runID: String) throws(SQLiteDatabase.Failure) {
        database = try SQLiteDatabase(path: path)
        self.runID = runID
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                summary TEXT,
                duplicate_of TEXT,
                metadata TEXT NOT NULL,
                run_id TEXT NOT NULL,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            );
            CREATE TABLE IF NOT EXISTS entities (
                document_id TEXT NOT NULL,
                label TEXT NOT NULL,
                name TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (document_id, label, name)
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(id UNINDEXED, text, summary);
            BEGIN IMMEDIATE;
            """
        )
        upsertDocument = try database.prepare(
            """
            INSERT INTO documents (id, text, summary, duplicate_of, metadata, run_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET text = excluded.text, summary = excluded.summary,
                duplicate_of = excluded.duplicate_of, metadata = excluded.metadata, run_id = excluded.run_id,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            RETURNING rowid
            """
        )
        deleteText = try database.prepare("DELETE FROM documents_fts WHERE rowid = ?")
        insertText = try database.prepare("INSERT INTO documents_fts (rowid, id, text, summary) VALUES (?, ?, ?, ?)")
        deleteEntities = try database.prepare("DELETE FROM entities WHERE document_id = ?")
        insertEntity = try database.prepare(
            "INSERT OR REPLACE INTO entities (document_id, label, name, count) VALUES (?, ?, ?, ?)"
        )
    }

    /// Inserts or updates one document.
    func write(_ document: Document) throws(SQLiteDatabase.Failure) {
        let summary: SQLiteDatabase.Value = document[.summary].map { .text($0) } ?? .null
        let duplicateOf: SQLiteDatabase.Value = (document[.duplicateOf] ?? nil).map { .text($0) } ?? .null
        let metadata = JSONValue.object(DedicatedAnnotations.otherFields(of: document)).serialized()
        var rowID: Int64 = 0
        try upsertDocument.run([
            .text(document.id), .text(document.text), summary, duplicateOf, .text(metadata), .text(runID),
        ]) {
            if case .integer(let value) = $0.first { rowID = value }
        }
        // The full-text row shares the document's rowid, so replacing it is an indexed lookup.
        try deleteText.run([.integer(rowID)])
        try insertText.run([.integer(rowID), .text(document.id), .text(document.text), summary])
        try deleteEntities.run([.text(document.id)])
        for entry in document[.entitySummary] ?? [] {
            try insertEntity.run([
                .text(document.id), .text(entry.label), .text(entry.name), .integer(Int64(entry.count)),
            ])
        }
    }

    /// Commits the run's writes.
    func commit() throws(SQLiteDatabase.Failure) {
        try database.execute("COMMIT")
    }

    /// Abandons the run's writes.
    func rollback() {
        try? database.execute("ROLLBACK")
    }
}
