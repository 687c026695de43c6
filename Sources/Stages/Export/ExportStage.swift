public import Pipeline

/// Writes every document to a file (JSON Lines, CSV, SQLite) or to PostgreSQL, and passes it on.
///
/// A file is written atomically: to a temporary file beside it, synced and renamed into place only when the input
/// has ended (including after a graceful stop). A failed or cancelled run leaves the previous file untouched.
/// PostgreSQL is written in batches, one transaction each, or, in an incremental run, in one transaction for the run
/// that records the ledger position and is committed after the files (see ``PostgresDocumentWriter``).
///
/// ```yaml
/// - type: export
///   format: jsonl          # jsonl | csv | sqlite
///   path: out/news.jsonl   # "-" writes to standard output
/// - type: export
///   format: postgres
///   url: ${DATABASE_URL}   # postgresql://user:password@host:port/database; the password is never logged
/// ```
public struct ExportStage: ConfigurableStage {
    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        /// The file format.
        public enum Format: String, Sendable, ConfigurationEnum {
            /// One JSON object per line: `id`, `text`, then every field, keys sorted.
            case jsonl
            /// Comma-separated values with a header row of `fields`.
            case csv
            /// An SQLite database with `documents`, `entities` and an FTS5 index `documents_fts`; rows are updated
            /// in place when an id comes again.
            case sqlite
            /// A PostgreSQL database (`url`) with `documents`, `entities` and a full-text column `search` with a GIN
            /// index; rows are upserted by id, in batches of one transaction each (in an incremental run, one
            /// transaction for the run, with the ledger position).
            case postgres
        }

        /// The file format.
        public var format: Format = .jsonl
        /// The destination path; `-` is standard output. Required, except for `postgres` (empty).
        public var path = ""
        /// The PostgreSQL connection URL (`postgres` only), typically `${DATABASE_URL}`.
        public var url: String?
        /// Documents per PostgreSQL transaction (`postgres` only).
        public var batchSize = 2000
        /// CSV columns: `id`, `text` or any field name (non-string fields are written as JSON).
        public var fields = ["id", "text"]
        /// Whether CSV cells starting with `=`, `+`, `-`, `@`, tab or carriage return are prefixed with `'` so
        /// spreadsheets do not run them as formulas.
        public var csvSafe = true

        /// Creates options with the defaults and no path.
        public init() {}

        /// Creates options with a path, the other options at their defaults.
        /// - Parameter path: The destination.
        public init(path: String) {
            self.path = path
        }

        /// The options.
        public static let declarations: [OptionDeclaration<Self>] = [
            .option(
                "format",
                \.format,
                help:
                    "JSON Lines, CSV, or an SQLite or PostgreSQL database with a full-text index (rows upserted by id)."
            ),
            .option(
                "path",
                \.path,
                help: "The destination file; - is standard output. Required, except for postgres (which takes url).",
                defaultText: "none"
            ),
            .option(
                "url",
                \.url,
                help: "postgres (required): the connection URL, e.g. ${DATABASE_URL}; its password is never logged."
            ),
            .option(
                "batch_size",
                \.batchSize,
                in: 1...100_000,
                help: "postgres: documents per transaction (per COPY within an incremental run's one transaction)."
            ),
            .option(
                "fields",
                \.fields,
                help: "CSV columns: id, text or any field (non-strings written as JSON).",
                check: { $0.isEmpty ? "expected at least one field" : nil }
            ),
            .option(
                "csv_safe",
                \.csvSafe,
                help: "Prefix CSV cells starting with = + - @ with ' so spreadsheets do not evaluate them."
            ),
        ]

        /// What the format needs: `postgres` takes `url` and no `path` (nor CSV options); the others take a
        /// non-empty `path` and no PostgreSQL options.
        public func problems(given keys: Set<String>) -> [OptionProblem] {
            let (path, url) = (Self.key(\.path), Self.key(\.url))
            guard format == .postgres else {
                var problems = [url, Self.key(\.batchSize)].filter(keys.contains).map { key in
                    OptionProblem.invalid(
                        key,
                        "\(key) is for format postgres; format \(format.rawValue) writes to \(path)"
                    )
                }
                if !keys.contains(path) {
                    problems.append(.missing(path))
                } else if self.path.isEmpty {
                    problems.append(.invalid(path, "expected a non-empty path"))
                }
                return problems
            }
            var problems: [OptionProblem] = []
            if (self.url ?? "").isEmpty {
                problems.append(
                    .invalid(url, "expected a connection URL for format postgres, e.g. \(url): ${DATABASE_URL}")
                )
            }
            if !self.path.isEmpty {
                problems.append(.invalid(path, "format postgres writes to \(url), not to a \(path)"))
            }
            problems += [Self.key(\.fields), Self.key(\.csvSafe)].filter(keys.contains).map { key in
                OptionProblem.invalid(key, "\(key) is for formats that write files; format postgres writes to \(url)")
            }
            return problems
        }
    }

    /// `export`.
    public static let typeName = "export"
    /// What the stage does.
    public static let summary =
        "Writes documents to JSON Lines, CSV or SQLite (atomically) or PostgreSQL (in batches), and passes them on."

    /// The options.
    public let options: Options

    /// Creates the stage.
    /// - Parameter options: The options.
    public init(options: Options) {
        self.options = options
    }

    /// Checks that the destination folder exists or can be created, and is writable.
    public func prepare(context: StageContext) async throws {
        if options.format == .postgres {
            // Connect once, so an unreachable server or refused login fails the run before the first document.
            _ = try PostgresConnection(url: options.url ?? "")
            return
        }
        if options.path != "-" { try AtomicFileWriter.createParentDirectory(of: options.path) }
    }

    /// Writes each document; when the input has ended and the whole run has succeeded, commits the file.
    public func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        if options.format == .sqlite {
            try await runSQLite(input: input, output: output, context: context)
            return
        }
        if options.format == .postgres {
            try await runPostgres(input: input, output: output, context: context)
            return
        }
        var header: [UInt8] = []
        if options.format == .csv { CSVRow.write(options.fields, safe: options.csvSafe, to: &header) }
        let count = try await input.write(toFile: options.path, header: header, passingOn: output, context: context) {
            document,
            line in
            switch options.format {
            case .jsonl, .sqlite, .postgres:
                document.writeJSON(to: &line)
                line.append(0x0A)
            case .csv:
                CSVRow.write(
                    options.fields.map { CSVRow.cell(of: document, field: $0) },
                    safe: options.csvSafe,
                    to: &line
                )
            }
        }
        context.counters.add(count, to: "written")
    }

    private func runSQLite(input: StageInput, output: StageOutput, context: StageContext) async throws {
        let writer = try SQLiteDocumentWriter(path: options.path, runID: context.runID)
        var count = 0
        do {
            for try await document in input {
                try writer.write(document)
                count += 1
                await output.emit(document)
            }
            await output.close()
            try await context.completion.waitForSuccess()
            try writer.commit()
        } catch {
            writer.rollback()
            throw error
        }
        context.counters.add(count, to: "written")
    }
}
