#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads documents from expanded input files: text files whole, JSON Lines files line by line.
///
/// Every problem becomes an ``InputRecord/invalid(_:)`` record naming the file (and line) and the reason: a file that
/// cannot be opened or read, invalid UTF-8 (with its byte offset), an empty text, a document over the size limit,
/// a malformed JSON line, a line that is not an object, a missing or non-string text field. A UTF-8 byte order mark
/// at the start of a file is removed. Blank lines in JSON Lines files are ignored.
public struct InputFileReader: DocumentReader {
    private let files: [InputFile]
    private let options: InputOptions
    private var pending: [InputRecord]
    private var fileIndex = 0
    private var lines: ByteLineReader?
    private var linesDescriptor: Int32 = -1
    private var current: InputFile?
    private let parser = JSONParser()
    private let shutdown: ShutdownSignal?
    private let formats: [any InputFormat]
    private var formatReader: (any DocumentReader)?

    /// Creates a reader.
    /// - Parameters:
    ///   - expansion: The files to read and the problems found while expanding the input paths.
    ///   - options: The input options.
    ///   - shutdown: When given, waiting for more input on a pipe or standard input ends once a stop is requested.
    ///   - formats: Registered input formats, for files the expander assigned to them.
    public init(
        expansion: InputExpander.Expansion,
        options: InputOptions,
        shutdown: ShutdownSignal? = nil,
        formats: [any InputFormat] = []
    ) {
        self.shutdown = shutdown
        self.formats = formats
        self.files = expansion.files
        self.options = options
        self.pending = expansion.problems.map(InputRecord.invalid)
    }

    /// The next record, or `nil` when every file has been read.
    public mutating func next() -> InputRecord? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            if formatReader != nil {
                if shutdown?.isRequested != true, let record = formatReader!.next() { return record }
                formatReader = nil
                continue
            }
            if let reader = lines, let file = current {
                do {
                    guard let line = try reader.next() else {
                        closeLines()
                        continue
                    }
                    if let record = record(from: line, number: reader.lineNumber, file: file) { return record }
                    continue
                } catch {
                    closeLines()
                    return .invalid(
                        invalid(id: file.relativeName, source: DocumentSource(path: file.path), error.description)
                    )
                }
            }
            guard fileIndex < files.count else { return nil }
            let file = files[fileIndex]
            fileIndex += 1
            switch file.kind {
            case .text: return readTextFile(file)
            case .jsonLines:
                if let problem = openLines(file) { return problem }
            case .format(let name):
                guard let format = formats.first(where: { $0.name == name }) else {
                    return .invalid(
                        invalid(
                            id: file.relativeName,
                            source: DocumentSource(path: file.path),
                            "no reader for input format '\(name)'"
                        )
                    )
                }
                formatReader = format.makeReader(for: file, options: options)
            }
        }
    }

    // MARK: Text files

    private func readTextFile(_ file: InputFile) -> InputRecord {
        let source = DocumentSource(path: file.path)
        let descriptor = file.path == "-" ? 0 : open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .invalid(
                invalid(
                    id: file.relativeName,
                    source: source,
                    FileAccessError.fromErrno(path: file.path, operation: "open").description
                )
            )
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .invalid(
                    invalid(
                        id: file.relativeName,
                        source: source,
                        FileAccessError.fromErrno(path: file.path, operation: "read").description
                    )
                )
            }
            if count == 0 { break }
            if bytes.count + count > options.maxDocumentBytes + 3 {
                var total = bytes.count + count
                while true {
                    let more = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if more < 0, errno == EINTR { continue }
                    if more <= 0 { break }
                    total += more
                }
                return .invalid(
                    invalid(
                        id: file.relativeName,
                        source: source,
                        Self.tooLarge(total, limit: options.maxDocumentBytes)
                    )
                )
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return makeDocument(bytes: bytes[...], id: file.relativeName, fields: [:], source: source, raw: nil)
    }

    // MARK: JSON Lines

    private mutating func openLines(_ file: InputFile) -> InputRecord? {
        let descriptor = file.path == "-" ? 0 : open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .invalid(
                invalid(
                    id: file.relativeName,
                    source: DocumentSource(path: file.path),
                    FileAccessError.fromErrno(path: file.path, operation: "open").description
                )
            )
        }
        if let range = file.byteRange, lseek(descriptor, off_t(range.lowerBound), SEEK_SET) < 0 {
            let error = FileAccessError.fromErrno(path: file.path, operation: "seek")
            close(descriptor)
            return .invalid(invalid(id: file.relativeName, source: DocumentSource(path: file.path), error.description))
        }
        // A JSON line holds the text escaped: allow room for escapes and other members.
        let maxLine = options.maxDocumentBytes > Int.max / 8 ? Int.max / 2 : options.maxDocumentBytes * 6 + (1 << 16)
        lines = ByteLineReader(
            descriptor: descriptor,
            path: file.path,
            maxLineBytes: maxLine,
            shutdown: shutdown,
            byteLimit: file.byteRange?.count ?? .max,
            linesBefore: file.linesBefore
        )
        linesDescriptor = descriptor
        current = file
        return nil
    }

    private mutating func closeLines() {
        if linesDescriptor > 0 { close(linesDescriptor) }
        linesDescriptor = -1
        lines = nil
        current = nil
    }

    private func record(from line: ByteLineReader.Line, number: Int, file: InputFile) -> InputRecord? {
        let source = DocumentSource(path: file.path, line: number)
        let fallbackID = "\(file.relativeName):\(number)"
        switch line {
        case .tooLong(let count):
            return .invalid(
                invalid(
                    id: fallbackID,
                    source: source,
                    "line \(number): " + Self.tooLarge(count, limit: options.maxDocumentBytes)
                )
            )
        case .bytes(var bytes):
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            let raw = JSONValue.string(String(decoding: bytes.prefix(65_536), as: UTF8.self))
            let value: JSONValue
            do {
                value = try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.SyntaxError) in
                    try parser.parse(buffer)
                }
            } catch {
                return .invalid(
                    invalid(
                        id: fallbackID,
                        source: source,
                        "line \(number): invalid JSON: \(error.description)",
                        raw: raw
                    )
                )
            }
            guard case .object(var members) = value else {
                return .invalid(
                    invalid(
                        id: fallbackID,
                        source: source,
                        "line \(number): expected a JSON object, found \(value.kindDescription)",
                        raw: raw
                    )
                )
            }
            var id = fallbackID
            switch members.removeValue(forKey: options.idField) {
            case .string(let value)?: id = value
            case .integer(let value)?: id = String(value)
            case nil, .null?: break
            case let other?:
                return .invalid(
                    invalid(
                        id: fallbackID,
                        source: source,
                        "line \(number): member '\(options.idField)' is \(other.kindDescription), expected a string or an integer",
                        raw: raw
                    )
                )
            }
            guard let textValue = members.removeValue(forKey: options.textField) else {
                return .invalid(
                    invalid(id: id, source: source, "line \(number): missing member '\(options.textField)'", raw: raw)
                )
            }
            guard case .string(let text) = textValue else {
                return .invalid(
                    invalid(
                        id: id,
                        source: source,
                        "line \(number): member '\(options.textField)' is \(textValue.kindDescription), expected a string",
                        raw: raw
                    )
                )
            }
            if options.textField != "text" { members.removeValue(forKey: "text") }
            return makeDocument(text: text, id: id, fields: members, source: source, raw: raw, line: number)
        }
    }

    // MARK: Shared checks

    private func makeDocument(
        bytes: ArraySlice<UInt8>,
        id: String,
        fields: [String: JSONValue],
        source: DocumentSource,
        raw: JSONValue?
    ) -> InputRecord {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(bytes)
            return .invalid(
                invalid(
                    id: id,
                    source: source,
                    "invalid UTF-8 at byte \(offset)",
                    raw: .string(String(decoding: bytes.prefix(65_536), as: UTF8.self))
                )
            )
        }
        return makeDocument(text: text, id: id, fields: fields, source: source, raw: raw, line: nil)
    }

    private func makeDocument(
        text: String,
        id: String,
        fields: [String: JSONValue],
        source: DocumentSource,
        raw: JSONValue?,
        line: Int?
    ) -> InputRecord {
        let prefix = line.map { "line \($0): " } ?? ""
        let size = text.utf8.count
        if size > options.maxDocumentBytes {
            return .invalid(
                invalid(id: id, source: source, prefix + Self.tooLarge(size, limit: options.maxDocumentBytes))
            )
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) {
            return .invalid(
                invalid(
                    id: id,
                    source: source,
                    prefix + (size == 0 ? "empty text" : "text is only whitespace"),
                    raw: raw
                )
            )
        }
        return .document(Document(id: id, text: text, fields: fields, source: source))
    }

    private func invalid(id: String, source: DocumentSource, _ reason: String, raw: JSONValue? = nil) -> RemovedDocument
    {
        RemovedDocument(
            id: id,
            source: source,
            stage: RemovedDocument.inputStage,
            disposition: .deadLettered(error: reason),
            document: raw
        )
    }

    private static func tooLarge(_ size: Int, limit: Int) -> String {
        "document of \(size) bytes exceeds max_document_bytes (\(limit))"
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
