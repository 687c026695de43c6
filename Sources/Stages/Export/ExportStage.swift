public import Pipeline

/// Writes every document to a file (JSON Lines, CSV, SQLite) or to PostgreSQL, and passes it on.
///
/// A file is written atomically: to a temporary file beside it, synced and renamed into place only when the input
/// has ended (including after a graceful stop). A failed or cancelled run leaves the previous file untouched.
/// PostgreSQL is written in batches, one transaction each (see ``PostgresDocumentWriter``).
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
            /// index; rows are upserted by id, in batches of one transaction each.
            case postgres
        }

        /// The file format.
        public var format: Format = .jsonl
        /// The destination path; `-` is standard output. Empty for `postgres`.
        public var path: String
        /// The PostgreSQL connection URL (`postgres` only), typically `${DATABASE_URL}`.
        public var url: String?
        /// Documents per PostgreSQL transaction (`postgres` only).
        public var batchSize = 2000
        /// CSV columns: `id`, `text` or any field name (non-string fields are written as JSON).
        public var fields: [String] = ["id", "text"]
        /// Whether CSV cells starting with `=`, `+`, `-`, `@`, tab or carriage return are prefixed with `'` so
        /// spreadsheets do not run them as formulas.
        public var csvSafe = true

        /// Creates options.
        /// - Parameters:
        ///   - format: The format.
        ///   - path: The destination.
        ///   - fields: CSV columns.
        ///   - csvSafe: Formula escaping for CSV.
        ///   - url: The PostgreSQL connection URL, for `postgres`.
        ///   - batchSize: Documents per PostgreSQL transaction.
        public init(
            format: Format = .jsonl,
            path: String,
            fields: [String] = ["id", "text"],
            csvSafe: Bool = true,
            url: String? = nil,
            batchSize: Int = 2000
        ) {
            self.format = format
            self.path = path
            self.fields = fields
            self.csvSafe = csvSafe
            self.url = url
            self.batchSize = batchSize
        }

        private enum CodingKeys: String, CodingKey {
            case format, path, fields, url
            case csvSafe = "csv_safe"
            case batchSize = "batch_size"
        }

        /// Decodes the options.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            format = try container.decodeIfPresent(Format.self, forKey: .format) ?? .jsonl
            if format == .postgres {
                let url = try container.decodeIfPresent(String.self, forKey: .url) ?? ""
                if url.isEmpty {
                    throw DecodingError.dataCorruptedError(
                        forKey: .url,
                        in: container,
                        debugDescription: "expected a connection URL for format postgres, e.g. url: ${DATABASE_URL}"
                    )
                }
                self.url = url
                batchSize = try container.decodeIfPresent(Int.self, forKey: .batchSize) ?? 2000
                if !(1...100_000).contains(batchSize) {
                    throw DecodingError.dataCorruptedError(
                        forKey: .batchSize,
                        in: container,
                        debugDescription: "expected a batch size from 1 to 100000"
                    )
                }
                path = try container.decodeIfPresent(String.self, forKey: .path) ?? ""
                if !path.isEmpty {
                    throw DecodingError.dataCorruptedError(
                        forKey: .path,
                        in: container,
                        debugDescription: "format postgres writes to url, not to a path"
                    )
                }
                fields = ["id", "text"]
                csvSafe = true
                return
            }
            for key in [CodingKeys.url, .batchSize] where container.contains(key) {
                throw DecodingError.dataCorruptedError(
                    forKey: key,
                    in: container,
                    debugDescription:
                        "\(key.stringValue) is for format postgres; format \(format.rawValue) writes to path"
                )
            }
            path = try container.decode(String.self, forKey: .path)
            if path.isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: .path,
                    in: container,
                    debugDescription: "expected a non-empty path"
                )
            }
            fields = try container.decodeIfPresent([String].self, forKey: .fields) ?? ["id", "text"]
            if fields.isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: .fields,
                    in: container,
                    debugDescription: "expected at least one field"
                )
            }
            csvSafe = try container.decodeIfPresent(Bool.self, forKey: .csvSafe) ?? true
        }

        /// The options, for `pipeline-run stages`.
        public static let documentation: [OptionDocumentation] = [
            OptionDocumentation(
                "format",
                type: "one of jsonl, csv, sqlite, postgres",
                defaultValue: "jsonl",
                summary:
                    "JSON Lines, CSV, or an SQLite or PostgreSQL database with a full-text index (rows upserted by id)."
            ),
            OptionDocumentation(
                "path",
                type: "string",
                defaultValue: "none",
                summary: "The destination file; - is standard output. Required, except for postgres (which takes url)."
            ),
            OptionDocumentation(
                "url",
                type: "string",
                defaultValue: "none",
                summary: "postgres (required): the connection URL, e.g. ${DATABASE_URL}; its password is never logged."
            ),
            OptionDocumentation(
                "batch_size",
                type: "integer 1-100000",
                defaultValue: "2000",
                summary: "postgres: documents per transaction."
            ),
            OptionDocumentation(
                "fields",
                type: "list of strings",
                defaultValue: "[id, text]",
                summary: "CSV columns: id, text or any field (non-strings written as JSON)."
            ),
            OptionDocumentation(
                "csv_safe",
                type: "boolean",
                defaultValue: "true",
                summary: "Prefix CSV cells starting with = + - @ with ' so spreadsheets do not evaluate them."
            ),
        ]
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
        let writer = try AtomicFileWriter(path: options.path, keepingExisting: context.isResuming)
        var line: [UInt8] = []
        var count = 0
        do {
            if options.format == .csv, writer.keptBytes == 0 {
                CSVRow.write(options.fields, safe: options.csvSafe, to: &line)
                try writer.write(line)
            }
            for try await document in input {
                line.removeAll(keepingCapacity: true)
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
                try writer.write(line)
                count += 1
                await output.emit(document)
            }
            try writer.flush()
            await output.close()
            try await context.completion.waitForSuccess()
            try writer.commit()
        } catch {
            writer.discard()
            throw error
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
