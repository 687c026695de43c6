import Pipeline

/// A PostgreSQL failure: what was being done, on which server (host, port, database and user; never the password),
/// the server's or libpq's message, and whether a retry may help.
///
/// A server that is down, refuses connections, is starting up or shutting down, has no connection slot left, or
/// drops the connection is a transient failure (the command-line tool exits 75 and a supervisor retries); wrong
/// credentials, a missing database or role, a malformed URL or a statement the server rejects is a permanent one
/// (exit 1).
struct PostgresError: RetryableError, CustomStringConvertible, Equatable {
    /// The kind of failure.
    struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case unreachable, rejected, invalidURL, connectionLost, statement
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The server is down, refuses connections, or cannot take one now: transient.
        static let unreachable = Code(.unreachable)
        /// The server refused the login: wrong credentials, a missing database or role, no `pg_hba.conf` entry.
        static let rejected = Code(.rejected)
        /// The connection URL cannot be parsed.
        static let invalidURL = Code(.invalidURL)
        /// The connection broke while a statement ran: transient.
        static let connectionLost = Code(.connectionLost)
        /// The server rejected a statement; ``PostgresError/sqlState`` says why.
        static let statement = Code(.statement)

        var description: String {
            switch value {
            case .unreachable: "unreachable"
            case .rejected: "rejected"
            case .invalidURL: "invalid URL"
            case .connectionLost: "connection lost"
            case .statement: "statement"
            }
        }
    }

    /// The kind of failure.
    var code: Code
    /// The server, as `host:port/database (user name)`; never the password.
    var server: String
    /// What was being done ("connect", "write a batch", ...).
    var operation: String
    /// The server's or libpq's message, on one line.
    var message: String
    /// The SQLSTATE the server reported for a rejected statement, if any.
    var sqlState: String?

    /// SQLSTATE classes whose cause may go away by itself: connection exceptions, transaction rollbacks
    /// (serialization failures, deadlocks), insufficient resources, operator intervention (shutdown, cancel), and
    /// system errors.
    private static let transientClasses: Set<Substring> = ["08", "40", "53", "57", "58"]

    /// Transient for an unreachable server, a lost connection, or a statement rejected for a passing cause.
    var isTransient: Bool {
        switch code {
        case .unreachable, .connectionLost: true
        case .statement: sqlState.map { Self.transientClasses.contains($0.prefix(2)) } ?? false
        default: false
        }
    }

    var description: String {
        let advice: String
        switch code {
        case .unreachable:
            advice = "the server is down or refuses connections (transient: retry later)"
        case .rejected:
            advice = "the server rejected the login: check the user, password and database in the URL (permanent)"
        case .invalidURL:
            advice = "the connection URL is malformed (permanent)"
        case .connectionLost:
            advice = "the connection was lost (transient: retry later)"
        default:
            advice = isTransient ? "transient: retry later" : "permanent"
        }
        let state = sqlState.map { " [SQLSTATE \($0)]" } ?? ""
        return "PostgreSQL \(server): cannot \(operation), \(advice): \(message)\(state)"
    }

    /// Parts of libpq's and the server's login messages that mean the login itself was refused, so a retry cannot
    /// help.
    private static let rejectionMarkers = [
        "authentication failed", "does not exist", "no pg_hba.conf entry", "not permitted to log in",
        "no password supplied", "permission denied", "server does not support SSL",
    ]

    /// Whether a connection failure's message says the server refused the login (rather than was not reachable).
    /// - Parameter message: libpq's message.
    /// - Returns: `true` for a refused login.
    static func isRejection(_ message: String) -> Bool {
        rejectionMarkers.contains { message.contains($0) }
    }

    /// libpq's multi-line message on one line: lines joined by a space, runs of blanks collapsed, `FATAL:  ` kept.
    /// - Parameter message: The message.
    /// - Returns: The message on one line.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }
}
