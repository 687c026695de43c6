/// Where an incremental run's input ledger stands once a batch commits: which ledger, and which batch.
///
/// An output that commits in a transaction of its own (a PostgreSQL export) records the position in that
/// transaction (see ``HeldCommits``); after a kill, the ledger asks the output which batch it last committed
/// (``LedgerRecordingStage/committedBatch(ofLedger:)``) and so knows whether the batch it was about to record
/// reached the output.
public struct LedgerPosition: Sendable, Hashable {
    /// The ledger's identifier: random, made when the ledger file is created, so two pipelines writing to one
    /// database never share a position.
    public var ledger: String
    /// The batch's identifier: random, made when the ledger records the batch as pending.
    public var batch: String
    /// The run that commits the batch (for people reading the table; not used to decide).
    public var runID: String

    /// Creates a position.
    /// - Parameters:
    ///   - ledger: The ledger's identifier.
    ///   - batch: The batch's identifier.
    ///   - runID: The run that commits it.
    public init(ledger: String, batch: String, runID: String) {
        self.ledger = ledger
        self.batch = batch
        self.runID = runID
    }
}
