/// The sink a run delivers its documents with when the pipeline file names none, or when `run --output PATH` names
/// a file that none of the pipeline's sinks can write: a registry's answer to "write these documents to that path".
///
/// The CLI never builds a concrete stage: it asks the registry for this value. `StageRegistry.builtIn` registers a
/// JSON Lines `export`; a custom binary may register another.
///
/// ```swift
/// registry.register(defaultSink: DefaultDocumentSink(typeName: "export") { path in
///     ExportStage(options: .jsonLines(to: path))     // `-` is standard output
/// })
/// ```
public struct DefaultDocumentSink: Sendable {
    /// The type name the added stage is listed under (in reports, metrics and `plan`).
    public let typeName: String
    /// Builds the sink writing to `path` (`-` for standard output).
    public let make: @Sendable (_ path: String) -> any DocumentSinkStage

    /// Creates a default sink.
    /// - Parameters:
    ///   - typeName: The type name the added stage is listed under.
    ///   - make: Builds the sink for a path (`-` for standard output).
    public init(typeName: String, make: @escaping @Sendable (_ path: String) -> any DocumentSinkStage) {
        self.typeName = typeName
        self.make = make
    }
}
