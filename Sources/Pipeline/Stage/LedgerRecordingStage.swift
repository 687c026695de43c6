/// A stage whose output can record an incremental run's ledger position in the same transaction as a batch's
/// documents, and tell afterwards which batch it last committed: the PostgreSQL export.
///
/// ```
/// run:       stage holds its transaction ─▶ owner commits it with LedgerPosition(ledger, batch) ─▶ ledger advances
/// next start: ledger has batch B pending ─▶ committedBatch(ofLedger:) == B in every such output?
///                                            yes: B committed; the ledger advances without writing B again
///                                            no:  decided by the file outputs, as without such outputs
/// ```
///
/// # Requirements
/// - ``recordsLedgerPosition`` says whether the stage, as configured, does so (an export does for one of its
///   formats); it does not touch the outside world.
/// - When it does, and ``StageContext/heldCommits`` is set, ``Stage/run(input:output:context:)`` writes the run's
///   documents in one transaction that it hands to ``HeldCommits/hold(_:stageIndex:)`` instead of committing, and
///   whose ``HeldCommit/commit(recording:)`` records the position in the same transaction.
/// - ``committedBatch(ofLedger:)`` returns the batch of the last position committed for that ledger.
public protocol LedgerRecordingStage: Stage {
    /// Whether the stage, as configured, records ledger positions.
    var recordsLedgerPosition: Bool { get }

    /// The batch of the last position the output committed for a ledger.
    /// - Parameter ledger: The ledger's identifier (``LedgerPosition/ledger``).
    /// - Returns: The batch's identifier, or `nil` when it committed none.
    /// - Throws: When the output cannot be asked (a server that is down: a transient failure; the batch's fate
    ///   is unknown until it answers).
    func committedBatch(ofLedger ledger: String) throws -> String?
}

extension PipelinePlan {
    /// The stages that record the ledger position in their own transactions (``LedgerRecordingStage``), in order.
    public var ledgerRecordingStages: [any LedgerRecordingStage] {
        stages.compactMap { $0.stage as? any LedgerRecordingStage }.filter(\.recordsLedgerPosition)
    }
}
