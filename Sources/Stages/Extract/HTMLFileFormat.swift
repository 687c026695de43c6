public import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Reads `.html` and `.htm` files: each file is one document holding the page (for the `extract` stage), whatever
/// its character set (see ``HTMLPayload``). The id is the path relative to the folder.
public struct HTMLFileFormat: InputFormat {
    /// `html`.
    public let name = "html"
    /// `.html`, `.htm`.
    public let fileSuffixes = [".html", ".htm"]

    /// Creates the format.
    public init() {}

    /// Reads the file as one record.
    public func makeReader(for file: InputFile, options: InputOptions) -> any DocumentReader {
        ArrayDocumentReader([Self.read(file, limit: options.maxDocumentBytes)])
    }

    private static func read(_ file: InputFile, limit: Int) -> InputRecord {
        let source = DocumentSource(path: file.path)
        func failure(_ reason: String) -> InputRecord {
            .invalid(
                RemovedDocument(
                    id: file.relativeName,
                    source: source,
                    stage: "input",
                    disposition: .deadLettered(error: reason),
                    document: nil
                )
            )
        }
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return failure(FileAccessError.fromErrno(path: file.path, operation: "open").description)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return failure(FileAccessError.fromErrno(path: file.path, operation: "read").description)
            }
            if count == 0 { break }
            total += count
            if total <= limit { bytes.append(contentsOf: chunk[0..<count]) }
        }
        if total > limit { return failure("document of \(total) bytes exceeds max_document_bytes (\(limit))") }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return failure(total == 0 ? "empty text" : "text is only whitespace")
        }
        return .document(
            HTMLPayload.document(id: file.relativeName, bytes: bytes, contentType: "text/html", source: source)
        )
    }
}
