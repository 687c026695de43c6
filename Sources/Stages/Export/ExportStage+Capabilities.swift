public import Pipeline

/// An export delivers the pipeline's documents to one file: JSON Lines and CSV are appended to on resume (and
/// fingerprinted), SQLite rows are upserted by id; a PostgreSQL export writes to a server, not a file. In a
/// stream it is left out: standard output carries the documents.
extension ExportStage: DocumentSinkStage {
    /// The destination file (none for `postgres`).
    public var fileOutputs: [StageFileOutput] {
        switch options.format {
        case .jsonl, .csv: [StageFileOutput(path: options.path, resumption: .appended)]
        case .sqlite: [StageFileOutput(path: options.path, resumption: .updatedInPlace)]
        case .postgres: []
        }
    }

    /// The same export, writing to `relocate(path)`.
    /// - Parameter relocate: Maps the destination to the one to write instead.
    /// - Returns: The relocated export.
    public func relocatingFileOutputs(_ relocate: (String) -> String) -> ExportStage {
        guard options.format != .postgres else { return self }
        var options = self.options
        options.path = relocate(options.path)
        return ExportStage(options: options)
    }
}
