public import Pipeline

/// An example of a user's own output stage: writes chosen fields of every document as tab-separated values, one
/// row per document, for `cut`, `sort`, `awk` or a spreadsheet.
///
/// ```yaml
/// - type: tsv
///   path: out/summaries.tsv
///   fields: [id, summary]     # id, text or any field; non-strings are written as JSON, missing ones empty
///   header: true              # a first row naming the fields
/// ```
/// A tab, line break or backslash inside a value is written `\t`, `\n`, `\r` or `\\` (as PostgreSQL's text `COPY`
/// format does), so each document is exactly one line.
///
/// The stage declares what the runner and the CLI need through the capabilities any stage can adopt, and so gets
/// what the built-in `export` gets:
/// - ``fileOutputs`` lists its file as appended to: `run --shard 1/4` writes `out/summaries/part-00001-of-00004.tsv`,
///   `run --resume` fingerprints the file and adds only the rows of documents the earlier run did not commit.
/// - ``streamMode()``: left out of `pipeline-run stream`, whose standard output carries the documents.
public struct TSVExportStage: ConfigurableStage, DocumentSinkStage {
    /// The stage's options: each declared once, with its default as the property's initial value.
    public struct Options: StageOptions {
        /// The file to write; `-` is standard output.
        public var path = ""
        /// The columns: `id`, `text` or any field name.
        public var fields = ["id", "text"]
        /// Whether the first row names the fields.
        public var header = true

        /// Creates options with the defaults (and no path).
        public init() {}

        /// The options: decoding, `pipeline-run stages` and the JSON Schema all come from this table.
        public static let declarations: [OptionDeclaration<Self>] = [
            .required(
                "path",
                \.path,
                help: "The TSV file to write; - is standard output.",
                check: { $0.isEmpty ? "expected a non-empty path" : nil }
            ),
            .option(
                "fields",
                \.fields,
                help: "Columns: id, text or any field (non-strings written as JSON).",
                check: { $0.isEmpty ? "expected at least one field" : nil }
            ),
            .option("header", \.header, help: "Write a first row naming the fields."),
        ]
    }

    /// `tsv`.
    public static let typeName = "tsv"
    /// What the stage does.
    public static let summary = "Example custom sink: writes chosen fields as tab-separated values, one row each."

    /// The options.
    public let options: Options

    /// Creates the stage.
    /// - Parameter options: The options.
    public init(options: Options) {
        self.options = options
    }

    /// The one file the stage writes, kept and added to by a resumed run.
    public var fileOutputs: [StageFileOutput] { [StageFileOutput(path: options.path, resumption: .appended)] }

    /// The same stage writing to `relocate(path)`, e.g. a shard's part.
    /// - Parameter relocate: Maps the path to the one to write instead.
    /// - Returns: The relocated stage.
    public func relocatingFileOutputs(_ relocate: (String) -> String) -> TSVExportStage {
        var options = self.options
        options.path = relocate(options.path)
        return TSVExportStage(options: options)
    }

    /// Left out of a stream: the stream's standard output carries the documents instead.
    /// - Returns: ``StreamMode/omitted``.
    public func streamMode() -> StreamMode { .omitted }

    /// Checks that the file's folder exists or can be created, before the first document is read.
    public func prepare(context: StageContext) async throws {
        if options.path != "-" { try AtomicFileWriter.createParentDirectory(of: options.path) }
    }

    /// Writes a row per document and passes the document on; commits the file once the whole run has succeeded.
    public func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
        _ = try await input.write(
            toFile: options.path,
            header: options.header ? Self.row(options.fields) : [],
            passingOn: output,
            context: context
        ) { document, line in
            line += Self.row(options.fields.map { Self.value(of: document, field: $0) })
        }
    }

    /// A field's value as text: the string itself, JSON for other values, empty when the document lacks it.
    static func value(of document: Document, field: String) -> String {
        switch field {
        case "id": document.id
        case "text": document.text
        default:
            switch document.fields[field] {
            case nil, .null?: ""
            case .string(let value)?: value
            case let value?: value.serialized()
            }
        }
    }

    /// One row: the cells joined by tabs, tabs, line breaks and backslashes escaped, then a line feed.
    static func row(_ cells: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(0x09) }
            for byte in cell.utf8 {
                switch byte {
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x5C: bytes += [0x5C, 0x5C]
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x0A)
        return bytes
    }
}
