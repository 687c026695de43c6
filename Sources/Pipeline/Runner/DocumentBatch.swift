/// A run of consecutive entries of the stream, passed between stages as one unit to keep per-document overhead low.
///
/// Entries keep their input order. Removed documents stay in the stream as ``RemovedDocument`` records so that
/// dead letters are written in input order, whatever the concurrency.
struct DocumentBatch: Sendable {
    /// One position of the stream.
    enum Entry: Sendable {
        /// A live document.
        case document(Document)
        /// A document some stage dropped or dead-lettered.
        case removed(RemovedDocument)
    }

    /// The entries in input order.
    var entries: [Entry]

    /// Creates a batch.
    init(entries: [Entry] = []) {
        self.entries = entries
    }
}

/// When a batch under construction is full.
struct BatchLimit: Sendable, Hashable {
    /// The most entries in a batch.
    var entries: Int
    /// The most text bytes in a batch (a single larger document still makes a batch of one).
    var bytes: Int

    /// The default: 32 documents or 1 MiB of text.
    static let standard = BatchLimit(entries: 32, bytes: 1 << 20)
}
