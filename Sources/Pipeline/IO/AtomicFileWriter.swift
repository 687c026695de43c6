#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that it is either complete or untouched: bytes go to a temporary file beside the destination,
/// which is flushed to disk and renamed over the destination by ``commit()``; ``discard()`` removes it.
///
/// An incremental run appends to its outputs in place instead (``ExistingContent/appendedInPlace``): copying an
/// output that grows with every batch would make each batch cost as much as the whole archive. Then only a failure
/// the process survives is undone here (``discard()`` cuts the file back); a kill leaves the appended bytes, and the
/// incremental ledger, which fingerprinted every output before the run, cuts them back on the next start.
///
/// The path `-` writes to standard output directly (nothing to rename). Writes are buffered; every system error
/// becomes a ``FileAccessError`` naming the path.
///
/// # Thread safety
/// Not thread-safe: owned by one task.
public final class AtomicFileWriter {
    /// The destination path.
    public let path: String
    /// The temporary path being written (equal to `path` for standard output).
    public let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 20
    private var finished = false

    /// What the writer does with the destination's current content.
    public enum ExistingContent: Sendable {
        /// Replaced: the temporary file starts empty.
        case replaced
        /// Kept: the temporary file starts with a copy of it, so a resumed run adds to what an earlier run
        /// committed.
        case copied
        /// Kept and appended to in place, without a temporary file: ``commit()`` syncs the destination,
        /// ``discard()`` cuts it back to its length before. Only for writers whose caller cuts back what a killed
        /// process appended (an incremental run's ledger).
        case appendedInPlace
    }

    /// Bytes of the existing destination kept in front of what this writer writes (0 when replacing it).
    public private(set) var keptBytes = 0
    private let existing: ExistingContent

    /// Creates the destination's folder if needed and opens a temporary file beside the destination (or, when
    /// appending in place, the destination itself).
    /// - Parameters:
    ///   - path: The destination path, or `-` for standard output.
    ///   - existing: What to do with the destination's current content (default: replace it).
    /// - Throws: ``FileAccessError`` when the folder cannot be created or a file cannot be opened or copied.
    public init(path: String, existing: ExistingContent = .replaced) throws(FileAccessError) {
        self.path = path
        self.existing = existing
        if path == "-" {
            temporaryPath = path
            descriptor = 1
            return
        }
        try Self.createParentDirectory(of: path)
        if existing == .appendedInPlace {
            temporaryPath = path
            descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw FileAccessError.fromErrno(path: path, operation: "open") }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else {
                close(descriptor)
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            keptBytes = Int(info.st_size)
            return
        }
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, 255)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        temporaryPath = "\(path).tmp-\(host)-\(getpid())"
        Self.removeAbandonedTemporaryFiles(of: path, host: host)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileAccessError.fromErrno(path: path, operation: "create") }
        if existing == .copied { try copyExisting() }
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends bytes.
    /// - Parameter bytes: The bytes.
    /// - Throws: ``FileAccessError`` when writing fails (e.g. the disk is full).
    public func write(_ bytes: [UInt8]) throws(FileAccessError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Appends a string's UTF-8 bytes.
    /// - Parameter string: The text.
    /// - Throws: ``FileAccessError`` when writing fails.
    public func write(_ string: String) throws(FileAccessError) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Writes buffered bytes to the temporary file.
    /// - Throws: ``FileAccessError`` when writing fails.
    public func flush() throws(FileAccessError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "write")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the temporary file over the destination.
    /// - Throws: ``FileAccessError`` when any step fails; the destination is then untouched.
    public func commit() throws(FileAccessError) {
        guard !finished else { return }
        do {
            try flush()
        } catch {
            discard()
            throw error
        }
        finished = true
        if path == "-" { return }
        if fsync(descriptor) != 0 {
            let error = FileAccessError.fromErrno(path: path, operation: "sync")
            if existing == .appendedInPlace {
                _ = ftruncate(descriptor, off_t(keptBytes))
            } else {
                unlink(temporaryPath)
            }
            close(descriptor)
            throw error
        }
        close(descriptor)
        if existing == .appendedInPlace { return }
        if rename(temporaryPath, path) != 0 {
            let error = FileAccessError.fromErrno(path: path, operation: "rename into place")
            unlink(temporaryPath)
            throw error
        }
    }

    /// Abandons the file: removes the temporary file (or, appending in place, cuts the destination back to its
    /// length before), leaving the destination as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        if path == "-" { return }
        if existing == .appendedInPlace {
            _ = ftruncate(descriptor, off_t(keptBytes))
            close(descriptor)
            return
        }
        close(descriptor)
        unlink(temporaryPath)
    }

    /// Creates the folders leading to `path` (like `mkdir -p` of its parent).
    /// - Parameter path: A file path.
    /// - Throws: ``FileAccessError`` when a folder cannot be created or the folder is not writable.
    public static func createParentDirectory(of path: String) throws(FileAccessError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return }
        var current = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + component
            if mkdir(current, 0o755) != 0 {
                guard errno == EEXIST else {
                    throw FileAccessError.fromErrno(path: current, operation: "create folder")
                }
                var info = stat()
                if stat(current, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                    throw FileAccessError(
                        path: current,
                        operation: "create folder",
                        reason: "a file of that name exists"
                    )
                }
            }
        }
        if access(directory, W_OK) != 0 {
            throw FileAccessError.fromErrno(path: directory, operation: "write to folder")
        }
    }

    /// Removes temporary files of `path` left by processes of this host that no longer run (a killed run).
    private static func removeAbandonedTemporaryFiles(of path: String, host: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp-\(host)-"
        guard let handle = opendir(directory.isEmpty ? "/" : directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else {
                continue
            }
            if kill(pid, 0) != 0, errno == ESRCH {
                unlink((directory.isEmpty ? "" : directory + "/") + name)
            }
        }
    }

    /// Copies the destination's current content, if any, into the temporary file.
    private func copyExisting() throws(FileAccessError) {
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            if errno == ENOENT { return }
            throw FileAccessError.fromErrno(path: path, operation: "read")
        }
        defer { close(source) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            if count == 0 { return }
            buffer.append(contentsOf: chunk[0..<count])
            keptBytes += count
            try flush()
        }
    }
}
