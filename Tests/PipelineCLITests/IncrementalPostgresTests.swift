import Foundation
import Testing

@testable import Stages

/// Incremental runs into PostgreSQL (a real server, see ``PostgresTestServer``): the export commits a batch's rows
/// and the ledger position in one transaction, so a kill between any two commits neither loses a row nor writes
/// one twice, with or without a JSON Lines output beside it.
///
/// The kills come from `PIPELINE_KILL_AT` (``KillPoint``), which makes the process SIGKILL itself at an exact point
/// of the commit. Writes are counted by a trigger that fires for every row the export sends (`BEFORE INSERT`
/// fires before `ON CONFLICT` decides, so a document written again counts again) in the export's transaction, so
/// only committed writes count.
@Suite(.timeLimit(.minutes(5))) struct IncrementalPostgresTests {
    let tool = Executable("pipeline-run")

    func lines(_ prefix: String, _ range: Range<Int>) -> String {
        range.map { #"{"id":"\#(prefix)-\#($0)","text":"Story \#($0) from \#(prefix): the minister spoke."}"# }
            .joined(separator: "\n") + "\n"
    }

    /// A scratch folder with `in/`, and a pipeline into PostgreSQL (by default in batches of 3 documents, so a
    /// run's rows span several `COPY`s of its one transaction), with a JSON Lines export before it when `jsonl` is
    /// set.
    func setUp(jsonl: Bool, batchSize: Int = 3) -> Scratch {
        let scratch = Scratch()
        try! FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write(
            "p.yaml",
            """
            name: inc
            input: {path: in/, incremental: true}
            stages:
              - {type: clean, minimum_length: 0}
            \(jsonl ? "  - {type: export, path: out/docs.jsonl}\n" : "")\
              - {type: export, format: postgres, url: "${DATABASE_URL}", batch_size: \(batchSize)}
            output: {dead_letter: out/dead.jsonl, state: out/inc.state.json}
            """
        )
        return scratch
    }

    /// Counts every row sent to `documents` from now on, in `writes`.
    func countWrites(_ url: String) throws {
        try PostgresConnection(url: url).execute(
            """
            CREATE TABLE writes (n bigint NOT NULL);
            INSERT INTO writes VALUES (0);
            CREATE FUNCTION count_write() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN UPDATE writes SET n = n + 1; RETURN NEW; END $$;
            CREATE TRIGGER count_writes BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION count_write();
            """,
            operation: "count writes"
        )
    }

    func number(_ url: String, _ sql: String) throws -> Int {
        Int(try PostgresTestServer.rows(url, sql).first?.first.flatMap { $0 } ?? "") ?? -1
    }

    func ids(in scratch: Scratch) -> [String] {
        scratch.read("out/docs.jsonl").split(separator: "\n").map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? String ?? "?"
        }
    }

    func run(_ scratch: Scratch, url: String, killAt point: String? = nil) async throws -> Executable.Result {
        var environment = ["DATABASE_URL": url]
        environment["PIPELINE_KILL_AT"] = point
        return try await tool.run(["run", "p.yaml"], in: scratch.url, environment: environment)
    }

    /// Kill points after the run, and what the next start does with the killed batch of 7 documents: read them
    /// again (PostgreSQL had not committed them) or advance the ledger to them without reading them.
    @Test(arguments: ["files-committed", "outputs-committed", "state-saved"], [false, true])
    func aKillBetweenTwoCommitsNeitherLosesNorRewritesARow(killPoint: String, jsonl: Bool) async throws {
        let postgresCommitted = killPoint != "files-committed"
        let url = try PostgresTestServer.freshSchemaURL()
        let scratch = setUp(jsonl: jsonl)
        scratch.write("in/a.jsonl", lines("a", 0..<8))
        let first = try await run(scratch, url: url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("total: 8 in = 8 written + 0 dropped + 0 dead-lettered"), "\(first.stderr)")
        try countWrites(url)

        scratch.write("in/b.jsonl", lines("b", 0..<7))
        let killed = try await run(scratch, url: url, killAt: killPoint)
        #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL, "\(killed.stderr)")
        let ledger = try InputLedger(path: scratch.path("out/inc.ledger.sqlite"))
        let pending = try #require(try ledger.pendingRun(), "the killed batch is pending in the ledger")
        let recorded = try PostgresTestServer.rows(
            url,
            "SELECT batch FROM pipeline_ledger WHERE ledger = '\(ledger.identifier)'"
        )
        let recordedBatch: String? = recorded.first?.first ?? nil
        #expect((recordedBatch == pending.batchID) == postgresCommitted)
        #expect(try number(url, "SELECT count(*) FROM documents") == (postgresCommitted ? 15 : 8))
        #expect(try number(url, "SELECT n FROM writes") == (postgresCommitted ? 7 : 0), "all or nothing")

        let recovered = try await run(scratch, url: url)
        #expect(recovered.status == 0, "\(recovered.stderr)")
        if postgresCommitted {
            let advanced = "the last incremental batch is committed in PostgreSQL: the ledger advances to it"
            #expect(recovered.stderr.contains(advanced + " without writing it again"), "\(recovered.stderr)")
            #expect(recovered.stderr.contains("total: 0 in = 0 written + 0 dropped + 0 dead-lettered"))
        } else {
            let settled = jsonl ? "killed between two commits" : "the last incremental run committed nothing"
            #expect(recovered.stderr.contains(settled), "\(recovered.stderr)")
            #expect(recovered.stderr.contains("total: 7 in = 7 written + 0 dropped + 0 dead-lettered"))
        }
        #expect(try ledger.pendingRun() == nil)
        #expect(try number(url, "SELECT count(*) FROM documents") == 15)
        #expect(try number(url, "SELECT n FROM writes") == 7, "each of the batch's documents written exactly once")
        let want = (0..<8).map { "a-\($0)" } + (0..<7).map { "b-\($0)" }
        if jsonl { #expect(ids(in: scratch) == want, "the JSON Lines output holds each document exactly once") }

        // The next batch starts from there.
        scratch.write("in/c.jsonl", lines("c", 0..<4))
        let next = try await run(scratch, url: url)
        #expect(next.stderr.contains("total: 4 in = 4 written + 0 dropped + 0 dead-lettered"), "\(next.stderr)")
        #expect(try number(url, "SELECT count(*) FROM documents") == 19)
        #expect(try number(url, "SELECT n FROM writes") == 11)
        let rows = try PostgresTestServer.rows(url, "SELECT id FROM documents").compactMap { $0.first ?? nil }
        #expect(rows.sorted() == (want + (0..<4).map { "c-\($0)" }).sorted())
        if jsonl { #expect(self.ids(in: scratch) == want + (0..<4).map { "c-\($0)" }) }
    }

    /// A run that fails after PostgreSQL wrote part of its rows (a later stage rejects a document) commits none of
    /// them: the whole run is one transaction, and the rerun writes each row once.
    @Test func aFailedRunCommitsNoneOfItsRows() async throws {
        let url = try PostgresTestServer.freshSchemaURL()
        let scratch = Scratch()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write("in/a.jsonl", lines("a", 0..<2))
        let pipeline = """
            name: inc
            input: {path: in/, incremental: true, on_invalid: fail}
            stages:
              - {type: export, format: postgres, url: "${DATABASE_URL}", batch_size: 2}
            output: {dead_letter: out/dead.jsonl, state: out/inc.state.json}
            """
        scratch.write("p.yaml", pipeline)
        #expect(try await run(scratch, url: url).status == 0)
        try countWrites(url)
        // Five documents, then a line that is not JSON: the run fails with exit 2, after the export may have
        // written batches of two into its transaction.
        scratch.write("in/b.jsonl", lines("b", 0..<5) + "not json\n")
        let failed = try await run(scratch, url: url)
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(try number(url, "SELECT count(*) FROM documents") == 2)
        #expect(try number(url, "SELECT n FROM writes") == 0)
        scratch.write("in/b.jsonl", lines("b", 0..<5))
        let rerun = try await run(scratch, url: url)
        #expect(rerun.stderr.contains("total: 5 in = 5 written"), "\(rerun.stderr)")
        #expect(try number(url, "SELECT n FROM writes") == 5)
        #expect(try number(url, "SELECT count(*) FROM documents") == 7)
    }

    /// SIGTERM during a `watch` batch into PostgreSQL, then a kill right after the export committed what was
    /// finished: the restart advances the ledger over exactly those documents and reads the rest, each row
    /// written once.
    @Test func aKillAfterAnInterruptedWatchBatchCommittedKeepsEveryRowOnce() async throws {
        // The export's connections carry a name of their own, so the test sees when their transaction has written.
        let name = "watch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = try PostgresTestServer.freshSchemaURL() + "&application_name=\(name)"
        let scratch = setUp(jsonl: false, batchSize: 2000)
        scratch.write("in/a.jsonl", lines("a", 0..<1))
        #expect(try await run(scratch, url: url).status == 0)
        try countWrites(url)
        // A batch large enough that the poll below sees its transaction writing before it commits, even on a loaded
        // machine (with 12,000 documents the batch sometimes finished, and the process killed itself at
        // outputs-committed, before the first poll).
        scratch.write("in/b.jsonl", lines("b", 0..<30_000))
        scratch.write("in/c.jsonl", lines("c", 0..<100))
        func start(killAt point: String?) throws -> (Process, ProcessExit, PipeCapture) {
            let process = Process()
            process.executableURL = tool.url
            process.arguments = [
                "watch", "p.yaml", "--interval", "0.05", "--log-format", "json", "--batch-documents", "1000000",
            ]
            process.currentDirectoryURL = scratch.url
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = url
            environment["PIPELINE_KILL_AT"] = point
            process.environment = environment
            let error = Pipe()
            process.standardError = error
            let errors = PipeCapture(reading: error.fileHandleForReading)
            return (process, try ProcessExit(starting: process), errors)
        }
        let (first, firstExit, firstErrors) = try start(killAt: "outputs-committed")
        defer { if first.isRunning { first.terminate() } }
        try await Readiness.wait(for: "the first rows in the export's transaction", unless: firstExit) {
            let writing = """
                SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(name)' AND backend_xid IS NOT NULL
                """
            return ((try? number(url, writing)) ?? 0) > 0
        }
        first.terminate()
        let firstCode = try await firstExit.wait()
        let firstText = try await firstErrors.text()
        #expect(firstCode == SIGKILL, "killed after the export's commit: \(firstText)")
        let committed = try number(url, "SELECT n FROM writes")
        #expect(committed > 0)
        #expect(committed < 30_100, "SIGTERM came during the batch")

        let (second, secondExit, secondErrors) = try start(killAt: nil)
        defer { if second.isRunning { second.terminate() } }
        // The rest is most of the batch: give it time on a loaded machine (the suite runs in parallel).
        try await Readiness.wait(for: "the rest", unless: secondExit, within: .seconds(300)) {
            (try? number(url, "SELECT count(*) FROM documents")) ?? 0 >= 30_101
        }
        second.terminate()
        let secondCode = try await secondExit.wait()
        let secondText = try await secondErrors.text()
        #expect(secondCode == 0, "\(secondText)")
        #expect(
            secondText.contains("the last incremental batch is committed in PostgreSQL"),
            "the first process committed \(committed): \(secondText)"
        )
        #expect(try number(url, "SELECT count(*) FROM documents") == 30_101)
        #expect(try number(url, "SELECT n FROM writes") == 30_100, "each row written once (\(committed) before)")
    }
}
