import Foundation

@testable import Stages

/// The PostgreSQL server the tests write to: the one `scripts/with-postgres.sh` started around `swift test` (it
/// exports `PIPELINE_TEST_DATABASE_URL`; `make test` does that), or else one this test process starts through the
/// same script, on first use, and that stops when the process ends (the script's command waits for its standard
/// input to close). Never a mock.
enum PostgresTestServer {
    /// The server's connection URL (role and database `pipeline`).
    static let url: String = startedURL()

    private static func startedURL() -> String {
        if let url = ProcessInfo.processInfo.environment["PIPELINE_TEST_DATABASE_URL"], !url.isEmpty { return url }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            Executable.packageRoot.path + "/scripts/with-postgres.sh",
            "sh", "-c", #"printf '%s\n' "$DATABASE_URL"; exec cat >/dev/null"#,
        ]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        do {
            try process.run()
        } catch {
            fatalError("cannot start scripts/with-postgres.sh: \(error)")
        }
        // The write end of the server's standard input stays open for the life of this process: when the process
        // ends, the kernel closes it, `cat` returns, and the script stops and removes the cluster.
        _ = Unmanaged.passRetained(input)
        var line: [UInt8] = []
        while true {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { fatalError("scripts/with-postgres.sh ended without starting a server") }
            line.append(contentsOf: data)
            if line.last == 0x0A { break }
        }
        return String(decoding: line.dropLast(), as: UTF8.self)
    }

    /// A connection URL whose tables live in a new, empty schema of their own, so tests run in parallel.
    /// - Returns: The URL, with `search_path` set to the new schema.
    static func freshSchemaURL() throws -> String {
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresConnection(url: url).execute("CREATE SCHEMA \(schema)", operation: "create a test schema")
        return url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
    }

    /// The rows a query returns.
    /// - Parameters:
    ///   - url: The connection URL.
    ///   - sql: The query.
    /// - Returns: The rows, as text.
    static func rows(_ url: String, _ sql: String) throws -> [[String?]] {
        try PostgresConnection(url: url).query(sql, operation: "query")
    }

}
