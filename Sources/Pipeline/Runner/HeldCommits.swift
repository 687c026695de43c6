import Synchronization

/// An output's last transaction, left open when its stage finished, for the run's owner to commit together with
/// the input ledger's position (``HeldCommits``).
///
/// # Requirements
/// ``commit(recording:)`` commits everything the stage wrote in the run, and the position when one is given, in
/// one transaction: both or neither. ``discard()`` rolls it back. Each is called at most once, and never both;
/// an implementation that is dropped without either rolls back (a closed connection does).
public protocol HeldCommit: Sendable {
    /// Commits the output's writes, recording `position` in the same transaction.
    /// - Parameter position: The ledger position the batch advances to; `nil` when the run has none (nothing new
    ///   was planned).
    /// - Throws: When the commit fails; the transaction is then rolled back, or its outcome is unknown (a
    ///   connection lost during `COMMIT`), which the recorded position settles on the next start.
    func commit(recording position: LedgerPosition?) throws

    /// Rolls the output's writes back.
    func discard()
}

/// The commits that a run's outputs hold back so that the run's owner commits them, in stage order, after every
/// file output is synced and before the run state and the input ledger record the batch.
///
/// ```
/// stages finish ─▶ file outputs synced ─▶ runner returns ─▶ owner: commitAll(recording: position)
///                                                                 ─▶ run state ─▶ ledger advances
/// ```
/// An incremental run sets ``PipelineRunner/heldCommits``; a stage that can hold its commit (see
/// ``StageContext/heldCommits``) then leaves its last transaction open and hands it here. A run that fails
/// discards them (the runner does, before it throws).
///
/// # Thread safety
/// Thread-safe: stages hold their commits from their own tasks.
public final class HeldCommits: Sendable {
    private let held = Mutex<[(index: Int, commit: any HeldCommit)]>([])

    /// Creates an empty set.
    public init() {}

    /// Hands over a stage's open transaction.
    /// - Parameters:
    ///   - commit: The transaction.
    ///   - stageIndex: The stage's position in the pipeline (commits run in stage order).
    public func hold(_ commit: any HeldCommit, stageIndex: Int) {
        held.withLock { $0.append((stageIndex, commit)) }
    }

    /// How many commits are held.
    public var count: Int { held.withLock { $0.count } }

    /// Commits every held transaction in stage order, each recording `position`; after a failure the rest are
    /// discarded.
    /// - Parameter position: The ledger position, or `nil`.
    /// - Throws: The first failure.
    public func commitAll(recording position: LedgerPosition?) throws {
        let commits = take()
        for (offset, commit) in commits.enumerated() {
            do {
                try commit.commit(recording: position)
            } catch {
                for rest in commits.dropFirst(offset + 1) { rest.discard() }
                throw error
            }
        }
    }

    /// Rolls every held transaction back.
    public func discardAll() {
        for commit in take() { commit.discard() }
    }

    private func take() -> [any HeldCommit] {
        held.withLock { held in
            defer { held = [] }
            return held.sorted { $0.index < $1.index }.map(\.commit)
        }
    }
}
