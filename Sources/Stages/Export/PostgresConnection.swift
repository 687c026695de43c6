internal import CLibPQ
import Pipeline

/// One connection to a PostgreSQL server through the system libpq: statements without parameters, statements with
/// text parameters, and `COPY ... FROM STDIN`; every failure is a ``PostgresError`` that names the server by host,
/// port, database and user, never by the password.
///
/// libpq was chosen over postgres-nio for build time: a system-library target compiles in seconds, where
/// postgres-nio brings swift-nio, swift-nio-ssl, swift-crypto and their C code into every clean build (minutes on
/// the CI machine). The calls block their thread, which suits the export stage's one writer task.
///
/// # Thread safety
/// Not thread-safe: one connection is owned by one task.
final class PostgresConnection {
    private let handle: OpaquePointer
    /// The server, for messages: `host:port/database (user name)`.
    let server: String

    /// Connects.
    ///
    /// The URL is a libpq connection string: a URI (`postgresql://user:password@host:port/database?option=value`)
    /// or `key=value` pairs. Unless it says otherwise, the connection times out after 10 seconds and calls itself
    /// `pipeline-run`; notices (`relation already exists, skipping`) are not printed.
    /// - Parameter url: The connection URL.
    /// - Throws: ``PostgresError``: ``PostgresError/Code/invalidURL`` for a URL libpq cannot parse,
    ///   ``PostgresError/Code/rejected`` for a refused login, ``PostgresError/Code/unreachable`` otherwise.
    init(url: String) throws(PostgresError) {
        var parseError: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(url, &parseError) else {
            let message = parseError.map { String(cString: $0) } ?? "out of memory"
            PQfreemem(parseError)
            throw PostgresError(
                code: .invalidURL,
                server: "(unparsed URL)",
                operation: "connect",
                message: PostgresError.oneLine(message)
            )
        }
        PQconninfoFree(parsed)
        // Later settings override earlier ones, so the URL's own connect_timeout or application_name wins.
        let connection = Self.withCStrings(["connect_timeout", "application_name", "dbname", nil]) { keywords in
            Self.withCStrings(["10", "pipeline-run", url, nil]) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else {
            throw PostgresError(code: .unreachable, server: "(unknown)", operation: "connect", message: "out of memory")
        }
        let server = Self.describe(connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgresError.oneLine(String(cString: PQerrorMessage(connection)))
            PQfinish(connection)
            throw PostgresError(
                code: PostgresError.isRejection(message) ? .rejected : .unreachable,
                server: server,
                operation: "connect",
                message: message
            )
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        // Assigned last: once every stored property is set, a throw would run deinit, which finishes the handle.
        handle = connection
        self.server = server
    }

    deinit {
        PQfinish(handle)
    }

    /// `host:port/database (user name)` from the connection's settings.
    private static func describe(_ connection: OpaquePointer) -> String {
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
        return "\(text(PQhost(connection))):\(text(PQport(connection)))/\(text(PQdb(connection))) "
            + "(user \(text(PQuser(connection))))"
    }

    /// Runs SQL without parameters (several statements allowed), discarding any rows.
    /// - Parameters:
    ///   - sql: The SQL.
    ///   - operation: What is being done, for the error message.
    /// - Throws: ``PostgresError``.
    func execute(_ sql: String, operation: String) throws(PostgresError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, operation: operation)
    }

    /// Runs one statement with text parameters (`$1`, `$2`, ...) and returns its rows as text (`nil` for NULL).
    /// - Parameters:
    ///   - sql: The statement.
    ///   - parameters: The values, in order; `nil` is NULL.
    ///   - operation: What is being done, for the error message.
    /// - Returns: The rows.
    /// - Throws: ``PostgresError``.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = [], operation: String) throws(PostgresError) -> [[String?]] {
        let result = Self.withCStrings(parameters) { pointers in
            PQexecParams(handle, sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, operation: operation)
        var rows: [[String?]] = []
        let columns = PQnfields(result)
        for row in 0..<PQntuples(result) {
            rows.append(
                (0..<columns).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            )
        }
        return rows
    }

    /// Runs `COPY ... FROM STDIN` with the given data (in the statement's format, text by default).
    /// - Parameters:
    ///   - sql: The `COPY` statement.
    ///   - data: The rows, encoded.
    ///   - operation: What is being done, for the error message.
    /// - Throws: ``PostgresError``.
    func copy(_ sql: String, data: [UInt8], operation: String) throws(PostgresError) {
        let start = PQexec(handle, sql)
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            try check(start, operation: operation)
            throw failure(operation: operation, message: "the server did not start the copy")
        }
        PQclear(start)
        let chunk = 1 << 20
        var offset = 0
        var sent = true
        data.withUnsafeBufferPointer { buffer in
            while offset < buffer.count, sent {
                let length = min(chunk, buffer.count - offset)
                let pointer = UnsafeRawPointer(buffer.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                sent = PQputCopyData(handle, pointer, Int32(length)) == 1
                offset += length
            }
        }
        guard sent, PQputCopyEnd(handle, nil) == 1 else {
            throw failure(operation: operation, message: String(cString: PQerrorMessage(handle)))
        }
        var firstError: PostgresError?
        while let result = PQgetResult(handle) {
            do throws(PostgresError) {
                try check(result, operation: operation)
            } catch {
                firstError = firstError ?? error
            }
            PQclear(result)
        }
        if let firstError { throw firstError }
    }

    /// Throws the failure a result reports, if any.
    private func check(_ result: OpaquePointer?, operation: String) throws(PostgresError) {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            let sqlState = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map {
                String(cString: $0)
            }
            let message =
                result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
                ?? String(cString: PQerrorMessage(handle))
            var error = failure(operation: operation, message: message)
            if error.code == .statement { error.sqlState = sqlState }
            throw error
        }
    }

    /// A failure on this connection: ``PostgresError/Code/connectionLost`` when the connection is gone.
    private func failure(operation: String, message: String) -> PostgresError {
        PostgresError(
            code: PQstatus(handle) == CONNECTION_OK ? .statement : .connectionLost,
            server: server,
            operation: operation,
            message: PostgresError.oneLine(message)
        )
    }

    /// Calls `body` with C string pointers to `values` (NULL for `nil`), valid for the call.
    private static func withCStrings<Result>(
        _ values: [String?],
        _ body: ([UnsafePointer<CChar>?]) -> Result
    ) -> Result {
        let storage = values.map { $0.map { Array($0.utf8CString) } }
        var pointers: [UnsafePointer<CChar>?] = []
        pointers.reserveCapacity(storage.count)
        func next(_ index: Int) -> Result {
            guard index < storage.count else { return body(pointers) }
            guard let bytes = storage[index] else {
                pointers.append(nil)
                return next(index + 1)
            }
            return bytes.withUnsafeBufferPointer { buffer in
                pointers.append(buffer.baseAddress)
                return next(index + 1)
            }
        }
        return next(0)
    }
}
