#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor line by line as bytes, with a bound on line length so one huge line cannot exhaust memory.
///
/// A line longer than `maxLineBytes` is not kept: the reader skips to its end and reports its length instead.
/// Line endings (`\n`, with an optional preceding `\r`) are removed.
final class ByteLineReader {
    /// One line, or the length of a line that was too long.
    enum Line {
        case bytes([UInt8])
        case tooLong(byteCount: Int)
    }

    private let descriptor: Int32
    private let path: String
    private let maxLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    private let shutdown: ShutdownSignal?
    /// The bytes still to read before the reader reports the end.
    private var remaining: Int

    /// Creates a reader.
    /// - Parameters:
    ///   - descriptor: The open file descriptor.
    ///   - path: The path, for errors.
    ///   - maxLineBytes: Longer lines are skipped and reported.
    ///   - chunkSize: Bytes read at a time.
    ///   - shutdown: When given, a read waiting for input (a pipe, standard input) gives up once a stop is requested,
    ///     as if the input had ended.
    ///   - byteLimit: Read at most this many bytes from the descriptor's position.
    ///   - linesBefore: The number of the line before the first one read.
    init(
        descriptor: Int32,
        path: String,
        maxLineBytes: Int,
        chunkSize: Int = 1 << 20,
        shutdown: ShutdownSignal? = nil,
        byteLimit: Int = .max,
        linesBefore: Int = 0
    ) {
        self.shutdown = shutdown
        self.descriptor = descriptor
        self.path = path
        self.maxLineBytes = maxLineBytes
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
        self.remaining = byteLimit
        self.lineNumber = linesBefore
    }

    /// The next line, or `nil` at the end of the file.
    /// - Throws: ``FileAccessError`` when reading fails.
    func next() throws(FileAccessError) -> Line? {
        var oversized = 0
        var pieces: [UInt8] = []
        while true {
            if start < end {
                let newline = buffer.withUnsafeBufferPointer { bytes -> Int? in
                    guard let base = bytes.baseAddress else { return nil }
                    guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
                    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                if let newline {
                    lineNumber += 1
                    defer { start = newline + 1 }
                    if oversized > 0 { return .tooLong(byteCount: oversized + newline - start) }
                    if pieces.count + newline - start > maxLineBytes {
                        return .tooLong(byteCount: pieces.count + newline - start)
                    }
                    pieces.append(contentsOf: buffer[start..<newline])
                    if pieces.last == 0x0D { pieces.removeLast() }
                    return .bytes(pieces)
                }
                let chunk = end - start
                if oversized > 0 || pieces.count + chunk > maxLineBytes {
                    oversized += pieces.count + chunk
                    pieces = []
                } else {
                    pieces.append(contentsOf: buffer[start..<end])
                }
                start = end
            }
            if atEnd {
                if oversized > 0 {
                    lineNumber += 1
                    return .tooLong(byteCount: oversized)
                }
                if pieces.isEmpty { return nil }
                lineNumber += 1
                if pieces.last == 0x0D { pieces.removeLast() }
                defer { pieces = [] }
                return .bytes(pieces)
            }
            try fill()
        }
    }

    private func fill() throws(FileAccessError) {
        start = 0
        end = 0
        guard remaining > 0 else {
            atEnd = true
            return
        }
        while true {
            if let shutdown {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&request, 1, 200)
                if ready < 0, errno != EINTR { throw FileAccessError.fromErrno(path: path, operation: "read") }
                if shutdown.isRequested {
                    atEnd = true
                    return
                }
                if ready <= 0 { continue }
            }
            let wanted = min(buffer.count, remaining)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            if count == 0 { atEnd = true }
            remaining -= count
            end = count
            return
        }
    }
}
