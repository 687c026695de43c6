extension StageInput {
    /// Writes every document to one file and passes it on, committing the file only once the whole run has
    /// succeeded: the loop of an output stage that writes one file (a ``FileOutputStage``) and appends to it on resume.
    ///
    /// ```swift
    /// let written = try await input.write(toFile: options.path, passingOn: output, context: context) { document, line in
    ///     line += Array(document.id.utf8)
    ///     line.append(0x0A)
    /// }
    /// ```
    /// The file is written through an ``AtomicFileWriter``: under `run --resume` and in an incremental run
    /// (``StageContext/existingFileContent``) it keeps what the earlier runs committed and adds to it; `header` is written first only when the file starts empty. Once
    /// the input has ended the stage's output is closed and the file is committed after
    /// ``RunCompletion/waitForSuccess()``; on any error, or when the run fails, the temporary file is discarded and
    /// the destination left as it was.
    ///
    /// - Parameters:
    ///   - path: The file to write; `-` is standard output.
    ///   - header: Bytes to write before the first document of a new file (default: none).
    ///   - output: Where each document goes once written.
    ///   - context: The stage's context (resumption and the run's completion).
    ///   - encode: Appends a document's bytes to a buffer that is emptied before each document.
    /// - Returns: The number of documents written.
    /// - Throws: ``FileAccessError`` when the file cannot be written, what the input throws, or the run's failure.
    public func write(
        toFile path: String,
        header: [UInt8] = [],
        passingOn output: StageOutput,
        context: StageContext,
        encode: (Document, inout [UInt8]) -> Void
    ) async throws -> Int {
        let writer = try AtomicFileWriter(path: path, existing: context.existingFileContent)
        var line: [UInt8] = []
        var count = 0
        do {
            if !header.isEmpty, writer.keptBytes == 0 { try writer.write(header) }
            for try await document in self {
                line.removeAll(keepingCapacity: true)
                encode(document, &line)
                try writer.write(line)
                count += 1
                await output.emit(document)
            }
            try writer.flush()
            await output.close()
            try await context.completion.waitForSuccess()
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return count
    }
}
