import Pipeline

/// The durable record of the input an incremental run (`input.incremental: true`) has consumed: an SQLite file beside
/// the run state, one row per input file with its identity and how far it was read.
///
/// ```sql
/// consumed(path PRIMARY KEY, device, inode, size, modified_ns, fingerprint, offset, lines, run_id)
/// pending(... the same ...)                 -- what the run in progress will have consumed once its outputs commit
/// pending_run(run_id, outputs_before, batch_id)  -- that run, the fingerprints of the outputs before it, and the
///                                                  batch's random identifier
/// meta(key, value)                             -- ledger_id: the ledger's random identifier
/// ```
///
/// The ledger advances in two steps around the outputs' commit, so a kill at any point neither loses nor repeats a
/// document: ``begin(runID:outputsBefore:entries:)`` records what the run will consume before it starts;
/// ``commitPending()`` makes it consumed after the outputs and the run state are committed. A later run that finds
/// a pending run decides from the outputs whether it committed (see `IncrementalInput` in the command line): an
/// output that records ``LedgerPosition``s (PostgreSQL) says so by the pending batch's identifier, committed in
/// the same transaction as its rows.
///
/// # Thread safety
/// Not thread-safe: used by the command before and after a run.
public final class InputLedger {
    /// What the ledger knows of one input file.
    public struct Entry: Sendable, Hashable {
        /// The file's path, as the input expansion names it.
        public var path: String
        /// The device and inode: a file replaced by another of the same name has another inode.
        public var device: UInt64
        /// The inode.
        public var inode: UInt64
        /// The size when it was read.
        public var size: Int
        /// The modification time when it was read, in nanoseconds since 1970.
        public var modifiedNanoseconds: Int64
        /// A fingerprint of the consumed bytes (see `IncrementalInput.fingerprint`).
        public var fingerprint: String
        /// The bytes consumed: the end of the last complete line read (JSON Lines), or the size (whole files).
        public var offset: Int
        /// The lines consumed (JSON Lines), so line numbers continue.
        public var lines: Int

        /// Creates an entry.
        public init(
            path: String,
            device: UInt64,
            inode: UInt64,
            size: Int,
            modifiedNanoseconds: Int64,
            fingerprint: String,
            offset: Int,
            lines: Int
        ) {
            self.path = path
            self.device = device
            self.inode = inode
            self.size = size
            self.modifiedNanoseconds = modifiedNanoseconds
            self.fingerprint = fingerprint
            self.offset = offset
            self.lines = lines
        }
    }

    /// A run that recorded what it would consume but has not been confirmed as committed.
    public struct PendingRun: Sendable, Equatable {
        /// The run's identifier.
        public var runID: String
        /// The fingerprints of the file outputs before the run, as JSON (`{"path": {"bytes": n, "hash": h}}`).
        public var outputsBefore: String
        /// What it would consume.
        public var entries: [Entry]
        /// The batch's identifier (random, made by ``InputLedger/begin(runID:outputsBefore:entries:)``; empty for
        /// a batch begun by a version of the ledger that made none).
        public var batchID: String
    }

    private let database: SQLiteDatabase
    /// The ledger file's path.
    public let path: String
    /// The ledger's identifier: random, made when the file is created; outputs record positions under it.
    public let identifier: String

    private static let columns = "path, device, inode, size, modified_ns, fingerprint, offset, lines"

    /// Opens (or creates) the ledger.
    /// - Parameter path: The ledger file.
    /// - Throws: An SQLite failure (transient when the file is locked or the disk is full).
    public init(path: String) throws {
        self.path = path
        try AtomicFileWriter.createParentDirectory(of: path)
        database = try SQLiteDatabase(path: path)
        let table = """
            (path TEXT PRIMARY KEY, device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
             modified_ns INTEGER NOT NULL, fingerprint TEXT NOT NULL, offset INTEGER NOT NULL, lines INTEGER NOT NULL)
            """
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS consumed \(table);
            CREATE TABLE IF NOT EXISTS pending \(table);
            CREATE TABLE IF NOT EXISTS pending_run (run_id TEXT NOT NULL, outputs_before TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """
        )
        let columns = try database.query("PRAGMA table_info(pending_run)").compactMap { row -> String? in
            guard row.count > 1, case .text(let name) = row[1] else { return nil }
            return name
        }
        if !columns.contains("batch_id") {
            // A ledger made before batches had identifiers.
            try database.execute("ALTER TABLE pending_run ADD COLUMN batch_id TEXT NOT NULL DEFAULT ''")
        }
        try database.query(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('ledger_id', ?)",
            [.text(Self.randomIdentifier())]
        )
        let stored = try database.query("SELECT value FROM meta WHERE key = 'ledger_id'")
        guard case .text(let identifier)? = stored.first?.first else {
            throw SQLiteDatabase.Failure(path: path, operation: "read the ledger", message: "no ledger_id in meta")
        }
        self.identifier = identifier
    }

    /// 128 random bits as 32 hexadecimal digits.
    private static func randomIdentifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return [generator.next(), generator.next()].map { (value: UInt64) in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// Every consumed file, by path.
    /// - Throws: An SQLite failure.
    public func consumed() throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for entry in try rows(of: "consumed") { entries[entry.path] = entry }
        return entries
    }

    /// The run that began but was not confirmed, if any.
    /// - Throws: An SQLite failure.
    public func pendingRun() throws -> PendingRun? {
        let runs = try database.query("SELECT run_id, outputs_before, batch_id FROM pending_run")
        guard let run = runs.first, case .text(let runID) = run[0], case .text(let outputs) = run[1],
            case .text(let batchID) = run[2]
        else {
            return nil
        }
        return PendingRun(runID: runID, outputsBefore: outputs, entries: try rows(of: "pending"), batchID: batchID)
    }

    /// Records, in one transaction, what a run is about to consume, as a new batch (replacing any pending one).
    /// - Parameters:
    ///   - runID: The run.
    ///   - outputsBefore: The file outputs' fingerprints before it, as JSON.
    ///   - entries: What it will have consumed once it commits.
    /// - Returns: The new batch's identifier.
    /// - Throws: An SQLite failure.
    @discardableResult
    public func begin(runID: String, outputsBefore: String, entries: [Entry]) throws -> String {
        let batchID = Self.randomIdentifier()
        try database.execute("BEGIN IMMEDIATE; DELETE FROM pending; DELETE FROM pending_run;")
        do {
            try database.query(
                "INSERT INTO pending_run (run_id, outputs_before, batch_id) VALUES (?, ?, ?)",
                [.text(runID), .text(outputsBefore), .text(batchID)]
            )
            let insert = try database.prepare("INSERT INTO pending (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for entry in entries {
                try insert.run([
                    .text(entry.path), .integer(Int64(bitPattern: entry.device)),
                    .integer(Int64(bitPattern: entry.inode)), .integer(Int64(entry.size)),
                    .integer(entry.modifiedNanoseconds), .text(entry.fingerprint), .integer(Int64(entry.offset)),
                    .integer(Int64(entry.lines)),
                ])
            }
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
        return batchID
    }

    /// Makes the pending run's entries consumed, in one transaction.
    /// - Throws: An SQLite failure.
    public func commitPending() throws {
        try database.execute(
            """
            BEGIN IMMEDIATE;
            INSERT OR REPLACE INTO consumed (\(Self.columns)) SELECT \(Self.columns) FROM pending;
            DELETE FROM pending; DELETE FROM pending_run;
            COMMIT;
            """
        )
    }

    /// Forgets the pending run (it committed nothing).
    /// - Throws: An SQLite failure.
    public func dropPending() throws {
        try database.execute("BEGIN IMMEDIATE; DELETE FROM pending; DELETE FROM pending_run; COMMIT;")
    }

    private func rows(of table: String) throws -> [Entry] {
        try database.query("SELECT \(Self.columns) FROM \(table) ORDER BY path").compactMap { row in
            guard row.count == 8, case .text(let path) = row[0], case .integer(let device) = row[1],
                case .integer(let inode) = row[2], case .integer(let size) = row[3],
                case .integer(let modified) = row[4], case .text(let fingerprint) = row[5],
                case .integer(let offset) = row[6], case .integer(let lines) = row[7]
            else { return nil }
            return Entry(
                path: path,
                device: UInt64(bitPattern: device),
                inode: UInt64(bitPattern: inode),
                size: Int(size),
                modifiedNanoseconds: modified,
                fingerprint: fingerprint,
                offset: Int(offset),
                lines: Int(lines)
            )
        }
    }
}
