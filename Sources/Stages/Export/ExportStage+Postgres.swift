import Pipeline

extension ExportStage {
    /// Writes each document into PostgreSQL in batches of one transaction each, and passes it on; the last, partial
    /// batch is written when the input ends (also after a graceful stop).
    func runPostgres(input: StageInput, output: StageOutput, context: StageContext) async throws {
        let writer = try PostgresDocumentWriter(
            url: options.url ?? "",
            runID: context.runID,
            batchSize: options.batchSize
        )
        var count = 0
        for try await document in input {
            try writer.write(document)
            count += 1
            await output.emit(document)
        }
        try writer.flush()
        await output.close()
        context.counters.add(count, to: "written")
    }
}
