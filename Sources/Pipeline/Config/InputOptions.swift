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
public struct InputOptions: Sendable, Hashable, Decodable {
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
    public var paths: [String]
    /// How files are read.
    public var format: Format
    /// The JSON member holding the text.
    public var textField: String
    /// The JSON member holding the id.
    public var idField: String
    /// Documents larger than this (UTF-8 bytes of text) are sent to the dead-letter output.
    public var maxDocumentBytes: Int
    /// How a sharded run splits the input: by file (default) or by record id.
    public var split: Split = .file

    /// What unreadable input (a malformed JSON line, invalid UTF-8, an empty or oversized text) does to the run.
    public var onInvalid: InvalidInputPolicy = .deadLetter

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
        self.paths = paths
        self.format = format
        self.textField = textField
        self.idField = idField
        self.maxDocumentBytes = maxDocumentBytes
    }

    private enum CodingKeys: String, CodingKey {
        case path, format
        case textField = "text_field"
        case idField = "id_field"
        case maxDocumentBytes = "max_document_bytes"
        case split
        case onInvalid = "on_invalid"
    }

    /// Decodes the section; `path` is a string or a list of strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let single = try? container.decode(String.self, forKey: .path) {
            paths = [single]
        } else {
            paths = try container.decode([String].self, forKey: .path)
        }
        if paths.isEmpty || paths.contains(where: \.isEmpty) {
            throw DecodingError.dataCorruptedError(
                forKey: .path,
                in: container,
                debugDescription: "expected a non-empty path or list of paths"
            )
        }
        format = try container.decodeIfPresent(Format.self, forKey: .format) ?? .auto
        textField = try container.decodeIfPresent(String.self, forKey: .textField) ?? "text"
        idField = try container.decodeIfPresent(String.self, forKey: .idField) ?? "id"
        maxDocumentBytes =
            try container.decodeIfPresent(Int.self, forKey: .maxDocumentBytes, in: 1...(1 << 34))
            ?? InputOptions.defaultMaxDocumentBytes
        split = try container.decodeIfPresent(Split.self, forKey: .split) ?? .file
        onInvalid = try container.decodeIfPresent(InvalidInputPolicy.self, forKey: .onInvalid) ?? .deadLetter
    }

    /// The section's options, for `pipeline-run stages`.
    public static let documentation: [OptionDocumentation] = [
        OptionDocumentation(
            "path",
            type: "string or list of strings",
            defaultValue: nil,
            summary: "Folders (.txt/.md files, and .jsonl inside them), files, globs, or - for JSON Lines on stdin."
        ),
        OptionDocumentation(
            "format",
            type: "one of auto, text, jsonl",
            defaultValue: "auto",
            summary: "auto: .jsonl/.ndjson files and - are JSON Lines, other files are one document each."
        ),
        OptionDocumentation(
            "text_field",
            type: "string",
            defaultValue: "text",
            summary: "JSON Lines member holding the text."
        ),
        OptionDocumentation(
            "id_field",
            type: "string",
            defaultValue: "id",
            summary: "JSON Lines member holding the id."
        ),
        OptionDocumentation(
            "max_document_bytes",
            type: "integer",
            defaultValue: "10485760",
            summary: "Larger documents go to the dead-letter output."
        ),
        OptionDocumentation(
            "split",
            type: "one of file, record",
            defaultValue: "file",
            summary: "Sharded runs: file k of the sorted list goes to shard k mod N, or records are split by id hash."
        ),
        OptionDocumentation(
            "on_invalid",
            type: "one of dead-letter, fail",
            defaultValue: "dead-letter",
            summary: "Unreadable input (malformed JSON line, invalid UTF-8, empty or oversized text): dead-letter it, "
                + "or fail the run (exit 2)."
        ),
    ]
}
