import Pipeline

/// The persistent side of the dedupe index: an SQLite file holding the signature of every document earlier runs
/// kept, with the run and document each came from, so a later run deduplicates against them.
///
/// Schema: `meta(key, value)` records the signature format (shingle size, permutations, seed), which must match;
/// `runs(run_id, started_at)`; `entries(seq, document_id, run_id, exact_hash, signature)` in insertion order.
/// A run writes its entries inside one transaction committed only when the run succeeds, so a run that is killed
/// leaves the index as it was and a rerun gives the same answers.
///
/// # Thread safety
/// Not thread-safe: owned by the stage's task.
final class DedupeIndexStore {
    private let database: SQLiteDatabase
    private var insertStatement: SQLiteDatabase.Statement?
    private var runID: String?

    /// The signature format recorded in the file, e.g. `minhash32;shingle=5;permutations=128;seed=110386840659045`.
    static func format(of configuration: DedupeConfiguration) -> String {
        "minhash32;shingle=\(configuration.shingleSize);permutations=\(configuration.permutationCount);seed=\(configuration.seed)"
    }

    /// Opens or creates the index file and checks its signature format.
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - configuration: The stage's configuration.
    /// - Throws: ``SQLiteDatabase/Failure`` when the file cannot be used, or was made with another format.
    init(path: String, configuration: DedupeConfiguration) throws(SQLiteDatabase.Failure) {
        database = try SQLiteDatabase(path: path)
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL DEFAULT (datetime('now')));
            CREATE TABLE IF NOT EXISTS entries (
                seq INTEGER PRIMARY KEY,
                document_id TEXT NOT NULL,
                run_id TEXT NOT NULL REFERENCES runs(run_id),
                exact_hash INTEGER NOT NULL,
                signature BLOB NOT NULL
            );
            """
        )
        let format = Self.format(of: configuration)
        let rows = try database.query("SELECT value FROM meta WHERE key = 'signature_format'")
        if let row = rows.first, case .text(let existing) = row[0] {
            guard existing == format else {
                throw SQLiteDatabase.Failure(
                    path: path,
                    operation: "use the dedupe index",
                    message: "it holds signatures made with \(existing), this stage makes \(format); "
                        + "use the same shingle_size and permutations, or another index file"
                )
            }
        } else {
            try database.query("INSERT INTO meta (key, value) VALUES ('signature_format', ?)", [.text(format)])
        }
    }

    /// The number of entries stored.
    func count() throws(SQLiteDatabase.Failure) -> Int {
        guard case .integer(let count)? = try database.query("SELECT count(*) FROM entries").first?.first else {
            return 0
        }
        return Int(count)
    }

    /// Loads every stored entry into an in-memory index, in insertion order.
    /// - Returns: How many entries were loaded.
    func load(into index: DedupeIndex) throws(SQLiteDatabase.Failure) -> Int {
        let statement = try database.prepare("SELECT document_id, signature FROM entries ORDER BY seq")
        var loaded = 0
        var corrupt = 0
        try statement.run([]) { row in
            guard case .text(let id) = row[0], case .blob(let bytes) = row[1],
                let signature = DedupeSignature(bytes: bytes)
            else {
                corrupt += 1
                return
            }
            index.insert(id: id, signature: signature)
            loaded += 1
        }
        if corrupt > 0 {
            throw SQLiteDatabase.Failure(
                path: database.path,
                operation: "load the dedupe index",
                message: "\(corrupt) entries are unreadable"
            )
        }
        return loaded
    }

    /// Starts this run's transaction (taking the write lock, so two runs never interleave their entries).
    func begin(runID: String) throws(SQLiteDatabase.Failure) {
        try database.execute("BEGIN IMMEDIATE")
        try database.query("INSERT OR IGNORE INTO runs (run_id) VALUES (?)", [.text(runID)])
        insertStatement = try database.prepare(
            "INSERT INTO entries (document_id, run_id, exact_hash, signature) VALUES (?, ?, ?, ?)"
        )
        self.runID = runID
    }

    /// Records a kept document.
    func insert(id: String, signature: DedupeSignature) throws(SQLiteDatabase.Failure) {
        guard let insertStatement, let runID else { return }
        try insertStatement.run([
            .text(id), .text(runID), .integer(Int64(bitPattern: signature.exactHash)), .blob(signature.bytes),
        ])
    }

    /// Commits this run's entries.
    func commit() throws(SQLiteDatabase.Failure) {
        insertStatement = nil
        try database.execute("COMMIT")
    }

    /// Abandons this run's entries.
    func rollback() {
        insertStatement = nil
        try? database.execute("ROLLBACK")
    }
}
