import Foundation
import Testing

/// Runs the built `pipeline-run` (or another product) as a user would.
struct Executable {
    let url: URL

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init(_ name: String) {
        let buildFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        url = buildFolder.appendingPathComponent(name)
    }

    struct Result {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to its exit, its input written and its output read on threads of their own, so the test
    /// suspends instead of blocking a thread of the cooperative pool that every parallel test shares.
    func run(
        _ arguments: [String],
        stdin: String? = nil,
        in directory: URL = Executable.packageRoot,
        environment: [String: String] = [:]
    ) async throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments.first == "run" ? arguments + ["--log-format", "json"] : arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        let stdout = PipeCapture(reading: output.fileHandleForReading)
        let stderr = PipeCapture(reading: error.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        let writer = input.fileHandleForWriting
        let data = Data((stdin ?? "").utf8)
        Thread.detachNewThread {
            writer.write(data)
            try? writer.close()
        }
        let status = try await exit.wait()
        return Result(
            status: status,
            reason: process.terminationReason,
            stdout: try await stdout.text(),
            stderr: try await stderr.text()
        )
    }
}

/// A temporary folder for one test.
struct Scratch {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) { try! Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: url.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }
}

@Suite struct CommandLineTests {
    let tool = Executable("pipeline-run")
    let keywordTool = Executable("keyword-pipeline-run")

    func jsonLines(_ count: Int) -> String {
        (0..<count).map {
            #"{"id":"d\#($0)","text":"Document \#($0) about \#($0 % 3 == 0 ? "sanctions" : "weather").","n":\#($0)}"#
        }
        .joined(separator: "\n") + "\n"
    }

    @Test func runsTheSamplePipelineOnTheSeeds() async throws {
        let scratch = Scratch()
        // Run from a scratch folder holding a copy of the seeds, so the pipeline's relative input (seeds/*.txt) and
        // outputs (index, database) resolve there.
        let root = Executable.packageRoot.path
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("seeds"),
            withIntermediateDirectories: true
        )
        for name in ["000_b91e1b26261307a9.txt", "002_b572a6a0bfdea77a.txt"] {
            try FileManager.default.copyItem(atPath: root + "/seeds/" + name, toPath: scratch.path("seeds/" + name))
        }
        let result = try await tool.run(
            [
                "run", root + "/pipelines/news.yaml", "--output", scratch.path("news.jsonl"),
                "--dead-letter", scratch.path("dead.jsonl"), "--stats-json", scratch.path("stats.json"),
            ],
            in: scratch.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        let lines = scratch.read("news.jsonl").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"id":"seeds/000_b91e1b26261307a9.txt","text":"#))
        #expect(lines[1].hasPrefix(#"{"id":"seeds/002_b572a6a0bfdea77a.txt","text":"#))
        #expect(result.stderr.contains("total: 2 in = 2 written + 0 dropped + 0 dead-lettered"))
        let stats = try JSONSerialization.jsonObject(with: Data(scratch.read("stats.json").utf8)) as! [String: Any]
        #expect(stats["written"] as? Int == 2)
        #expect(stats["balanced"] as? Bool == true)
        #expect(scratch.read("dead.jsonl") == "")
        #expect(FileManager.default.fileExists(atPath: scratch.path("out/news.db")))
        let seed = try String(contentsOfFile: root + "/seeds/000_b91e1b26261307a9.txt", encoding: .utf8)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(seed.contains("[ad_1]"))
        #expect((first["text"] as? String)?.contains("[ad_1]") == false)
        #expect((first["summary"] as? String)?.isEmpty == false)
        #expect((first["entities"] as? [[String: Any]])?.contains { $0["text"] as? String == "Joe Biden" } == true)
        #expect(first["duplicate_of"] is NSNull)
    }

    @Test(.timeLimit(.minutes(5))) func outputIsByteIdenticalAtConcurrencyOneAndEight() async throws {
        let scratch = Scratch()
        scratch.write("in.jsonl", jsonLines(2_000))
        scratch.write(
            "p.yaml",
            """
            name: tagged
            input: {path: in.jsonl}
            stages:
              - type: keywords
                keywords: [sanctions, weather]
              - type: export
                path: out.jsonl
            output: {dead_letter: dead.jsonl}
            """
        )
        var outputs: [String] = []
        for concurrency in ["1", "8"] {
            let result = try await keywordTool.run(["run", "p.yaml", "--concurrency", concurrency], in: scratch.url)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(scratch.read("out.jsonl"))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].split(separator: "\n").count == 2_000)
        #expect(
            outputs[0].hasPrefix(#"{"id":"d0","text":"Document 0 about sanctions.","keywords":["sanctions"],"n":0}"#)
        )
    }

    @Test func outputReadsBackAsTheSameDocuments() async throws {
        let scratch = Scratch()
        scratch.write("in.jsonl", jsonLines(50))
        scratch.write("p.yaml", "input: {path: in.jsonl}\nstages:\n  - type: export\n    path: first.jsonl\n")
        scratch.write("q.yaml", "input: {path: first.jsonl}\nstages:\n  - type: export\n    path: second.jsonl\n")
        #expect(try await tool.run(["run", "p.yaml"], in: scratch.url).status == 0)
        #expect(try await tool.run(["run", "q.yaml"], in: scratch.url).status == 0)
        #expect(scratch.read("first.jsonl") == scratch.read("second.jsonl"))
        #expect(scratch.read("first.jsonl").split(separator: "\n").count == 50)
    }

    @Test(.timeLimit(.minutes(5))) func filtersStandardInputToStandardOutput() async throws {
        let scratch = Scratch()
        scratch.write(
            "p.yaml",
            "input: {path: '-'}\nstages:\n  - type: keywords\n    keywords: [sanctions]\n    drop_untagged: true\n"
        )
        let result = try await keywordTool.run(
            ["run", "p.yaml", "--output", "-", "--dead-letter", scratch.path("dead.jsonl")],
            stdin: jsonLines(9) + "not json\n",
            in: scratch.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.split(separator: "\n").map { String($0.prefix(14)) } == [
                #"{"id":"d0","te"#, #"{"id":"d3","te"#, #"{"id":"d6","te"#,
            ]
        )
        #expect(result.stderr.contains("total: 10 in = 3 written + 6 dropped + 1 dead-lettered"))
        #expect(
            scratch.read("dead.jsonl").contains(
                #""error":"line 10: invalid JSON: invalid literal, expected true, false or null at column 1""#
            )
        )
    }

    @Test func validateReportsPositionedErrors() async throws {
        let scratch = Scratch()
        scratch.write(
            "bad.yaml",
            "input:\n  path: x\nstages:\n  - type: exprot\n    path: y\n  - type: export\n    formt: csv\n    path: z\n"
        )
        let result = try await tool.run(["validate", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                bad.yaml:4:11: error: stages[0].type: unknown stage type 'exprot'
                  - type: exprot
                          ^
                  hint: did you mean 'export'?
                bad.yaml:7:5: error: stages[1].formt: unknown key 'formt'
                    formt: csv
                    ^
                  hint: did you mean 'format'?
                2 errors in bad.yaml

                """
        )
        let good = try await tool.run(["validate", "pipelines/news.yaml"])
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("pipelines/news.yaml: valid pipeline 'news'"))
    }

    @Test func validateReportsMissingAndUnknownKeysOfOneMappingAndOfEveryStage() async throws {
        let scratch = Scratch()
        scratch.write(
            "bad.yaml",
            """
            input: {path: x}
            stages: [{type: export, formatt: jsonl}]

            """
        )
        let result = try await tool.run(["validate", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                bad.yaml:2:10: error: stages[0]: missing required key 'path'
                stages: [{type: export, formatt: jsonl}]
                         ^
                bad.yaml:2:25: error: stages[0].formatt: unknown key 'formatt'
                stages: [{type: export, formatt: jsonl}]
                                        ^
                  hint: did you mean 'format'?
                2 errors in bad.yaml

                """
        )
        scratch.write(
            "many.yaml",
            """
            input:
              path: x
              formt: jsonl
            stages:
              - type: clean
                minimum_length: -1
                keep_headlines: true
              - type: summarize
                ratio: 2
                method: leed
                concurrency: 0

            """
        )
        let many = try await tool.run(["validate", "many.yaml"], in: scratch.url)
        #expect(many.status == 1)
        #expect(
            many.stderr == """
                many.yaml:3:3: error: input.formt: unknown key 'formt'
                  formt: jsonl
                  ^
                  hint: did you mean 'format'?
                many.yaml:6:21: error: stages[0].minimum_length: expected a value between 0 and 1000000, found -1
                    minimum_length: -1
                                    ^
                many.yaml:7:5: error: stages[0].keep_headlines: unknown key 'keep_headlines'
                    keep_headlines: true
                    ^
                  hint: did you mean 'keep_headline'?
                many.yaml:9:12: error: stages[1].ratio: expected a value between 0.001 and 1.0, found 2.0
                    ratio: 2
                           ^
                many.yaml:10:13: error: stages[1].method: expected one of lead, frequency, textrank, lexrank, news, highlights, found "leed"
                    method: leed
                            ^
                  hint: did you mean 'lead'?
                many.yaml:11:18: error: stages[1].concurrency: expected a value between 1 and 1024, found 0
                    concurrency: 0
                                 ^
                6 errors in many.yaml

                """
        )
    }

    @Test func missingInputIsAConfigurationError() async throws {
        let scratch = Scratch()
        scratch.write("p.yaml", "input: {path: nowhere/}\nstages: [{type: export, path: out.jsonl}]\n")
        let result = try await tool.run(["run", "p.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read 'nowhere/': No such file or directory"))
    }

    /// Standard input stays open, so the run is still reading when the metrics file shows its first batch and
    /// SIGTERM arrives: what it read is drained to the output and committed, and the summary accounts for it.
    @Test(.timeLimit(.minutes(5)))
    func sigtermStopsGracefullyAndCommitsWhatWasFinished() async throws {
        let scratch = Scratch()
        scratch.write("p.yaml", "input: {path: '-'}\nstages: [{type: export, path: out.jsonl}]\n")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = [
            "run", "p.yaml", "--log-format", "json", "--metrics-file", "metrics.prom", "--metrics-interval", "1",
        ]
        process.currentDirectoryURL = scratch.url
        let input = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardError = error
        let errors = PipeCapture(reading: error.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        input.fileHandleForWriting.write(Data(jsonLines(40).utf8))
        try await Readiness.wait(for: "a first batch read", unless: exit) {
            (Readiness.metric("pipeline_input_records_total", inFile: scratch.path("metrics.prom")) ?? 0) > 0
        }
        process.terminate()
        let status = try await exit.wait()
        let stderr = try await errors.text()
        #expect(status == 143, "\(stderr)")
        #expect(stderr.contains("interrupted by SIGTERM"))
        let read = try #require(ResumeTests.inputRecords(in: stderr), "\(stderr)")
        #expect(read > 0 && read <= 40)
        #expect(stderr.contains("total: \(read) in = \(read) written + 0 dropped + 0 dead-lettered"))
        let ids = scratch.read("out.jsonl").split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<read).map { "d\($0)" }, "the first records, in input order")
    }

    @Test func stagesListsEveryOption() async throws {
        let result = try await keywordTool.run(["stages"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- type: export\n  Writes documents to JSON Lines, CSV or SQLite (atomically) or PostgreSQL (in batches), "
                    + "and passes them on."
            )
        )
        #expect(
            result.stdout.hasPrefix(
                """
                input:
                  What to read.
                    path: string or list of strings (required)
                        Folders (.txt/.md files, and .jsonl inside them), files, globs, or - for JSON Lines on stdin.
                    format: one of auto, text, jsonl (default auto)
                        auto: .jsonl/.ndjson files and - are JSON Lines, other files are one document each.
                    text_field: string (default text)
                        JSON Lines member holding the text.
                    id_field: string (default id)
                        JSON Lines member holding the id.
                    max_document_bytes: integer 1...17179869184 (default 10485760)
                        Larger documents go to the dead-letter output.
                    split: one of file, record (default file)
                        Sharded runs: file k of the sorted list goes to shard k mod N, or records are split by id hash.
                    on_invalid: one of dead-letter, fail (default dead-letter)
                        Unreadable input (malformed JSON line, invalid UTF-8, empty or oversized text): dead-letter it, or fail the run (exit 2).
                    incremental: boolean (default false)
                        Read only input that earlier runs have not consumed (new files, new lines of a grown JSON Lines file), as the ledger beside the run state records.

                output:
                  Where side outputs go.
                    dead_letter: string (default out/<name>.dead-letter.jsonl)
                        JSON Lines file of failed documents with the stage and error.
                    stats: string (default none)
                        JSON file of the run's statistics.
                    state: string (default out/<name>.state.json)
                        What the last committed run completed; run --resume continues after it.

                """
            )
        )
        #expect(
            result.stdout.contains(
                """
                - type: export
                  Writes documents to JSON Lines, CSV or SQLite (atomically) or PostgreSQL (in batches), and passes them on.
                    format: one of jsonl, csv, sqlite, postgres (default jsonl)
                        JSON Lines, CSV, or an SQLite or PostgreSQL database with a full-text index (rows upserted by id).
                    path: string (default none)
                        The destination file; - is standard output. Required, except for postgres (which takes url).
                    url: string (default none)
                        postgres (required): the connection URL, e.g. ${DATABASE_URL}; its password is never logged.
                    batch_size: integer 1...100000 (default 2000)
                        postgres: documents per transaction (per COPY within an incremental run's one transaction).
                    fields: list of strings (default [id, text])
                        CSV columns: id, text or any field (non-strings written as JSON).
                    csv_safe: boolean (default true)
                        Prefix CSV cells starting with = + - @ with ' so spreadsheets do not evaluate them.

                """
            )
        )
        #expect(
            result.stdout.contains(
                """
                - type: keywords
                  Example custom stage: tags documents with the listed keywords they mention.
                    keywords: list of strings (required)
                        Keywords to find, as whole words, ignoring case.
                    field: string (default keywords)
                        The field receiving the keywords found.
                    drop_untagged: boolean (default false)
                        Drop documents with no keyword.

                """
            )
        )
        #expect(
            result.stdout.contains(
                """
                    ratio: number 0.001...1.0 (default 0.4 when no length is set)
                        Summary length as a fraction of the body's sentences, rounded, at least 1.
                """
            )
        )
    }
}
