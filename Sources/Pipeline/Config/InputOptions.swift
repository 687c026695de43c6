/// The `input` section of a pipeline file: what to read and how.
///
/// ```yaml
/// input:
///   path: seeds/              # a folder, a file, a glob, a list of them, or "-" for JSON Lines on stdin
///   format: auto              # auto | text | jsonl
///   text_field: text          # JSON Lines: the member holding the text
///   id_field: id              # JSON Lines: the member holding the id
///   max_document_bytes: 10485760
///   on_invalid: dead-letter   # dead-letter | fail: what unreadable input does
/// ```
public struct InputOptions: DeclaredOptions, Hashable {
    /// How input files are read.
    public enum Format: String, Sendable, Hashable, ConfigurationEnum {
        /// By extension: `.jsonl`, `.ndjson` and `-` are JSON Lines; everything else is text.
        case auto
        /// Each file is one document.
        case text
        /// Each line is one JSON object.
        case jsonl
    }

    /// Paths, folders or globs to read, in order; `-` is standard input. Relative paths are relative to the
    /// working directory.
    public var paths: [String] {
        get { path.values }
        set { path = OneOrMore(newValue) }
    }
    /// The `path` option: one path or a list.
    var path = OneOrMore<String>([])
    /// How files are read.
    public var format: Format = .auto
    /// The JSON member holding the text.
    public var textField = "text"
    /// The JSON member holding the id.
    public var idField = "id"
    /// Documents larger than this (UTF-8 bytes of text) are sent to the dead-letter output.
    public var maxDocumentBytes = InputOptions.defaultMaxDocumentBytes
    /// How a sharded run splits the input: by file (default) or by record id.
    public var split: Split = .file

    /// What unreadable input (a malformed JSON line, invalid UTF-8, an empty or oversized text) does to the run.
    public var onInvalid: InvalidInputPolicy = .deadLetter
    /// Whether `run` reads only what earlier runs have not consumed, as the ledger beside the run state records:
    /// new files, the new complete lines of a grown JSON Lines file, a file rewritten in place again in whole.
    public var incremental = false

    /// What unreadable input does to the run.
    public enum InvalidInputPolicy: String, Sendable, Hashable, ConfigurationEnum {
        /// It goes to the dead-letter output with its reason, and the run goes on.
        case deadLetter = "dead-letter"
        /// The run stops with a ``StageFailure`` naming the record (exit code 2, like a stage under `on_error: fail`).
        case fail
    }

    /// How a sharded run (`run --shard i/N`) splits the input.
    public enum Split: String, Sendable, Hashable, ConfigurationEnum {
        /// File k of the byte-sorted input list goes to shard k mod N.
        case file
        /// Every shard reads every file and keeps the records whose id hashes to it (for a few huge JSON Lines files).
        case record
    }

    /// The default size limit: 10 MiB.
    public static let defaultMaxDocumentBytes = 10 << 20

    /// Creates input options with the defaults and no path.
    public init() {}

    /// Creates input options.
    /// - Parameters:
    ///   - paths: What to read.
    ///   - format: How (default auto).
    ///   - textField: The JSON text member (default `text`).
    ///   - idField: The JSON id member (default `id`).
    ///   - maxDocumentBytes: The size limit (default 10 MiB).
    public init(
        paths: [String],
        format: Format = .auto,
        textField: String = "text",
        idField: String = "id",
        maxDocumentBytes: Int = InputOptions.defaultMaxDocumentBytes
    ) {
        self.path = OneOrMore(paths)
        self.format = format
        self.textField = textField
        self.idField = idField
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// The section's options.
    public static let declarations: [OptionDeclaration<Self>] = [
        .required(
            "path",
            \.path,
            help: "Folders (.txt/.md files, and .jsonl inside them), files, globs, or - for JSON Lines on stdin.",
            check: {
                $0.values.isEmpty || $0.values.contains(where: \.isEmpty)
                    ? "expected a non-empty path or list of paths" : nil
            }
        ),
        .option(
            "format",
            \.format,
            help: "auto: .jsonl/.ndjson files and - are JSON Lines, other files are one document each."
        ),
        .option("text_field", \.textField, help: "JSON Lines member holding the text."),
        .option("id_field", \.idField, help: "JSON Lines member holding the id."),
        .option(
            "max_document_bytes",
            \.maxDocumentBytes,
            in: 1...(1 << 34),
            help: "Larger documents go to the dead-letter output."
        ),
        .option(
            "split",
            \.split,
            help: "Sharded runs: file k of the sorted list goes to shard k mod N, or records are split by id hash."
        ),
        .option(
            "on_invalid",
            \.onInvalid,
            help: "Unreadable input (malformed JSON line, invalid UTF-8, empty or oversized text): dead-letter it, "
                + "or fail the run (exit 2)."
        ),
        .option(
            "incremental",
            \.incremental,
            help: "Read only input that earlier runs have not consumed (new files, new lines of a grown JSON Lines "
                + "file), as the ledger beside the run state records."
        ),
    ]
}
