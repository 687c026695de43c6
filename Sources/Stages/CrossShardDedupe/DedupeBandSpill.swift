import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The unsorted entries of one band of one shard, spilled to a temporary binary file while the shard's documents
/// stream by, then read back whole, sorted and written as the band's file.
///
/// Each entry is 24 bytes (band key, file, record; little-endian on the machines we run on, and only ever read back by
/// the process that wrote it). Memory holds one 64 KiB buffer while writing, and one band's entries while sorting.
///
/// # Thread safety
/// Not thread-safe: a `final class` owned by one task. The temporary file is removed by ``removeFile()`` or when the
/// object is released.
final class DedupeBandSpill {
    /// The temporary file's path.
    let path: String
    private var descriptor: Int32
    private var buffer: [Int64] = []
    private var removed = false
    /// The number of entries appended.
    private(set) var count = 0

    /// Creates the temporary file `<destination>.spill-<host>-<pid>-<random>` beside a band file and holds an
    /// exclusive `flock` on it while the process lives, first removing the spill files of that band file that no
    /// process holds (left by killed attempts).
    ///
    /// The lock, not the host name and process id, tells a live attempt from a dead one: containers may share a host
    /// name and each run as process 1. The file is only ever used through its descriptor, so even a cleaner that
    /// removes it between its creation and its lock cannot disturb the attempt.
    ///
    /// - Parameter destination: The band file the entries are for; its folder must exist.
    /// - Throws: ``FileAccessError`` when the file cannot be created.
    init(beside destination: String) throws(FileAccessError) {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, 255)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        Self.removeAbandoned(beside: destination)
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        path = "\(destination).spill-\(host)-\(getpid())-\(unique)"
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileAccessError.fromErrno(path: path, operation: "create") }
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        buffer.reserveCapacity(3 * 2730)
    }

    deinit {
        removeFile()
    }

    /// Appends an entry.
    ///
    /// - Parameter entry: The entry.
    /// - Throws: ``FileAccessError`` when writing fails (e.g. the disk is full).
    func append(_ entry: DedupeBandEntry) throws(FileAccessError) {
        buffer.append(Int64(bitPattern: entry.bandKey))
        buffer.append(Int64(entry.key.file))
        buffer.append(Int64(entry.key.record))
        count += 1
        if buffer.count >= 3 * 2730 { try flush() }
    }

    /// Reads every entry back, sorted by band key then global key.
    ///
    /// - Returns: The entries.
    /// - Throws: ``FileAccessError`` when reading fails.
    func sortedEntries() throws(FileAccessError) -> [DedupeBandEntry] {
        try flush()
        var values = [Int64](repeating: 0, count: 3 * count)
        var offset = 0
        let total = values.count * 8
        while offset < total {
            let read = values.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + offset, total - offset, off_t(offset))
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "read the spill file")
            }
            if read == 0 {
                throw FileAccessError(
                    path: path,
                    operation: "read the spill file",
                    reason: "the file is shorter than written"
                )
            }
            offset += read
        }
        var entries: [DedupeBandEntry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            entries.append(
                DedupeBandEntry(
                    bandKey: UInt64(bitPattern: values[3 * index]),
                    key: DedupeGlobalKey(file: Int(values[3 * index + 1]), record: Int(values[3 * index + 2]))
                )
            )
        }
        entries.sort()
        return entries
    }

    /// Closes and removes the temporary file.
    func removeFile() {
        guard !removed else { return }
        removed = true
        close(descriptor)
        unlink(path)
    }

    /// Removes the spill files of `destination` that no live attempt holds locked.
    private static func removeAbandoned(beside destination: String) {
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[..<$0]) } ?? "."
        let prefix = (slash.map { String(destination[destination.index(after: $0)...]) } ?? destination) + ".spill-"
        guard let handle = opendir(directory.isEmpty ? "/" : directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix) else { continue }
            let candidate = (directory.isEmpty ? "" : directory + "/") + name
            let descriptor = open(candidate, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            // Locked by a live attempt (or locks unsupported): keep it.
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlink(candidate) }
            close(descriptor)
        }
    }

    /// Writes the buffered entries.
    private func flush() throws(FileAccessError) {
        var offset = 0
        let total = buffer.count * 8
        while offset < total {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, total - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "write")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
