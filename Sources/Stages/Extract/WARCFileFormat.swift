public import Pipeline

/// Reads WARC archives (`.warc`, and `.warc.gz` with one gzip member per record, as Common Crawl writes them):
/// each `response` record with an HTML payload becomes a document holding the page, with `url`
/// (`WARC-Target-URI`), `warc_date` and `http_status` fields; other records are skipped and counted in the log.
/// A malformed record is dead-lettered with its byte offset, and reading resumes at the next record.
///
/// Document ids are `<file>#<offset>`: the file's relative name and the record's byte offset, stable across runs.
public struct WARCFileFormat: InputFormat {
    /// `warc`.
    public let name = "warc"
    /// `.warc`, `.warc.gz`.
    public let fileSuffixes = [".warc", ".warc.gz"]

    /// Creates the format.
    public init() {}

    /// Streams the archive's records.
    public func makeReader(for file: InputFile, options: InputOptions) -> any DocumentReader {
        WARCDocumentReader(file: file, limit: options.maxDocumentBytes)
    }
}

/// The records of one WARC file as documents.
struct WARCDocumentReader: DocumentReader {
    private let file: InputFile
    private var reader: WARCRecordReader?
    private var openError: String?
    private var skipped = 0
    private var failures = 0

    init(file: InputFile, limit: Int) {
        self.file = file
        do {
            reader = try WARCRecordReader(path: file.path, maximumPayloadBytes: limit)
        } catch {
            openError = "\(error)"
        }
    }

    mutating func next() -> InputRecord? {
        if let openError {
            self.openError = nil
            return .invalid(
                RemovedDocument(
                    id: file.relativeName,
                    source: DocumentSource(path: file.path),
                    stage: "input",
                    disposition: .deadLettered(error: openError),
                    document: nil
                )
            )
        }
        while reader != nil {
            let record: WARCRecord?
            do {
                record = try reader!.next()
            } catch {
                failures += 1
                if failures > 1_000 {
                    reader = nil
                    return invalid(id: file.relativeName, "too many malformed records; giving up on the file: \(error)")
                }
                return invalid(id: "\(file.relativeName)#error\(failures)", "\(error)")
            }
            guard let record else {
                reader = nil
                return nil
            }
            guard record.isHTMLResponse else {
                skipped += 1
                continue
            }
            let id = "\(file.relativeName)#\(record.offset)"
            if record.payloadTruncated {
                return invalid(id: id, "record payload exceeds max_document_bytes")
            }
            var document = HTMLPayload.document(
                id: id,
                bytes: record.payload,
                contentType: record.contentType,
                source: DocumentSource(path: file.path, line: nil)
            )
            document[.url] = record.targetURI
            document[.warcDate] = record.date
            document[.httpStatus] = record.httpStatus
            return .document(document)
        }
        return nil
    }

    private func invalid(id: String, _ reason: String) -> InputRecord {
        .invalid(
            RemovedDocument(
                id: id,
                source: DocumentSource(path: file.path),
                stage: "input",
                disposition: .deadLettered(error: reason),
                document: nil
            )
        )
    }
}
