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
        let limit = Swift.max(1, concurrency)
        let channel = self.channel
        let statistics = self.statistics
        try await withThrowingTaskGroup(of: PreparedEvent<Prepared>.self) { group in
            var inputFinished = false
            var pulling = false
            var inFlight = 0
            var nextSequence = 0
            var nextToConsume = 0
            var finished: [Int: [PreparedEntry<Prepared>]] = [:]
            while true {
                if !inputFinished, !pulling, inFlight + finished.count < limit {
                    pulling = true
                    group.addTask {
                        var iterator = channel.makeAsyncIterator()
                        return .pulled(await iterator.next())
                    }
                }
                guard pulling || inFlight > 0 else { break }
                guard let event = try await group.next() else { break }
                switch event {
                case .pulled(let batch):
                    pulling = false
                    guard let batch else {
                        try Task.checkCancellation()
                        inputFinished = true
                        continue
                    }
                    let sequence = nextSequence
                    nextSequence += 1
                    inFlight += 1
                    group.addTask {
                        let started = ContinuousClock.now
                        defer { statistics.addBusy(ContinuousClock.now - started) }
                        var entries: [PreparedEntry<Prepared>] = []
                        entries.reserveCapacity(batch.entries.count)
                        for entry in batch.entries {
                            switch entry {
                            case .document(let document):
                                entries.append(.document(document, try await prepare(document)))
                            case .removed(let removed): entries.append(.removed(removed))
                            }
                        }
                        return .prepared(sequence: sequence, entries: entries)
                    }
                case .prepared(let sequence, let entries):
                    inFlight -= 1
                    finished[sequence] = entries
                    while let ready = finished.removeValue(forKey: nextToConsume) {
                        nextToConsume += 1
                        for entry in ready {
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
                }
            }
        }
    }
}

/// A result of the tasks of ``StageInput/forEach(concurrency:prepare:_:)``.
private enum PreparedEvent<Prepared: Sendable>: Sendable {
    case pulled(DocumentBatch?)
    case prepared(sequence: Int, entries: [PreparedEntry<Prepared>])
}

/// A stream entry with its prepared value.
private enum PreparedEntry<Prepared: Sendable>: Sendable {
    case document(Document, Prepared)
    case removed(RemovedDocument)
}
