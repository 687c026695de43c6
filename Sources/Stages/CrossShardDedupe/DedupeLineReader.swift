import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a text file of cross-shard dedupe data (signatures, bands, buckets, remove list) line by line, as bytes,
/// counting lines for error messages.
///
/// Lines end with `\n`; a last line without one is still returned. Memory holds one chunk and one line.
///
/// # Thread safety
/// Not thread-safe: a `final class` owned by one task.
final class DedupeLineReader {
    /// The file's path, for errors.
    let path: String
    /// The 1-based number of the line last returned (0 before the first).
    private(set) var lineNumber = 0
    private let descriptor: Int32
    private var chunk: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// Opens a file.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - chunkSize: Bytes read at a time.
    /// - Throws: ``FileAccessError`` when the file cannot be opened.
    init(path: String, chunkSize: Int = 1 << 18) throws(FileAccessError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccessError.fromErrno(path: path, operation: "open") }
        chunk = [UInt8](repeating: 0, count: max(16, chunkSize))
    }

    deinit {
        close(descriptor)
    }

    /// The next line without its `\n`, or `nil` at the end of the file.
    ///
    /// - Returns: The line's bytes.
    /// - Throws: ``FileAccessError`` when reading fails.
    func next() throws(FileAccessError) -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if start < end {
                let newline = chunk[start..<end].firstIndex(of: 0x0A)
                let stop = newline ?? end
                line.append(contentsOf: chunk[start..<stop])
                if let newline {
                    start = newline + 1
                    lineNumber += 1
                    return line
                }
                start = end
            }
            if atEnd {
                guard !line.isEmpty else { return nil }
                lineNumber += 1
                return line
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            start = 0
            end = count
            if count == 0 { atEnd = true }
        }
    }

    /// An error about the line last returned.
    ///
    /// - Parameters:
    ///   - code: What kind of problem it is.
    ///   - message: What is wrong.
    /// - Returns: The error, located at this file and line.
    func error(_ code: CrossShardDedupeError.Code, _ message: String) -> CrossShardDedupeError {
        CrossShardDedupeError(code, message, path: path, line: lineNumber)
    }
}
