/// A stage that writes files: the runner and the CLI ask it which, so a sharded run writes each as the shard's
/// part, `run --resume` fingerprints the ones it appends to, and `plan --gc` cleans up after them.
///
/// ```
///  run --shard 2/8      fileOutputs ──▶ relocatingFileOutputs(shard.partPath(for:))
///                                       out/news.jsonl → out/news/part-00002-of-00008.jsonl
///  run --resume         fileOutputs where resumption == .appended ──▶ fingerprints in the run state
///  plan --gc            fileOutputs ──▶ <path>.tmp-* left by dead attempts removed
/// ```
///
/// A user's stage adopts it by listing its files and rebuilding itself with other paths:
///
/// ```swift
/// struct TSVIndexStage: FileOutputStage {
///     struct Options: StageOptions { var path: String … }
///     let options: Options
///     var fileOutputs: [StageFileOutput] { [StageFileOutput(path: options.path, resumption: .appended)] }
///     func relocatingFileOutputs(_ relocate: (String) -> String) -> TSVIndexStage {
///         var options = self.options
///         options.path = relocate(options.path)
///         return TSVIndexStage(options: options)
///     }
///     …
/// }
/// ```
///
/// # Requirements
/// - `fileOutputs` lists every file the stage writes, as configured, in a stable order; it does not touch the file
///   system. `-` stands for standard output.
/// - `relocatingFileOutputs(_:)` returns the same stage writing each listed path `p` at `relocate(p)` instead, and
///   changes nothing else; the new stage's `fileOutputs` are the relocated paths in the same order.
/// - A file listed as ``StageFileOutput/Resumption/appended`` is kept and added to when
///   ``StageContext/isResuming`` is set, and replaced otherwise; like every output it is committed only once the
///   run has succeeded (see ``Stage``).
public protocol FileOutputStage: Stage {
    /// The files the stage writes, as configured, in a stable order.
    var fileOutputs: [StageFileOutput] { get }

    /// The same stage, writing each of its files at another path.
    /// - Parameter relocate: Maps a path of ``fileOutputs`` to the path to write instead.
    /// - Returns: The relocated stage.
    func relocatingFileOutputs(_ relocate: (String) -> String) -> Self
}
