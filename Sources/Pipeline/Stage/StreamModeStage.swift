/// A stage that behaves differently when its pipeline runs as a stream filter (`pipeline-run stream`).
///
/// A stream reads JSON Lines from standard input, writes the surviving documents to standard output in input
/// order and writes no file, so a stage that writes files or keeps state between runs says what it becomes.
/// A stage that does not conform runs unchanged. A ``DocumentSinkStage`` is omitted by default.
///
/// ```swift
/// extension DedupeStage: StreamModeStage {
///     public func streamMode() -> StreamMode {
///         guard options.index != nil else { return .unchanged }
///         var options = self.options
///         options.index = nil     // deduplicate within the stream; never read or update the index
///         return .replaced(by: DedupeStage(options: options))
///     }
/// }
/// ```
///
/// # Requirements
/// `streamMode()` decides from the stage's options alone: it does not touch the file system. A stage that
/// replaces itself returns one that writes no file.
public protocol StreamModeStage: Stage {
    /// What the stage becomes in a stream.
    /// - Returns: Its stream mode.
    func streamMode() -> StreamMode
}
