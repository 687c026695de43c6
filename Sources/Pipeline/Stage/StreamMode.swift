/// What a stage becomes when its pipeline runs as a stream filter (`pipeline-run stream`), where documents come
/// from standard input and go to standard output, and nothing else is written.
public enum StreamMode: Sendable {
    /// The stage runs as it is.
    case unchanged
    /// The stage is left out: its work (e.g. writing the documents to a file) is what the stream's standard
    /// output does instead.
    case omitted
    /// Another stage runs in its place, e.g. a deduplicator without its persistent index.
    case replaced(by: any Stage)
    /// The pipeline cannot run as a stream with this stage; the reason says why and what to do.
    case refused(reason: String)
}
