#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The documents earlier runs kept, read from a persistent dedupe index (the SQLite file of a `dedupe` stage's
/// `index` option, see ``DedupeIndexStore``) for the buckets and cluster steps.
///
/// Index documents get keys ``DedupeGlobalKey/indexEntry(_:)`` of their entry's `seq`, so they sort before every
/// current document, in the order a ``DedupeIndex`` loads them, and they are always kept.
///
/// The file is opened read-only (no journal mode change, no write), so the M buckets tasks can read it at once.
///
/// # Thread safety
/// An immutable `Sendable` value; every read opens its own connection.
public struct DedupePersistentIndex: Sendable {
    /// The SQLite file.
    public let path: String
    /// The number of entries.
    public let count: Int
    /// Identifies the entries the file held when it was opened (signature format, count, last sequence number), so
    /// the cluster step can check that it reads the index the buckets step merged.
    public let fingerprint: String

    /// Opens an index and checks that its signatures were made with the stage's options.
    ///
    /// - Parameters:
    ///   - path: The SQLite file; it must exist.
    ///   - options: The options of the pipeline's `dedupe` stage.
    /// - Throws: ``CrossShardDedupeError`` (``CrossShardDedupeError/Code/incompatibleIndex``) when the file is
    ///   missing, is not a dedupe index, or holds signatures of another format.
    public init(path: String, options: DedupeStage.Options) throws(CrossShardDedupeError) {
        try self.init(path: path, deduplicator: Deduplicator(stageOptions: options))
    }

    /// Opens an index for a deduplicator.
    ///
    /// - Parameters:
    ///   - path: The SQLite file; it must exist.
    ///   - deduplicator: The deduplicator whose signature format the index must hold.
    /// - Throws: ``CrossShardDedupeError`` (``CrossShardDedupeError/Code/incompatibleIndex``).
    init(path: String, deduplicator: Deduplicator) throws(CrossShardDedupeError) {
        self.path = path
        guard access(path, R_OK) == 0 else {
            throw CrossShardDedupeError(
                .incompatibleIndex,
                "the dedupe index does not exist or cannot be read",
                path: path
            )
        }
        let format = DedupeIndexStore.format(of: deduplicator.configuration)
        do {
            let database = try SQLiteDatabase(path: path, readOnly: true)
            let rows = try database.query("SELECT value FROM meta WHERE key = 'signature_format'")
            guard case .text(let existing)? = rows.first?.first else {
                throw CrossShardDedupeError(.incompatibleIndex, "the file records no signature format", path: path)
            }
            guard existing == format else {
                throw CrossShardDedupeError(
                    .incompatibleIndex,
                    "the index holds signatures made with \(existing), the pipeline's dedupe stage makes \(format)",
                    path: path
                )
            }
            let totals = try database.query("SELECT count(*), coalesce(max(seq), 0) FROM entries")
            guard case .integer(let count)? = totals.first?.first, case .integer(let last)? = totals.first?.last else {
                throw CrossShardDedupeError(.incompatibleIndex, "cannot count the entries", path: path)
            }
            self.count = Int(count)
            fingerprint = "\(format);entries=\(count);last_seq=\(last)"
        } catch let error as CrossShardDedupeError {
            throw error
        } catch {
            throw CrossShardDedupeError(.incompatibleIndex, "not a usable dedupe index: \(error)", path: path)
        }
    }

    /// Calls `body` with every entry, in `seq` order.
    ///
    /// - Parameter body: Called with the entry's key, document id and signature; return `false` to stop.
    /// - Throws: ``CrossShardDedupeError`` when the file cannot be read or an entry is unreadable, or what `body`
    ///   throws.
    func forEachEntry(_ body: (DedupeGlobalKey, String, DedupeSignature) throws -> Void) throws {
        do {
            let database = try SQLiteDatabase(path: path, readOnly: true)
            let statement = try database.prepare("SELECT seq, document_id, signature FROM entries ORDER BY seq")
            var failure: (any Error)?
            try statement.run([]) { row in
                guard failure == nil else { return }
                guard row.count == 3, case .integer(let sequence) = row[0], case .text(let id) = row[1],
                    case .blob(let bytes) = row[2], let signature = DedupeSignature(bytes: bytes)
                else {
                    failure = CrossShardDedupeError(
                        .incompatibleIndex,
                        "an entry (seq \(sequenceText(of: row))) is unreadable",
                        path: path
                    )
                    return
                }
                do {
                    try body(.indexEntry(Int(sequence)), id, signature)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        } catch let error as SQLiteDatabase.Failure {
            throw CrossShardDedupeError(.incompatibleIndex, "cannot read the entries: \(error)", path: path)
        }
    }

    /// The `seq` column of a row as text, for messages.
    private func sequenceText(of row: [SQLiteDatabase.Value]) -> String {
        guard case .integer(let sequence)? = row.first else { return "?" }
        return String(sequence)
    }
}
