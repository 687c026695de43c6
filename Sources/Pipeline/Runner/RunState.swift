#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a committed run completed, so a later run can resume after it (`pipeline-run run --resume`).
///
/// Written atomically after every output has been committed (also after a graceful stop). It identifies the
/// configuration and the input it applies to, counts the input records completed, and fingerprints the file
/// outputs as committed, so a resumed run can verify that the outputs it adds to are exactly those the state
/// describes (a kill between two commits is detected, never papered over).
public struct RunState: Sendable, Hashable {
    /// A file's size and content hash.
    public struct Fingerprint: Sendable, Hashable {
        /// The size in bytes.
        public var bytes: Int
        /// FNV-1a 64 of the content, in hexadecimal.
        public var hash: String

        /// Creates a fingerprint.
        public init(bytes: Int, hash: String) {
            self.bytes = bytes
            self.hash = hash
        }

        /// The fingerprint of a file, or `nil` when it does not exist.
        /// - Parameters:
        ///   - path: The file.
        ///   - firstBytes: Fingerprint only the file's first bytes, this many at most (default: all of it), to tell
        ///     whether a file that was appended to still starts with a version fingerprinted before.
        /// - Throws: ``FileAccessError`` when it exists but cannot be read.
        public static func of(path: String, firstBytes: Int = .max) throws(FileAccessError) -> Fingerprint? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == ENOENT { return nil }
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            defer { close(descriptor) }
            var hash = FNV1a.offsetBasis
            var total = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while total < firstBytes {
                let wanted = min(chunk.count, firstBytes - total)
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw FileAccessError.fromErrno(path: path, operation: "read")
                }
                if count == 0 { break }
                for byte in chunk[0..<count] { hash = FNV1a.adding(byte, to: hash) }
                total += count
            }
            return Fingerprint(bytes: total, hash: FNV1a.hexadecimal(hash))
        }

        /// A sampled fingerprint of a file, or `nil` when it does not exist: FNV-1a over the length and the first and
        /// last 64 KiB of its first `firstBytes` bytes (default: all of it). Its cost does not grow with the file,
        /// so an output that a service appends to batch after batch is fingerprinted in constant time; it tells an
        /// appended or cut file, or one replaced by another, from the version fingerprinted, not an edit of the
        /// same length in the middle.
        /// - Parameters:
        ///   - path: The file.
        ///   - firstBytes: Fingerprint only the file's first bytes, this many at most.
        /// - Throws: ``FileAccessError`` when it exists but cannot be read.
        public static func sampled(path: String, firstBytes: Int = .max) throws(FileAccessError) -> Fingerprint? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == ENOENT { return nil }
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw FileAccessError.fromErrno(path: path, operation: "read") }
            let end = min(Int(info.st_size), firstBytes)
            let hash = try sampledHash(descriptor: descriptor, path: path, upTo: end)
            return Fingerprint(bytes: end, hash: FNV1a.hexadecimal(hash))
        }

        /// FNV-1a over the decimal length `end` and the file's bytes `0..<end` when that is at most 128 KiB, else
        /// its first and last 64 KiB before `end`.
        /// - Parameters:
        ///   - descriptor: The file, open for reading.
        ///   - path: Its path, for errors.
        ///   - end: Where the fingerprinted part ends.
        /// - Throws: ``FileAccessError`` when reading fails.
        public static func sampledHash(descriptor: Int32, path: String, upTo end: Int) throws(FileAccessError)
            -> UInt64
        {
            var hash = FNV1a.hash(String(end).utf8)
            let window = 1 << 16
            let pieces = end <= 2 * window ? [0..<end] : [0..<window, (end - window)..<end]
            // Room for the longest piece: a file of 64 to 128 KiB is read in one piece.
            var buffer = [UInt8](repeating: 0, count: pieces.map(\.count).max() ?? 0)
            for piece in pieces {
                var total = 0
                while total < piece.count {
                    let count = buffer.withUnsafeMutableBytes {
                        pread(descriptor, $0.baseAddress! + total, piece.count - total, off_t(piece.lowerBound + total))
                    }
                    if count < 0 {
                        if errno == EINTR { continue }
                        throw FileAccessError.fromErrno(path: path, operation: "read")
                    }
                    if count == 0 { break }
                    total += count
                }
                for byte in buffer[..<total] { hash = FNV1a.adding(byte, to: hash) }
            }
            return hash
        }
    }

    /// The pipeline's name.
    public var pipeline: String
    /// A hash of the pipeline's configuration (the file and the command-line overrides).
    public var configurationHash: String
    /// A hash of the expanded input list (paths and sizes).
    public var inputHash: String
    /// Input records completed (written, dropped or dead-lettered) by the runs so far.
    public var recordsCompleted: Int
    /// Whether the last run read its whole input.
    public var finished: Bool
    /// The last run's identifier.
    public var runID: String
    /// The file outputs as committed, by path.
    public var outputs: [String: Fingerprint]

    /// Creates a state.
    public init(
        pipeline: String,
        configurationHash: String,
        inputHash: String,
        recordsCompleted: Int,
        finished: Bool,
        runID: String,
        outputs: [String: Fingerprint]
    ) {
        self.pipeline = pipeline
        self.configurationHash = configurationHash
        self.inputHash = inputHash
        self.recordsCompleted = recordsCompleted
        self.finished = finished
        self.runID = runID
        self.outputs = outputs
    }

    /// FNV-1a 64 of a string, in hexadecimal (for configuration and input hashes).
    public static func hash(_ text: String) -> String {
        FNV1a.hexadecimal(FNV1a.hash(text))
    }

    /// The state as JSON.
    public var json: JSONValue {
        .object([
            "pipeline": .string(pipeline), "configuration_hash": .string(configurationHash),
            "input_hash": .string(inputHash), "records_completed": .integer(Int64(recordsCompleted)),
            "finished": .bool(finished), "run_id": .string(runID),
            "outputs": .object(
                outputs.mapValues { .object(["bytes": .integer(Int64($0.bytes)), "fnv64": .string($0.hash)]) }
            ),
        ])
    }

    /// Reads a state from JSON, or returns `nil` when the JSON does not have the expected shape.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let pipeline = object["pipeline"]?.stringValue,
            let configurationHash = object["configuration_hash"]?.stringValue,
            let inputHash = object["input_hash"]?.stringValue,
            let recordsCompleted = object["records_completed"]?.integerValue,
            case .bool(let finished)? = object["finished"], let runID = object["run_id"]?.stringValue,
            let outputs = object["outputs"]?.objectValue
        else { return nil }
        var fingerprints: [String: Fingerprint] = [:]
        for (path, value) in outputs {
            guard let bytes = value.objectValue?["bytes"]?.integerValue,
                let hash = value.objectValue?["fnv64"]?.stringValue
            else { return nil }
            fingerprints[path] = Fingerprint(bytes: bytes, hash: hash)
        }
        self.init(
            pipeline: pipeline,
            configurationHash: configurationHash,
            inputHash: inputHash,
            recordsCompleted: recordsCompleted,
            finished: finished,
            runID: runID,
            outputs: fingerprints
        )
    }
}
