/// A stage whose job is delivering the pipeline's documents (to a file, a database, a folder of files), as
/// `export` does.
///
/// A run whose plan has no sink writes JSON Lines to standard output (and says so); a stream (`pipeline-run
/// stream`) leaves sinks out by default, since its standard output delivers the documents instead. Everything
/// ``FileOutputStage`` gives (shard parts, resume fingerprints, temporary-file clean-up) applies to a sink's files.
///
/// ```swift
/// struct MarkdownIndexStage: ConfigurableStage, DocumentSinkStage {
///     var fileOutputs: [StageFileOutput] { [StageFileOutput(path: options.path, resumption: .appended)] }
///     func relocatingFileOutputs(_ relocate: (String) -> String) -> MarkdownIndexStage { … }
///     func run(input: StageInput, output: StageOutput, context: StageContext) async throws {
///         // write each document, emit it, then close, wait for success and commit
///     }
/// }
/// ```
///
/// # Requirements
/// Those of ``FileOutputStage``. A sink passes every document on (``StageOutput/emit(_:)``) after writing it, so
/// later stages and other sinks see it too. Override ``streamMode()`` only when the sink must run in a stream
/// (it may then write only to standard error, never to standard output).
public protocol DocumentSinkStage: FileOutputStage, StreamModeStage {}

extension DocumentSinkStage {
    /// Omitted: in a stream the documents go to standard output instead.
    public func streamMode() -> StreamMode { .omitted }
}
