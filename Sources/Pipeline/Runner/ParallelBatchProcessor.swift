import AsyncAlgorithms

/// Runs a ``DocumentStage`` over its input: up to `concurrency` batches at once, results passed on in input order.
///
/// ```
///  input ─▶ pull ─▶ ┌ task: batch 7 ┐
///                   ├ task: batch 8 ┤ ─▶ reorder by sequence ─▶ output (7, 8, 9…)
///                   └ task: batch 9 ┘
/// ```
/// Batches in flight plus those finished but waiting for an earlier one never exceed `concurrency`, which bounds
/// memory; waiting on the next stage stops pulling input (back-pressure).
struct ParallelBatchProcessor<S: DocumentStage>: Sendable {
    let stage: S
    let context: StageContext

    func run(input: StageInput, output: StageOutput) async throws {
        let statistics = input.statisticsRecorder
        try await input.orderedBatches(
            limit: context.concurrency,
            transform: { [stage, context] batch in
                let started = ContinuousClock.now
                defer { statistics.addBusy(ContinuousClock.now - started) }
                return try await Self.process(batch, stage: stage, context: context, statistics: statistics)
            },
            consume: { batch in await output.send(batch) }
        )
    }

    private static func process(
        _ batch: DocumentBatch,
        stage: S,
        context: StageContext,
        statistics: StageStatisticsRecorder
    ) async throws -> DocumentBatch {
        var entries: [DocumentBatch.Entry] = []
        entries.reserveCapacity(batch.entries.count)
        var documentsIn = 0
        var bytesIn = 0
        var documentsOut = 0
        var dropped: [String: Int] = [:]
        var failed = 0
        var deadLettered = 0
        defer {
            statistics.update {
                $0.documentsIn += documentsIn
                $0.bytesIn += bytesIn
                $0.documentsOut += documentsOut
                $0.failed += failed
                $0.deadLettered += deadLettered
                for (reason, count) in dropped { $0.dropped[reason, default: 0] += count }
            }
        }
        for entry in batch.entries {
            guard case .document(let document) = entry else {
                entries.append(entry)
                continue
            }
            documentsIn += 1
            bytesIn += document.byteCount
            do {
                switch try await stage.process(document, context: context) {
                case .keep(let result):
                    documentsOut += 1
                    entries.append(.document(result))
                case .drop(let reason):
                    dropped[reason, default: 0] += 1
                    entries.append(
                        .removed(
                            RemovedDocument(
                                id: document.id,
                                source: document.source,
                                stage: context.name,
                                disposition: .dropped(reason: reason),
                                document: nil
                            )
                        )
                    )
                }
            } catch let error as CancellationError {
                throw error
            } catch {
                guard let removed = try StageOutput.removal(of: document, error: error, context: context) else {
                    continue
                }
                failed += 1
                switch removed.disposition {
                case .dropped(let reason): dropped[reason, default: 0] += 1
                case .deadLettered: deadLettered += 1
                }
                entries.append(.removed(removed))
            }
        }
        return DocumentBatch(entries: entries)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension StageInput {
    /// The stage's statistics.
    var statisticsRecorder: StageStatisticsRecorder { statistics }
}
