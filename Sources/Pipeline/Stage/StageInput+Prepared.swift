extension StageInput {
    /// Consumes the input in order, preparing documents concurrently first.
    ///
    /// For stateful stages whose expensive part is independent per document (a signature, features): `prepare` runs
    /// on up to `concurrency` batches at once in child tasks, while `body` sees each document with its prepared
    /// value strictly in input order, on the calling task, so it may mutate local state without locks.
    ///
    /// ```swift
    /// let index = Index()
    /// try await input.forEach(concurrency: context.concurrency, prepare: { signature(of: $0.text) }) { document, signature in
    ///     index.decide(document, signature) ? await output.emit(document) : await output.drop(document, reason: "duplicate")
    /// }
    /// ```
    /// - Parameters:
    ///   - concurrency: How many batches may be prepared at once (at least 1).
    ///   - prepare: The per-document work; must not depend on other documents.
    ///   - body: Called once per document, in input order, with the prepared value.
    /// - Throws: What `prepare` or `body` throws, or `CancellationError` when the run is cancelled.
    public func forEach<Prepared: Sendable>(
        concurrency: Int,
        prepare: @escaping @Sendable (Document) async throws -> Prepared,
        _ body: (Document, Prepared) async throws -> Void
    ) async throws {
        let statistics = self.statistics
        try await orderedBatches(
            limit: concurrency,
            transform: { batch in
                let started = ContinuousClock.now
                defer { statistics.addBusy(ContinuousClock.now - started) }
                var entries: [PreparedEntry<Prepared>] = []
                entries.reserveCapacity(batch.entries.count)
                for entry in batch.entries {
                    switch entry {
                    case .document(let document): entries.append(.document(document, try await prepare(document)))
                    case .removed(let removed): entries.append(.removed(removed))
                    }
                }
                return entries
            },
            consume: { entries in
                for entry in entries {
                    switch entry {
                    case .removed(let removed):
                        output.forward(removed)
                    case .document(let document, let prepared):
                        statistics.update {
                            $0.documentsIn += 1
                            $0.bytesIn += document.byteCount
                        }
                        let started = ContinuousClock.now
                        try await body(document, prepared)
                        statistics.addBusy(ContinuousClock.now - started)
                    }
                }
            }
        )
    }
}

/// A stream entry with its prepared value.
private enum PreparedEntry<Prepared: Sendable>: Sendable {
    case document(Document, Prepared)
    case removed(RemovedDocument)
}
