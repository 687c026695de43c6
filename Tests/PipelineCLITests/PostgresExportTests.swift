import Foundation
import Logging
import Pipeline
import Testing

@testable import PipelineCLI
@testable import Stages

/// The PostgreSQL export against a real server (see ``PostgresTestServer``): upserts, entities, full-text search,
/// batches, escaping, and the messages and exit codes of an unreachable server and a refused login.
@Suite(.timeLimit(.minutes(5))) struct PostgresExportTests {
    let tool = Executable("pipeline-run")
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func export(_ documents: [Document], url: String, batchSize: Int = 2000) async throws -> RunReport {
        let scratch = Scratch()
        var options = ExportStage.Options()
        options.format = .postgres
        options.url = url
        options.batchSize = batchSize
        let stage = ExportStage(options: options)
        let plan = PipelinePlan(
            name: "t",
            input: InputOptions(paths: []),
            output: OutputOptions(deadLetterPath: scratch.path("dead.jsonl")),
            stages: [PipelinePlan.PlannedStage(name: "export", typeName: "export", stage: stage)]
        )
        return try await PipelineRunner(plan: plan, logger: logger).run(reader: {
            ArrayDocumentReader(documents: documents)
        })
    }

    @Test func upsertsByIDAndWritingAgainChangesNothing() async throws {
        let url = try PostgresTestServer.freshSchemaURL()
        let documents = [
            Document(id: "a", text: "First text.", fields: ["summary": .string("First."), "topic": .string("x")]),
            Document(id: "b", text: "Second text.", fields: ["duplicate_of": .string("a")]),
            Document(id: "c", text: "Third text.", fields: ["n": .integer(3), "tags": .array([.string("t")])]),
        ]
        let report = try await export(documents, url: url, batchSize: 2)
        #expect(report.written == 3)
        let query = "SELECT id, text, summary, duplicate_of, annotations::text FROM documents ORDER BY id"
        let first = try PostgresTestServer.rows(url, query)
        #expect(
            first == [
                ["a", "First text.", "First.", nil, #"{"topic": "x"}"#],
                ["b", "Second text.", nil, "a", "{}"],
                ["c", "Third text.", nil, nil, #"{"n": 3, "tags": ["t"]}"#],
            ]
        )
        let stamps = "SELECT id, updated_at::text FROM documents ORDER BY id"
        let before = try PostgresTestServer.rows(url, stamps)
        _ = try await export(documents, url: url, batchSize: 2)
        #expect(try PostgresTestServer.rows(url, query) == first)
        #expect(try PostgresTestServer.rows(url, stamps) == before, "unchanged rows are not rewritten")

        let changed = [Document(id: "b", text: "Second text, revised.", fields: [:])]
        _ = try await export(changed, url: url)
        #expect(
            try PostgresTestServer.rows(url, query) == [
                first[0], ["b", "Second text, revised.", nil, nil, "{}"], first[2],
            ]
        )
        #expect(try PostgresTestServer.rows(url, "SELECT count(*) FROM documents") == [["3"]])
    }

    @Test func theLastDocumentWithAnIDInABatchWins() async throws {
        let url = try PostgresTestServer.freshSchemaURL()
        let documents = [
            Document(id: "a", text: "one"), Document(id: "b", text: "two"), Document(id: "a", text: "three"),
        ]
        _ = try await export(documents, url: url)
        #expect(
            try PostgresTestServer.rows(url, "SELECT id, text FROM documents ORDER BY id") == [
                ["a", "three"], ["b", "two"],
            ]
        )
    }

    @Test func entitiesAreReplacedWithTheirDocument() async throws {
        let url = try PostgresTestServer.freshSchemaURL()
        func entity(_ name: String, _ label: String, _ count: Int64) -> JSONValue {
            .object(["name": .string(name), "label": .string(label), "count": .integer(count)])
        }
        let first = Document(
            id: "a",
            text: "Mike Pompeo met Angela Merkel.",
            fields: ["entity_summary": .array([entity("Mike Pompeo", "PER", 2), entity("Angela Merkel", "PER", 1)])]
        )
        _ = try await export([first], url: url)
        let query = "SELECT document_id, label, name, count FROM entities ORDER BY name"
        #expect(
            try PostgresTestServer.rows(url, query) == [
                ["a", "PER", "Angela Merkel", "1"], ["a", "PER", "Mike Pompeo", "2"],
            ]
        )
        var second = first
        second.fields["entity_summary"] = .array([entity("Berlin", "LOC", 1)])
        _ = try await export([second], url: url)
        #expect(try PostgresTestServer.rows(url, query) == [["a", "LOC", "Berlin", "1"]])
        #expect(try PostgresTestServer.rows(url, "SELECT annotations::text FROM documents") == [["{}"]])
    }

    @Test func textWithTabsNewlinesBackslashesAndNULRoundTrips() async throws {
        let url = try PostgresTestServer.freshSchemaURL()
        let text = "tab\there\nline\r\nback\\slash \\N \u{0}nul"
        let documents = [Document(id: "x\t1", text: text, fields: ["raw": .string("\\u0000 and \u{0}")])]
        _ = try await export(documents, url: url)
        #expect(
            try PostgresTestServer.rows(url, "SELECT id, text, annotations->>'raw' FROM documents") == [
                ["x\t1", "tab\there\nline\r\nback\\slash \\N \u{FFFD}nul", "\\u0000 and \u{FFFD}"]
            ]
        )
    }

    @Test func theNewsPipelineIntoPostgresFindsPompeoByFullText() async throws {
        let url = try PostgresTestServer.freshSchemaURL()
        let scratch = Scratch()
        let root = Executable.packageRoot.path
        scratch.write(
            "news.yaml",
            """
            name: news
            input: {path: "\(root)/seeds/*.txt"}
            stages:
              - type: clean
              - type: dedupe
                action: mark
              - type: entities
              - type: summarize
                ratio: 0.4
              - type: export
                format: postgres
                url: ${DATABASE_URL}
            output: {dead_letter: \(scratch.path("dead.jsonl")), state: \(scratch.path("state.json"))}

            """
        )
        let result = try await tool.run(["run", scratch.path("news.yaml")], environment: ["DATABASE_URL": url])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 in = 2 written + 0 dropped + 0 dead-lettered"))
        let password = URLComponents(string: url)?.password ?? "no password"
        #expect(!result.stderr.contains(password))
        let search = "SELECT id FROM documents WHERE search @@ websearch_to_tsquery('english', 'Pompeo')"
        #expect(try PostgresTestServer.rows(url, search) == [["\(root)/seeds/000_b91e1b26261307a9.txt"]])
        let people = try PostgresTestServer.rows(
            url,
            "SELECT count(*) > 0 FROM entities WHERE name LIKE '%Pompeo%' AND label = 'PERSON'"
        )
        #expect(people == [["t"]])
    }

    func runExport(url: String) async throws -> Executable.Result {
        let scratch = Scratch()
        scratch.write("in.jsonl", #"{"id":"a","text":"Some text."}"# + "\n")
        scratch.write(
            "p.yaml",
            """
            input: {path: \(scratch.path("in.jsonl"))}
            stages:
              - {type: export, format: postgres, url: "${DATABASE_URL}"}
            output: {dead_letter: \(scratch.path("dead.jsonl")), state: \(scratch.path("state.json"))}

            """
        )
        return try await tool.run(["run", scratch.path("p.yaml")], environment: ["DATABASE_URL": url])
    }

    /// Whether the JSON log lines on standard error hold `message` (its quotes escaped, as JSON writes them).
    func logged(_ message: String, in result: Executable.Result) -> Bool {
        result.stderr.contains(message.replacingOccurrences(of: "\"", with: "\\\""))
    }

    @Test func aServerThatIsDownIsATransientFailure() async throws {
        let result = try await runExport(url: "postgresql://pipeline:s3cret-pw@127.0.0.1:1/pipeline")
        #expect(result.status == 75, "\(result.stderr)")
        #expect(
            logged(
                "PostgreSQL 127.0.0.1:1/pipeline (user pipeline): cannot connect, the server is down or refuses "
                    + "connections (transient: retry later): connection to server at \"127.0.0.1\", port 1 failed: "
                    + "Connection refused Is the server running on that host and accepting TCP/IP connections?",
                in: result
            ),
            "\(result.stderr)"
        )
        #expect(!result.stderr.contains("s3cret-pw"))
    }

    @Test func wrongCredentialsArePermanent() async throws {
        var components = URLComponents(string: PostgresTestServer.url)!
        components.password = "wrong-password"
        let result = try await runExport(url: components.string!)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            logged(
                "PostgreSQL 127.0.0.1:\(components.port!)/pipeline (user pipeline): cannot connect, the server "
                    + "rejected the login: check the user, password and database in the URL (permanent): connection "
                    + "to server at \"127.0.0.1\", port \(components.port!) failed: FATAL: password authentication "
                    + "failed for user \"pipeline\"",
                in: result
            ),
            "\(result.stderr)"
        )
        #expect(!result.stderr.contains("wrong-password"))
    }

    @Test func aMissingDatabaseIsPermanent() async throws {
        var components = URLComponents(string: PostgresTestServer.url)!
        components.path = "/no_such_database"
        let result = try await runExport(url: components.string!)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            logged(
                "PostgreSQL 127.0.0.1:\(components.port!)/no_such_database (user pipeline): cannot connect, the "
                    + "server rejected the login: check the user, password and database in the URL (permanent): "
                    + "connection to server at \"127.0.0.1\", port \(components.port!) failed: FATAL: database "
                    + "\"no_such_database\" does not exist",
                in: result
            ),
            "\(result.stderr)"
        )
        #expect(!result.stderr.contains(components.password!))
    }

    @Test(arguments: [
        (
            "{type: export, format: postgres}",
            "expected a connection URL for format postgres, e.g. url: ${DATABASE_URL}"
        ),
        ("{type: export, format: postgres, url: u, path: p}", "format postgres writes to url, not to a path"),
        ("{type: export, format: postgres, url: u, batch_size: 0}", "expected a value between 1 and 100000, found 0"),
        ("{type: export, path: p, url: u}", "url is for format postgres; format jsonl writes to path"),
    ])
    func optionsAreCheckedByFormat(stage: String, message: String) async throws {
        let scratch = Scratch()
        scratch.write("p.yaml", "input: {path: in.jsonl}\nstages:\n  - \(stage)\n")
        let result = try await tool.run(["validate", scratch.path("p.yaml")])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message) || result.stdout.contains(message), "\(result.stderr)")
    }

    @Test func failuresMapToExitCodesByKind() {
        func error(_ code: PostgresError.Code, _ state: String? = nil) -> PostgresError {
            PostgresError(code: code, server: "h:1/d (user u)", operation: "x", message: "m", sqlState: state)
        }
        #expect(PipelineExitCode.forFailure(error(.unreachable)).rawValue == 75)
        #expect(PipelineExitCode.forFailure(error(.connectionLost)).rawValue == 75)
        #expect(PipelineExitCode.forFailure(error(.rejected)).rawValue == 1)
        #expect(PipelineExitCode.forFailure(error(.invalidURL)).rawValue == 1)
        #expect(PipelineExitCode.forFailure(error(.statement, "40P01")).rawValue == 75)
        #expect(PipelineExitCode.forFailure(error(.statement, "57P01")).rawValue == 75)
        #expect(PipelineExitCode.forFailure(error(.statement, "22P02")).rawValue == 1)
        #expect(PipelineExitCode.forFailure(error(.statement)).rawValue == 1)
    }
}
