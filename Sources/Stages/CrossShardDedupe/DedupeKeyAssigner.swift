public import Pipeline

/// Gives each document that reaches the `dedupe` stage its ``DedupeGlobalKey``, in one shard's run.
///
/// The file part is the position of `document.source.path` in the single-machine input list; the record part is
/// `document.source.line` for JSON Lines, and otherwise the ordinal of the document among the documents of its
/// file that reached the stage (0 for a text file, the record number among the surviving records of a WARC file).
/// Counting is sound because every step runs the same stages before `dedupe` over the same files, deterministically,
/// and a whole file goes to one shard; under `split: record` with several shards a file's documents are spread
/// over shards, so only documents with a line number or alone in their file (text files) can be keyed.
///
/// # Thread safety
/// A `Sendable` value with mutable counts: one copy per run, used from the stage's task in input order.
public struct DedupeKeyAssigner: Sendable {
    /// The input list.
    private let order: DedupeInputOrder
    /// Whether unnumbered documents may be counted within their file.
    private let countsOrdinals: Bool
    /// The number of unnumbered documents seen so far in each file, by position.
    private var ordinals: [Int: Int] = [:]
    /// The last record number given in each file, by position, to check that they strictly increase.
    private var lastRecords: [Int: Int] = [:]

    /// Creates an assigner.
    ///
    /// - Parameters:
    ///   - order: The input list.
    ///   - countsOrdinals: Whether every document of a file reaches this process, so unnumbered documents can be
    ///     counted (`false` under `split: record` with several shards).
    init(order: DedupeInputOrder, countsOrdinals: Bool) {
        self.order = order
        self.countsOrdinals = countsOrdinals
    }

    /// The key of the next document. Call once per document, in input order.
    ///
    /// - Parameter document: A document that reached the `dedupe` stage.
    /// - Returns: Its global key.
    /// - Throws: ``CrossShardDedupeError`` when the document's file is not in the input list, or it cannot be
    ///   ordered (an unnumbered document of a multi-document file under `split: record`).
    public mutating func key(for document: Document) throws(CrossShardDedupeError) -> DedupeGlobalKey {
        guard let position = order.position(ofPath: document.source.path) else {
            throw CrossShardDedupeError(
                .unknownDocument,
                "document '\(document.id)' comes from '\(document.source.path)', which is not in the input list"
            )
        }
        if let line = document.source.line {
            return try checkedIncreasing(DedupeGlobalKey(file: position, record: line), for: document)
        }
        let ordinal = ordinals[position, default: 0]
        ordinals[position] = ordinal + 1
        if !countsOrdinals, ordinal > 0 || order.kind(at: position) != .text {
            throw CrossShardDedupeError(
                .unorderedInput,
                "document '\(document.id)' of '\(document.source.path)' has no line number, and under "
                    + "input.split: record the documents of one file go to several shards, so they cannot be ordered; "
                    + "use split: file for this input"
            )
        }
        return try checkedIncreasing(DedupeGlobalKey(file: position, record: ordinal), for: document)
    }

    /// Returns the key when its record number is greater than the last one given in its file (a shard reads its
    /// files in byte order, which may differ from the single-machine order of the keys' file part, but the records
    /// of one file always come in order); two documents with one key (a stage before `dedupe` that makes several
    /// documents of one input record) or records out of order cannot be deduplicated across shards like one run.
    private mutating func checkedIncreasing(
        _ key: DedupeGlobalKey,
        for document: Document
    ) throws(CrossShardDedupeError) -> DedupeGlobalKey {
        if let last = lastRecords[key.file], last >= key.record {
            throw CrossShardDedupeError(
                .unorderedInput,
                "document '\(document.id)' (\(document.source)) has order key \(key), not after the previous "
                    + "document of its file (record \(last)): a stage before dedupe makes several documents of one "
                    + "input record or reorders them, so the documents cannot be ordered across shards"
            )
        }
        lastRecords[key.file] = key.record
        return key
    }
}
