/// One file a ``FileOutputStage`` writes, and how a resumed run treats it.
///
/// ```swift
/// StageFileOutput(path: options.path, resumption: .appended)        // JSON Lines: fingerprinted, appended to
/// StageFileOutput(path: options.database, resumption: .updatedInPlace) // SQLite rows upserted by id
/// ```
/// The path `-` stands for standard output: it is never renamed for a shard and never fingerprinted.
public struct StageFileOutput: Sendable, Hashable {
    /// How a resumed run (`run --resume`) treats the file.
    public enum Resumption: Sendable, Hashable {
        /// The stage appends to what the earlier run committed (it keeps the file when
        /// ``StageContext/isResuming`` is set). The run state records the file's fingerprint, and a resume is
        /// refused when the file is not the version the state recorded.
        case appended
        /// The stage updates the file in place, keyed by document id (a database, an index), so writing a
        /// document twice is harmless: the run state does not fingerprint it.
        case updatedInPlace
    }

    /// The file's path, as configured; `-` is standard output.
    public let path: String
    /// How a resumed run treats it.
    public let resumption: Resumption

    /// Describes a file output.
    /// - Parameters:
    ///   - path: The file's path; `-` is standard output.
    ///   - resumption: How a resumed run treats it.
    public init(path: String, resumption: Resumption) {
        self.path = path
        self.resumption = resumption
    }

    /// Whether the path is standard output rather than a file.
    public var isStandardOutput: Bool { path == "-" }

    /// Whether the run state fingerprints the file, so `--resume` can tell it was changed after the last commit.
    public var isFingerprinted: Bool { resumption == .appended && !isStandardOutput }
}
