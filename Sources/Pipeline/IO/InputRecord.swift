/// One item read from the input: a document, or input that cannot become one (and goes to the dead-letter output).
public enum InputRecord: Sendable, Hashable {
    /// A readable document.
    case document(Document)
    /// Unreadable input: the record says what and why (its stage is `input`).
    case invalid(RemovedDocument)
}

/// Produces the input of a run, one record at a time.
///
/// # Requirements
/// Never lose input silently: anything that cannot be read becomes an ``InputRecord/invalid(_:)`` record with its
/// reason. Memory must not grow with the size of the input (stream, do not load everything).
public protocol DocumentReader {
    /// The next record, or `nil` at the end of the input.
    mutating func next() -> InputRecord?
}

/// A reader over records already in memory, for tests and embedding.
public struct ArrayDocumentReader: DocumentReader {
    private var records: [InputRecord]
    private var position = 0

    /// Creates a reader over records.
    /// - Parameter records: The records, in order.
    public init(_ records: [InputRecord]) {
        self.records = records
    }

    /// Creates a reader over documents.
    /// - Parameter documents: The documents, in order.
    public init(documents: [Document]) {
        self.records = documents.map(InputRecord.document)
    }

    /// The next record.
    public mutating func next() -> InputRecord? {
        guard position < records.count else { return nil }
        defer { position += 1 }
        return records[position]
    }
}
