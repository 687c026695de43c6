internal import CSQLite
import Pipeline

/// A small, safe wrapper around one SQLite connection (the system libsqlite3): prepared statements with bound
/// parameters only, explicit transactions, and errors that name the database file.
///
/// # Thread safety
/// Not thread-safe: one connection is owned by one task.
final class SQLiteDatabase {
    /// An SQLite failure, with the database path, SQLite's message and result code.
    struct Failure: RetryableError, CustomStringConvertible, Equatable {
        /// The database file.
        var path: String
        /// What was being done.
        var operation: String
        /// SQLite's message.
        var message: String
        /// SQLite's result code; 0 for a failure this wrapper found itself (e.g. an index of another format).
        var code: Int32 = 0

        var description: String { "SQLite database '\(path)': cannot \(operation): \(message)" }

        /// Transient for a lock held elsewhere, memory, I/O or a full disk; permanent otherwise (permissions, a
        /// read-only or corrupt file, a file in another format).
        var isTransient: Bool {
            [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_IOERR, SQLITE_FULL, SQLITE_PROTOCOL].contains(code & 0xFF)
        }
    }

    /// A value bound to a statement parameter or read from a column.
    enum Value: Equatable {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
        case null
    }

    /// The database file's path.
    let path: String
    private var handle: OpaquePointer?

    /// Opens (creating if needed) a database file in WAL mode with `synchronous=FULL`, or, read-only, an existing
    /// file as it is: no journal mode change, no write, so many processes may read it at once, also from a network
    /// file system.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - readOnly: Open an existing file for reading only.
    /// - Throws: ``Failure`` when the file cannot be opened.
    init(path: String, readOnly: Bool = false) throws(Failure) {
        self.path = path
        var connection: OpaquePointer?
        let flags =
            readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(connection)
            throw Failure(path: path, operation: "open", message: message, code: status)
        }
        handle = connection
        sqlite3_busy_timeout(connection, 10_000)
        guard !readOnly else { return }
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=FULL")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without parameters or results (several statements allowed).
    /// - Parameter sql: The SQL.
    /// - Throws: ``Failure``.
    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw Failure(path: path, operation: "run '\(sql.prefix(60))'", message: message, code: status)
        }
    }

    /// Prepares a statement for repeated use.
    /// - Parameter sql: The SQL, with `?` parameters.
    /// - Returns: The statement.
    /// - Throws: ``Failure``.
    func prepare(_ sql: String) throws(Failure) -> Statement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw Failure(path: path, operation: "prepare '\(sql.prefix(60))'", message: lastMessage, code: status)
        }
        return Statement(database: self, handle: statement)
    }

    /// Runs a statement once with parameters, returning its rows.
    /// - Parameters:
    ///   - sql: The SQL, with `?` parameters.
    ///   - parameters: The values, in order.
    /// - Returns: The rows.
    /// - Throws: ``Failure``.
    @discardableResult
    func query(_ sql: String, _ parameters: [Value] = []) throws(Failure) -> [[Value]] {
        let statement = try prepare(sql)
        var rows: [[Value]] = []
        try statement.run(parameters) { rows.append($0) }
        return rows
    }

    fileprivate var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// A prepared statement.
    final class Statement {
        private let database: SQLiteDatabase
        private let handle: OpaquePointer

        fileprivate init(database: SQLiteDatabase, handle: OpaquePointer) {
            self.database = database
            self.handle = handle
        }

        deinit {
            sqlite3_finalize(handle)
        }

        /// Binds `parameters`, steps through every row, and resets the statement.
        /// - Parameters:
        ///   - parameters: The values, in order.
        ///   - row: Called for each result row.
        /// - Throws: ``Failure``.
        func run(_ parameters: [Value], row: ([Value]) -> Void = { _ in }) throws(Failure) {
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            for (offset, value) in parameters.enumerated() {
                let index = Int32(offset + 1)
                let status: Int32
                switch value {
                case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
                case .real(let number): status = sqlite3_bind_double(handle, index, number)
                case .text(let text): status = sqlite3_bind_text(handle, index, text, -1, SQLiteDatabase.transient)
                case .blob(let bytes):
                    status = bytes.withUnsafeBytes {
                        sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLiteDatabase.transient)
                    }
                case .null: status = sqlite3_bind_null(handle, index)
                }
                guard status == SQLITE_OK else {
                    throw Failure(
                        path: database.path,
                        operation: "bind a parameter",
                        message: database.lastMessage,
                        code: status
                    )
                }
            }
            while true {
                let status = sqlite3_step(handle)
                if status == SQLITE_DONE { return }
                guard status == SQLITE_ROW else {
                    throw Failure(
                        path: database.path,
                        operation: "run a statement",
                        message: database.lastMessage,
                        code: status
                    )
                }
                var values: [Value] = []
                for column in 0..<sqlite3_column_count(handle) {
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, column)))
                    case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, column)))
                    case SQLITE_TEXT: values.append(.text(String(cString: sqlite3_column_text(handle, column))))
                    case SQLITE_BLOB:
                        let count = Int(sqlite3_column_bytes(handle, column))
                        if let base = sqlite3_column_blob(handle, column), count > 0 {
                            values.append(.blob(Array(UnsafeRawBufferPointer(start: base, count: count))))
                        } else {
                            values.append(.blob([]))
                        }
                    default: values.append(.null)
                    }
                }
                row(values)
            }
        }
    }

    /// SQLite's SQLITE_TRANSIENT: copy bound values.
    fileprivate static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
