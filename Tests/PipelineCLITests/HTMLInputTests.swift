import Foundation
import Testing

/// HTML files and WARC archives through `extract`: character sets converted, metadata kept, bad records reported.
@Suite struct HTMLInputTests {
    let tool = Executable("pipeline-run")

    @Test func extractsPagesFromFilesAndArchives() async throws {
        let scratch = Scratch()
        let fixtures = Executable.packageRoot.appendingPathComponent("Tests/StagesTests/Fixtures/Extract")
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        for name in ["windows-1252.html", "shift_jis.html", "sample.warc.gz", "malformed.warc"] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent(name),
                to: scratch.url.appendingPathComponent("in/" + name)
            )
        }
        scratch.write(
            "p.yaml",
            "input: {path: in/}\nstages:\n  - type: extract\n  - {type: export, path: out.jsonl}\noutput: {dead_letter: dead.jsonl}\n"
        )
        let result = try await tool.run(["run", "p.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try scratch.read("out.jsonl").split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(
            records.map { $0["id"] as! String } == [
                "malformed.warc#222", "sample.warc.gz#161", "sample.warc.gz#697", "shift_jis.html", "windows-1252.html",
            ]
        )
        let french = records[4]
        #expect((french["text"] as? String)?.hasPrefix("Le café crème est servi dès l’aube") == true)
        #expect(french["author"] as? String == "Amélie Dupont")
        #expect(french["charset"] as? String == "windows-1252")
        #expect(french["html_bytes"] == nil)
        #expect((records[3]["text"] as? String)?.hasPrefix("東京では今年も桜が満開になり") == true)
        #expect(records[1]["url"] as? String == "https://example.org/hello")
        #expect(records[1]["http_status"] as? Int == 200)
        #expect(records[2]["http_status"] as? Int == 404)
        #expect(
            scratch.read("dead.jsonl").contains(
                #""error":"in/malformed.warc: byte 179: record does not start with a WARC/ version line""#
            )
        )
        #expect(result.stderr.contains("total: 6 in = 5 written + 0 dropped + 1 dead-lettered"))
    }

    @Test func theWebPipelineTurnsTheSampleCrawlIntoAnnotatedRecords() async throws {
        let scratch = Scratch()
        let root = Executable.packageRoot.path
        let result = try await tool.run(
            [
                "run", root + "/pipelines/web.yaml", "--input", root + "/seeds/web/", "--output",
                scratch.path("web.jsonl"),
            ],
            in: scratch.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        let records = try scratch.read("web.jsonl").split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.map { $0["id"] as! String } == ["sample.warc.gz#403", "sample.warc.gz#3047"])
        #expect(
            records.map { $0["url"] as? String } == [
                "https://news.example.org/articles/1", "https://news.example.org/articles/2",
            ]
        )
        #expect(records.allSatisfy { $0["site_name"] as? String == "Sample News" })
        #expect(records.allSatisfy { ($0["text"] as? String)?.contains("Related") == false })
        #expect(records.allSatisfy { ($0["summary"] as? String)?.isEmpty == false })
        #expect(records.allSatisfy { ($0["entities"] as? [Any])?.isEmpty == false })
        #expect(result.stderr.contains("total: 2 in = 2 written + 0 dropped + 0 dead-lettered"))
    }
}
