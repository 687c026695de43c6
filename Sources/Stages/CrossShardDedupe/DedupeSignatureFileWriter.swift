import Pipeline

/// Writes one shard's signature file and band files (see ``DedupeWorkDirectory``).
///
/// ``append(key:id:signature:)`` streams each record to the signature file and each band key to the band's spill
/// file; ``commit()`` then sorts every band (one at a time, so memory holds one band's entries) and renames every
/// file into place, band files first and the signature file last. Every file is written through
/// ``AtomicFileWriter`` (temporary file, fsync, rename): a failed or killed attempt leaves the previous files.
///
/// An empty signature (a text without words) gets only the exact band, as a ``DedupeIndex`` files it only under its
/// exact hash.
///
/// # Thread safety
/// Not thread-safe: a `final class` owned by one task.
final class DedupeSignatureFileWriter {
    private let directory: DedupeWorkDirectory
    private let shard: Shard
    private let deduplicator: Deduplicator
    private let signatures: AtomicFileWriter
    private var spills: [DedupeBandSpill] = []
    private var line: [UInt8] = []
    private var hash = FNV1a.offsetBasis
    private var summary = DedupeSignatureSummary()

    /// Opens the shard's files.
    ///
    /// - Parameters:
    ///   - directory: The shared folder.
    ///   - shard: The shard.
    ///   - deduplicator: The deduplicator of the pipeline's `dedupe` stage (banding, permutations).
    /// - Throws: ``FileAccessError`` when a file or folder cannot be created.
    init(directory: DedupeWorkDirectory, shard: Shard, deduplicator: Deduplicator) throws(FileAccessError) {
        self.directory = directory
        self.shard = shard
        self.deduplicator = deduplicator
        signatures = try AtomicFileWriter(path: directory.signaturesPath(shard))
        for band in 0...deduplicator.exactBand {
            let path = directory.bandPath(band: band, shard)
            try AtomicFileWriter.createParentDirectory(of: path)
            spills.append(try DedupeBandSpill(beside: path))
        }
    }

    /// Writes one document's record and band entries.
    ///
    /// - Parameters:
    ///   - key: The document's global key.
    ///   - id: The document's id.
    ///   - signature: Its signature.
    /// - Throws: ``FileAccessError`` when writing fails.
    func append(key: DedupeGlobalKey, id: String, signature: DedupeSignature) throws(FileAccessError) {
        line.removeAll(keepingCapacity: true)
        DedupeSignatureRecord(key: key, id: id, signature: signature).write(to: &line)
        hashBytes(line)
        try signatures.write(line)
        summary.documents += 1
        let exactBand = deduplicator.exactBand
        try spills[exactBand].append(DedupeBandEntry(bandKey: signature.exactHash, key: key))
        summary.bandEntries += 1
        guard deduplicator.isBanded(signature) else {
            summary.emptySignatures += 1
            return
        }
        for band in 0..<exactBand {
            try spills[band].append(DedupeBandEntry(bandKey: deduplicator.bandKey(of: signature, band: band), key: key))
        }
        summary.bandEntries += exactBand
    }

    /// Sorts and writes every band file, then the signature file.
    ///
    /// - Returns: What was written.
    /// - Throws: ``FileAccessError`` when a file cannot be written, synced or renamed.
    func commit() throws(FileAccessError) -> DedupeSignatureSummary {
        var bandFiles: [AtomicFileWriter] = []
        do {
            for (band, spill) in spills.enumerated() {
                let writer = try AtomicFileWriter(path: directory.bandPath(band: band, shard))
                bandFiles.append(writer)
                for entry in try spill.sortedEntries() {
                    line.removeAll(keepingCapacity: true)
                    entry.write(to: &line)
                    hashBytes(line)
                    try writer.write(line)
                }
                spill.removeFile()
                try writer.flush()
            }
            for writer in bandFiles { try writer.commit() }
            try signatures.commit()
        } catch {
            for writer in bandFiles { writer.discard() }
            discard()
            throw error
        }
        summary.contentHash = FNV1a.hexadecimal(hash)
        return summary
    }

    /// Abandons every file of this attempt.
    func discard() {
        signatures.discard()
        for spill in spills { spill.removeFile() }
    }

    /// Folds written bytes into the content hash.
    private func hashBytes(_ bytes: [UInt8]) {
        for byte in bytes { hash = FNV1a.adding(byte, to: hash) }
    }
}
