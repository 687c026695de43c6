import AsyncAlgorithms

/// The documents a stage receives, in input order.
///
/// Iterate it with `for try await document in input`. Iteration throws `CancellationError` when the run is being
/// cancelled, so a stage that iterates to the end never mistakes an aborted run for a finished one. Documents that
/// earlier stages removed are forwarded to the stage's output behind the scenes, in their place.
///
/// # Thread safety
/// Owned by the stage's task; do not share it with other tasks.
public final class StageInput: AsyncSequence {
    /// A document.
    public typealias Element = Document
    /// Iteration throws only `CancellationError`.
    public typealias Failure = any Error

    let channel: AsyncChannel<DocumentBatch>
    private var iterator: AsyncChannel<DocumentBatch>.Iterator
    let output: StageOutput
    let statistics: StageStatisticsRecorder
    private var current: [DocumentBatch.Entry] = []
    private var position = 0

    init(channel: AsyncChannel<DocumentBatch>, output: StageOutput, statistics: StageStatisticsRecorder) {
        self.channel = channel
        self.iterator = channel.makeAsyncIterator()
        self.output = output
        self.statistics = statistics
    }

    /// Returns the next document, or `nil` at the end of the input.
    /// - Throws: `CancellationError` when the run is cancelled.
    public func next() async throws -> Document? {
        while true {
            while position < current.count {
                let entry = current[position]
                position += 1
                switch entry {
                case .document(let document):
                    statistics.update {
                        $0.documentsIn += 1
                        $0.bytesIn += document.byteCount
                    }
                    return document
                case .removed(let removed):
                    output.forward(removed)
                }
            }
            guard let batch = try await nextBatch() else { return nil }
            current = batch.entries
            position = 0
        }
    }

    /// The next whole batch, or `nil` at the end of the input. Waiting time is not counted as busy.
    func nextBatch() async throws -> DocumentBatch? {
        let started = ContinuousClock.now
        let batch = await iterator.next()
        output.addWait(ContinuousClock.now - started)
        if batch == nil { try Task.checkCancellation() }
        return batch
    }

    /// Iterates the documents.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let input: StageInput

        /// The next document, or `nil` at the end.
        public mutating func next() async throws -> Document? {
            try await input.next()
        }
    }

    /// Makes an iterator over the documents.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(input: self)
    }
}
