extension StageInput {
    /// Pulls the input's batches, transforms up to `limit` of them at once in child tasks, and hands the results to
    /// `consume` in input order, on the calling task.
    ///
    /// Batches in flight plus those finished but waiting for an earlier one never exceed `limit`, which bounds
    /// memory; a slow `consume` (waiting on the next stage) stops the pulling (back-pressure).
    /// - Throws: What `transform` or `consume` throws, or `CancellationError` when the run is cancelled.
    func orderedBatches<Result: Sendable>(
        limit: Int,
        transform: @escaping @Sendable (DocumentBatch) async throws -> Result,
        consume: (Result) async throws -> Void
    ) async throws {
        let channel = self.channel
        try await withThrowingTaskGroup(of: OrderedBatchEvent<Result>.self) { group in
            var inputFinished = false
            var pulling = false
            var inFlight = 0
            var nextSequence = 0
            var nextToConsume = 0
            var finished: [Int: Result] = [:]
            while true {
                if !inputFinished, !pulling, inFlight + finished.count < Swift.max(1, limit) {
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
                    group.addTask { .transformed(sequence: sequence, result: try await transform(batch)) }
                case .transformed(let sequence, let result):
                    inFlight -= 1
                    finished[sequence] = result
                    while let ready = finished.removeValue(forKey: nextToConsume) {
                        nextToConsume += 1
                        try await consume(ready)
                    }
                }
            }
        }
    }
}

/// A result of the child tasks of ``StageInput/orderedBatches(limit:transform:consume:)``.
private enum OrderedBatchEvent<Result: Sendable>: Sendable {
    case pulled(DocumentBatch?)
    case transformed(sequence: Int, result: Result)
}
