import Foundation
import Logging
import Pipeline
import Stages

/// An incremental run's input (`input.incremental: true`): what is new since the runs the ledger records, and how
/// the ledger advances together with the outputs.
///
/// # What is new
/// Each input file is identified by its path plus its device and inode, size, modification time and a fingerprint
/// (FNV-1a over the length and the first and last 64 KiB of the consumed bytes).
/// - A file the ledger does not know is read in whole.
/// - A JSON Lines file whose consumed part is unchanged (same inode, at least as long, same fingerprint of the
///   consumed bytes) is read from where the last run stopped to the end of its last complete line; a line the
///   producer is still writing (no newline yet) is left for the next run. Line numbers, and the ids made from them,
///   continue.
/// - A file whose device, inode, size and modification time are as the ledger records is skipped without being read.
/// - **The rule for a file rewritten in place** (another inode, shorter than what was consumed, or a different
///   fingerprint): it is read again in whole and a warning names it. Sinks that upsert by id (SQLite, PostgreSQL)
///   then hold the new version; JSON Lines and CSV outputs get its documents again.
///
/// # Commit
/// ```
/// begin(pending batch B = what this run will consume, outputs' fingerprints before)
///   → run: file outputs appended and synced; PostgreSQL exports write in one open transaction each
///   → PostgreSQL exports commit their rows with (ledger, B) in pipeline_ledger, one transaction each
///   → run state saved (with the outputs' fingerprints after) → commitPending()
/// ```
/// A run that finds a pending batch B decides by the outputs:
/// 1. every PostgreSQL export records B → it committed (the file outputs were synced before): the ledger
///    advances to B, and B is not written again;
/// 2. the file outputs are unchanged since before it → it committed nothing, its input is read again;
/// 3. the run state records that run with the outputs as they are → it committed, the ledger advances;
/// 4. anything else (killed while appending, after the files and before PostgreSQL's commit, or after one
///    PostgreSQL export's commit and before another's) → every file output is cut back to its length before that
///    run (they only grow by appending in place, so the earlier version is a prefix) and its input is read again;
///    a PostgreSQL export that had not committed B holds none of it, one that had (only with two or more of
///    them) takes the same documents again by upsert, without doubling; SQLite exports upsert the same way.
/// An output that no longer starts with its earlier version (edited by something else) is refused with exit 1.
/// An interrupted run (SIGINT/SIGTERM) records the records it finished as a new pending batch, before anything
/// is committed with B's identifier, and advances the ledger over them.
struct IncrementalInput {
    /// The ledger.
    let ledger: InputLedger
    /// The transactions the run's PostgreSQL exports hold open, committed with the ledger position.
    let heldCommits = HeldCommits()
    /// The new input, sliced.
    private(set) var expansion: InputExpander.Expansion
    /// For each sliced file, in order, the entry the ledger records once the file's slice is consumed.
    private(set) var entries: [InputLedger.Entry] = []
    /// The entries of the files with nothing new (kept as they are).
    private(set) var unchanged = 0
    /// The files rewritten in place, read again in whole.
    private(set) var rewritten: [String] = []
    /// Whether the record limit left new input for a later run.
    private(set) var isCapped = false

    /// A refusal to run: the outputs do not tell whether the last run committed.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// The ledger beside a run state: `out/news.state.json` → `out/news.ledger.sqlite`.
    static func ledgerPath(forState statePath: String) -> String {
        statePath.hasSuffix(".state.json")
            ? String(statePath.dropLast(".state.json".count)) + ".ledger.sqlite" : statePath + ".ledger.sqlite"
    }

    /// Opens the ledger, settles a pending run, and plans what this run reads.
    /// - Parameters:
    ///   - expansion: The whole input, expanded.
    ///   - state: The run's state (its path and file outputs).
    ///   - recordLimit: Plan at most about this many records (JSON Lines lines; a file of another format counts
    ///     as one), leaving the rest for a later run; at least one file or line is always planned. Default: all.
    ///   - logger: Where to log.
    /// - Throws: ``Refusal`` when a pending run's outputs are torn; an SQLite or file failure.
    init(
        expansion whole: InputExpander.Expansion,
        state: ResumeState,
        recordLimit: Int = .max,
        logger: Logger
    ) throws {
        ledger = try InputLedger(path: Self.ledgerPath(forState: state.path))
        try Self.settlePendingRun(of: ledger, state: state, logger: logger)
        let consumed = try ledger.consumed()
        expansion = whole
        expansion.files = []
        var planned = 0
        for var file in whole.files {
            guard planned < recordLimit else {
                isCapped = true
                break
            }
            guard file.path != "-" else {
                throw Refusal(description: "incremental input cannot read standard input")
            }
            var info = stat()
            guard stat(file.path, &info) == 0 else {
                continue  // gone since the folder was listed: nothing to read, and no entry to record
            }
            let size = Int(info.st_size)
            let identity = (
                device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            )
            let prior = consumed[file.path]
            if let prior, prior.device == identity.device, prior.inode == identity.inode, prior.size == size,
                prior.modifiedNanoseconds == identity.modified
            {
                // Same inode, size and modification time as when it was consumed: nothing new, and nothing read
                // (a poll of a large folder costs a stat per file).
                unchanged += 1
                continue
            }
            var start = 0
            var linesBefore = 0
            let end: Int
            var lines = 0
            var cutByLimit = false
            if file.kind == .jsonLines {
                if let prior, prior.device == identity.device, prior.inode == identity.inode, size >= prior.offset,
                    try Self.fingerprint(of: file.path, upTo: prior.offset) == prior.fingerprint
                {
                    start = prior.offset
                    linesBefore = prior.lines
                } else if prior != nil {
                    rewritten.append(file.path)
                }
                let budget = recordLimit - planned
                (end, lines) = try Self.completeLines(of: file.path, from: start, to: size, atMost: budget)
                guard end > start else {
                    unchanged += 1
                    continue
                }
                file.byteRange = start..<end
                file.linesBefore = linesBefore
                planned += lines
                cutByLimit = lines == budget && end < size
                if cutByLimit { isCapped = true }
            } else {
                end = size
                planned += 1
                if prior != nil { rewritten.append(file.path) }
            }
            expansion.files.append(file)
            entries.append(
                InputLedger.Entry(
                    path: file.path,
                    device: identity.device,
                    inode: identity.inode,
                    // Cut by the limit: not the file's size, so the check by inode, size and time alone does not
                    // take the rest as consumed.
                    size: cutByLimit ? end : size,
                    modifiedNanoseconds: identity.modified,
                    fingerprint: try Self.fingerprint(of: file.path, upTo: end),
                    offset: end,
                    lines: linesBefore + lines
                )
            )
        }
        for path in rewritten {
            logger.warning(
                "input file rewritten in place since it was consumed: reading it again in whole",
                metadata: ["path": "\(path)"]
            )
        }
    }

    /// Plans an incremental run: expands the plan's whole input, settles the ledger's pending run, narrows the
    /// runner's input to what is new, records it as pending and logs what it found. `run` and each batch of
    /// `watch` start this way.
    /// - Parameters:
    ///   - runner: The runner; its input becomes the new slices, and it adds to the outputs.
    ///   - state: The run's state.
    ///   - logger: Where to log.
    ///   - recordLimit: Plan at most about this many records (see ``init(expansion:state:recordLimit:logger:)``).
    ///   - quietWhenNothingIsNew: Log nothing when there is nothing new (a poll of `watch`).
    /// - Returns: The plan, to ``commit(after:runID:state:)`` once the run's outputs and state are committed.
    /// - Throws: ``Refusal``, an SQLite or a file failure.
    static func prepare(
        _ runner: inout PipelineRunner,
        state: ResumeState,
        logger: Logger,
        recordLimit: Int = .max,
        quietWhenNothingIsNew: Bool = false
    ) throws -> IncrementalInput {
        let plan = runner.plan
        let whole = try InputExpander(options: plan.input, formats: plan.inputFormats).expand()
        let planned = try IncrementalInput(
            expansion: whole,
            state: state,
            recordLimit: recordLimit,
            logger: logger
        )
        if !planned.isEmpty { try planned.begin(runID: runner.runID, state: state) }
        if planned.isEmpty, quietWhenNothingIsNew { return planned }
        logger.notice(
            "incremental input: reading what is new",
            metadata: [
                "files": "\(planned.entries.count)", "unchanged": "\(planned.unchanged)",
                "rewritten": "\(planned.rewritten.count)", "ledger": "\(planned.ledger.path)",
            ]
        )
        runner.inputExpansion = planned.expansion
        runner.heldCommits = planned.heldCommits  // PostgreSQL's commit waits for commit(after:runID:state:);
        runner.resumeAfter = 0  // keep the outputs and add to them,
        runner.appendsOutputsInPlace = true  // in place: settlePendingRun cuts back what a killed run appended
        return planned
    }

    /// Whether there is anything new to read.
    var isEmpty: Bool { entries.isEmpty }

    /// Records what this run will consume, before it starts.
    /// - Parameters:
    ///   - runID: The run.
    ///   - state: The run's state (its file outputs).
    func begin(runID: String, state: ResumeState) throws {
        try ledger.begin(runID: runID, outputsBefore: try Self.fingerprints(of: state.fileOutputs), entries: entries)
    }

    /// Commits a run that has finished: the held PostgreSQL transactions with the ledger position, then the run
    /// state, then the ledger, which advances over everything planned or, for an interrupted run, over the
    /// records it finished.
    /// - Parameters:
    ///   - report: The run's report.
    ///   - runID: The run.
    ///   - state: The run's state.
    /// - Throws: A PostgreSQL, file or SQLite failure; the next start settles the pending batch.
    func commit(after report: RunReport, runID: String, state: ResumeState) throws {
        var batch: String?
        do {
            let pending = try ledger.pendingRun()
            batch = pending?.batchID
            if report.interruption != nil, let pending {
                // A new batch for what was finished, recorded before any output commits with a batch identifier:
                // a kill from here on is settled against what the run actually read.
                batch = try ledger.begin(
                    runID: runID,
                    outputsBefore: pending.outputsBefore,
                    entries: try finishedEntries(records: report.inputRecords)
                )
            }
        } catch {
            heldCommits.discardAll()
            throw error
        }
        KillPoint.filesCommitted.reach()
        try heldCommits.commitAll(
            recording: batch.map { LedgerPosition(ledger: ledger.identifier, batch: $0, runID: runID) }
        )
        KillPoint.outputsCommitted.reach()
        try state.save(after: report, runID: runID)
        KillPoint.stateSaved.reach()
        try ledger.commitPending()
    }

    /// The entries of what the first `records` input records covered (problems come first, then the files in
    /// order: one record per whole file, one per non-blank line of a JSON Lines slice).
    private func finishedEntries(records: Int) throws -> [InputLedger.Entry] {
        var remaining = records - expansion.problems.count
        var finished: [InputLedger.Entry] = []
        for (file, entry) in zip(expansion.files, entries) where remaining > 0 {
            guard let range = file.byteRange else {
                // A file read by a format (WARC, HTML) may hold several records: the count no longer maps to
                // positions from here on, so it and what follows are read again.
                guard file.kind == .text else { break }
                remaining -= 1
                finished.append(entry)
                continue
            }
            let (offset, lines, used) = try Self.position(of: file.path, in: range, afterRecords: remaining)
            remaining -= used
            var partial = entry
            partial.offset = offset
            // Not the file's size then: the check by inode, size and time alone must not take the rest as consumed.
            partial.size = offset
            partial.lines = file.linesBefore + lines
            partial.fingerprint = try Self.fingerprint(of: file.path, upTo: offset)
            finished.append(partial)
        }
        return finished
    }

    // MARK: Pending runs

    private static func settlePendingRun(of ledger: InputLedger, state: ResumeState, logger: Logger) throws {
        guard let pending = try ledger.pendingRun() else { return }
        let recorders = state.plan.ledgerRecordingStages
        if !recorders.isEmpty, !pending.batchID.isEmpty {
            let committed = try recorders.filter {
                try $0.committedBatch(ofLedger: ledger.identifier) == pending.batchID
            }
            if committed.count == recorders.count {
                // Committed by PostgreSQL after every file output was synced: the batch is complete everywhere.
                try ledger.commitPending()
                logger.notice(
                    """
                    the last incremental batch is committed in PostgreSQL: the ledger advances to it without \
                    writing it again
                    """,
                    metadata: ["run_id": "\(pending.runID)", "batch": "\(pending.batchID)"]
                )
                return
            }
            if !committed.isEmpty {
                logger.warning(
                    """
                    the last incremental batch is committed in \(committed.count) of \(recorders.count) PostgreSQL \
                    exports: it is read again, and those exports take its documents again by upsert
                    """,
                    metadata: ["run_id": "\(pending.runID)", "batch": "\(pending.batchID)"]
                )
            }
        }
        let outputs = Array((try parseFingerprints(pending.outputsBefore)).keys)
        if try fingerprints(of: outputs) == pending.outputsBefore {
            try ledger.dropPending()
            logger.notice(
                "the last incremental run committed nothing: reading its input again",
                metadata: ["run_id": "\(pending.runID)"]
            )
            return
        }
        if let text = try? String(contentsOfFile: state.path, encoding: .utf8),
            let json = try? JSONParser().parse(text), let recorded = RunState(json: json),
            recorded.runID == pending.runID,
            try recorded.outputs.allSatisfy({ try RunState.Fingerprint.sampled(path: $0.key) == $0.value })
        {
            try ledger.commitPending()
            logger.notice(
                "the last incremental run committed its outputs: the ledger advances",
                metadata: ["run_id": "\(pending.runID)"]
            )
            return
        }
        // Killed while appending or after an output's commit and before the run state's: some outputs hold some
        // of the run's documents. The file outputs only ever grow by a run (its lines are appended in place), so
        // each is cut back to the version before the run, and the run's input is read again.
        for (path, recorded) in try parseFingerprints(pending.outputsBefore) {
            try rollBack(path, to: recorded, runID: pending.runID, ledger: ledger)
        }
        try ledger.dropPending()
        logger.notice(
            """
            the last incremental run was killed between two commits: its file outputs are cut back to what they \
            were before it, and its input is read again
            """,
            metadata: ["run_id": "\(pending.runID)"]
        )
    }

    /// Cuts a file output back to the version fingerprinted before a run: removed when it did not exist,
    /// truncated to its earlier length when it still starts with that version.
    /// - Throws: ``Refusal`` when the file no longer starts with that version (it was changed by something else).
    private static func rollBack(_ path: String, to recorded: JSONValue, runID: String, ledger: InputLedger) throws {
        guard let before = recorded.objectValue else {
            if unlink(path) != 0, errno != ENOENT {
                throw FileAccessError.fromErrno(path: path, operation: "remove")
            }
            return
        }
        guard case .integer(let bytes)? = before["bytes"], case .string(let hash)? = before["hash"] else {
            throw Refusal(description: "the ledger's pending run is unreadable")
        }
        let current = try RunState.Fingerprint.sampled(path: path, firstBytes: Int(bytes))
        guard let current, current.bytes == Int(bytes), current.hash == hash else {
            throw Refusal(
                description: "'\(path)' no longer starts with the version that incremental run \(runID) began "
                    + "from, so it cannot be cut back; restore the outputs, or remove them and the ledger "
                    + "'\(ledger.path)' to process the whole input again"
            )
        }
        guard truncate(path, off_t(bytes)) == 0 else {
            throw FileAccessError.fromErrno(path: path, operation: "truncate")
        }
    }

    /// The file outputs' fingerprints as JSON, keys sorted: `{"path": {"bytes": n, "hash": h} | null}`.
    static func fingerprints(of paths: [String]) throws -> String {
        var members: [String: JSONValue] = [:]
        for path in paths {
            members[path] =
                try RunState.Fingerprint.sampled(path: path).map {
                    .object(["bytes": .integer(Int64($0.bytes)), "hash": .string($0.hash)])
                } ?? .null
        }
        return JSONValue.object(members).serialized()
    }

    private static func parseFingerprints(_ text: String) throws -> [String: JSONValue] {
        guard let json = try? JSONParser().parse(text), let members = json.objectValue else {
            throw Refusal(description: "the ledger's pending run is unreadable")
        }
        return members
    }

    // MARK: Files

    /// FNV-1a 64 over the length `end` and the first and last 64 KiB of the file's first `end` bytes (all of them
    /// up to 128 KiB).
    static func fingerprint(of path: String, upTo end: Int) throws -> String {
        var hash: UInt64 = 0
        try withFile(path) { descriptor in
            hash = try RunState.Fingerprint.sampledHash(descriptor: descriptor, path: path, upTo: end)
        }
        return String(hash, radix: 16)
    }

    /// The end of the last complete line in `start..<size` (after its newline), or of the `limit`th, and the
    /// lines up to it.
    private static func completeLines(
        of path: String,
        from start: Int,
        to size: Int,
        atMost limit: Int
    ) throws -> (Int, Int) {
        var end = start
        var lines = 0
        try withFile(path) { descriptor in
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var offset = start
            while offset < size {
                let count = try readFully(
                    descriptor,
                    path: path,
                    at: offset,
                    into: &buffer,
                    min(buffer.count, size - offset)
                )
                guard count > 0 else { break }
                for index in 0..<count where buffer[index] == 0x0A {
                    lines += 1
                    end = offset + index + 1
                    if lines == limit { return }
                }
                offset += count
            }
        }
        return (end, lines)
    }

    /// Where, in a JSON Lines slice, `records` records end: the offset after the line of the last one, the lines up
    /// to it, and the records found (fewer when the slice holds fewer).
    private static func position(of path: String, in range: Range<Int>, afterRecords records: Int) throws -> (
        Int, Int, Int
    ) {
        var found = 0
        var lines = 0
        var end = range.lowerBound
        try withFile(path) { descriptor in
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var offset = range.lowerBound
            var blank = true
            scan: while offset < range.upperBound {
                let count = try readFully(
                    descriptor,
                    path: path,
                    at: offset,
                    into: &buffer,
                    min(buffer.count, range.upperBound - offset)
                )
                guard count > 0 else { break }
                for index in 0..<count {
                    let byte = buffer[index]
                    if byte == 0x0A {
                        lines += 1
                        end = offset + index + 1
                        if !blank { found += 1 }
                        blank = true
                        if found == records { break scan }
                    } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                        blank = false
                    }
                }
                offset += count
            }
        }
        return (end, lines, found)
    }

    private static func withFile(_ path: String, _ body: (Int32) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccessError.fromErrno(path: path, operation: "open") }
        defer { close(descriptor) }
        try body(descriptor)
    }

    private static func readFully(
        _ descriptor: Int32,
        path: String,
        at offset: Int,
        into buffer: inout [UInt8],
        _ count: Int
    ) throws -> Int {
        precondition(count <= buffer.count, "read of \(count) bytes into a buffer of \(buffer.count)")
        var total = 0
        while total < count {
            let read = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + total, count - total, off_t(offset + total))
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path: path, operation: "read")
            }
            if read == 0 { break }
            total += read
        }
        return total
    }
}
