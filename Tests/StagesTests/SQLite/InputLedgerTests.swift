import Foundation
import Testing

@testable import Stages

/// The incremental ledger's identities: the ledger's own (kept for the life of the file) and each pending batch's,
/// which a PostgreSQL export records in the batch's transaction.
@Suite struct InputLedgerTests {
    func path() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).sqlite").path
    }

    func entry(_ path: String, offset: Int) -> InputLedger.Entry {
        InputLedger.Entry(
            path: path,
            device: 1,
            inode: 2,
            size: offset,
            modifiedNanoseconds: 3,
            fingerprint: "f",
            offset: offset,
            lines: offset / 10
        )
    }

    @Test func theLedgerKeepsItsIdentifierAndEachBatchGetsItsOwn() throws {
        let file = path()
        let ledger = try InputLedger(path: file)
        #expect(ledger.identifier.count == 32 && ledger.identifier.allSatisfy(\.isHexDigit))
        let first = try ledger.begin(runID: "r1", outputsBefore: "{}", entries: [entry("a", offset: 10)])
        #expect(try ledger.pendingRun()?.batchID == first)
        let second = try ledger.begin(runID: "r1", outputsBefore: "{}", entries: [entry("a", offset: 5)])
        #expect(second != first, "an interrupted run's new batch has a new identifier, even with the same run id")

        let reopened = try InputLedger(path: file)
        #expect(reopened.identifier == ledger.identifier)
        #expect(try reopened.pendingRun()?.batchID == second)
        #expect(try reopened.pendingRun()?.entries == [entry("a", offset: 5)])
        try reopened.commitPending()
        #expect(try reopened.pendingRun() == nil)
        #expect(try reopened.consumed()["a"] == entry("a", offset: 5))
        #expect(try InputLedger(path: path()).identifier != ledger.identifier)
    }

    /// A ledger written before batches had identifiers keeps its pending run, with an empty batch identifier that
    /// no output has recorded (so it is settled by the file outputs, as before).
    @Test func aLedgerFromBeforeBatchIdentifiersKeepsItsPendingRun() throws {
        let file = path()
        let old = try SQLiteDatabase(path: file)
        try old.execute(
            """
            CREATE TABLE consumed (path TEXT PRIMARY KEY, device INTEGER NOT NULL, inode INTEGER NOT NULL,
                size INTEGER NOT NULL, modified_ns INTEGER NOT NULL, fingerprint TEXT NOT NULL,
                offset INTEGER NOT NULL, lines INTEGER NOT NULL);
            CREATE TABLE pending AS SELECT * FROM consumed;
            CREATE TABLE pending_run (run_id TEXT NOT NULL, outputs_before TEXT NOT NULL);
            INSERT INTO pending_run VALUES ('20261201T000000Z-1', '{}');
            INSERT INTO pending VALUES ('a', 1, 2, 10, 3, 'f', 10, 1);
            """
        )
        let ledger = try InputLedger(path: file)
        let pending = try #require(try ledger.pendingRun())
        #expect(pending.runID == "20261201T000000Z-1")
        #expect(pending.batchID == "")
        #expect(pending.entries == [entry("a", offset: 10)])
        let batch = try ledger.begin(runID: "r2", outputsBefore: "{}", entries: [])
        #expect(try ledger.pendingRun()?.batchID == batch)
    }
}
