import Foundation
import Testing

/// Hostile input through the whole pipeline (clean → dedupe → summarize → export): each input is written or
/// dead-lettered with its reason, and the accounting identity holds.
@Suite struct HostileInputTests {
    let tool = Executable("pipeline-run")

    struct Outcome {
        var status: Int32
        var written: [String: [String: Any]]
        var writtenOrder: [String]
        var deadLetters: [String: String]
        var stats: [String: Any]
        var stderr: String
    }

    func run(_ scratch: Scratch, input: String, extraInput: String = "", stages: String? = nil) async throws -> Outcome
    {
        scratch.write(
            "p.yaml",
            """
            name: hostile
            input:
              path: \(input)
            \(extraInput)
            stages:
            \(stages ?? "  - {type: clean, minimum_length: 0}\n  - {type: dedupe}\n  - {type: summarize, sentences: 2}")
              - {type: export, path: out.jsonl}
            output: {dead_letter: dead.jsonl, stats: stats.json}
            """
        )
        let result = try await tool.run(["run", "p.yaml"], in: scratch.url)
        var written: [String: [String: Any]] = [:]
        var order: [String] = []
        for line in scratch.read("out.jsonl").split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let id = object["id"] as! String
            order.append(id)
            written[id] = object
        }
        var dead: [String: String] = [:]
        for line in scratch.read("dead.jsonl").split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            dead[object["id"] as! String] = object["error"] as? String
        }
        let stats =
            (try? JSONSerialization.jsonObject(with: Data(scratch.read("stats.json").utf8))) as? [String: Any] ?? [:]
        return Outcome(
            status: result.status,
            written: written,
            writtenOrder: order,
            deadLetters: dead,
            stats: stats,
            stderr: result.stderr
        )
    }

    @Test func everyHostileFileIsWrittenOrDeadLetteredWithItsReason() async throws {
        let scratch = Scratch()
        let fm = FileManager.default
        try fm.createDirectory(at: scratch.url.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        func put(_ name: String, _ bytes: [UInt8]) {
            try! Data(bytes).write(to: scratch.url.appendingPathComponent("in/" + name))
        }
        let sentence = Array("The minister said the talks would resume in Seoul next week. ".utf8)
        put("bad-utf8.txt", sentence + [0xFF, 0xFE] + sentence)
        put("nul.txt", sentence + [0] + sentence)
        put("bom.txt", [0xEF, 0xBB, 0xBF] + sentence)
        put("crlf.txt", Array("Headline here\r\n\r\nFirst sentence of the body. Second sentence of the body.\r\n".utf8))
        put("lone-cr.txt", Array("Headline here\r\rFirst sentence of the body. Second one.\r".utf8))
        put("empty.txt", [])
        put("blank.txt", Array(" \n\t \r\n".utf8))
        put("empty.jsonl", [])
        let lines = [
            #"{"id":"ok","text":"A valid document about the talks. It has two sentences."}"#,
            #"{"id":"dup","text":"First document with a repeated id. It is kept."}"#,
            #"{"id":"dup","text":"Second document with a repeated id. It is also processed."}"#,
            #"[1,2,3]"#,
            #"12"#,
            #"{"id":"no-text"}"#,
            #"{"id":"num-text","text":42}"#,
        ]
        var jsonl = Array(lines.joined(separator: "\n").utf8) + [0x0A]
        jsonl += Array(#"{"id":"bad-string","text":"invalid "#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        put("records.jsonl", jsonl)
        try fm.createSymbolicLink(atPath: scratch.path("in/self-loop.txt"), withDestinationPath: "self-loop.txt")
        try fm.createSymbolicLink(atPath: scratch.path("in/dangling.txt"), withDestinationPath: "missing.txt")
        try fm.createSymbolicLink(atPath: scratch.path("in/sub/up"), withDestinationPath: "..")

        let outcome = try await run(scratch, input: "in/")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.deadLetters == [
                "self-loop.txt": "cannot read 'in/self-loop.txt': Too many levels of symbolic links",
                "dangling.txt": "cannot read 'in/dangling.txt': No such file or directory",
                "bad-utf8.txt": "invalid UTF-8 at byte 61",
                "blank.txt": "text is only whitespace",
                "empty.txt": "empty text",
                "records.jsonl:4": "line 4: expected a JSON object, found an array",
                "records.jsonl:5": "line 5: expected a JSON object, found a number",
                "no-text": "line 6: missing member 'text'",
                "num-text": "line 7: member 'text' is a number, expected a string",
                "records.jsonl:8": "line 8: invalid JSON: invalid UTF-8 in a string at column 28",
            ]
        )
        #expect(outcome.writtenOrder == ["bom.txt", "crlf.txt", "lone-cr.txt", "nul.txt", "ok", "dup", "dup"])
        #expect((outcome.written["bom.txt"]?["text"] as? String)?.hasPrefix("The minister") == true)
        #expect(
            outcome.written["crlf.txt"]?["summary"] as? String
                == "First sentence of the body. Second sentence of the body."
        )
        let input = outcome.stats["input"] as? [String: Any]
        #expect(input?["records"] as? Int == 17)
        #expect(outcome.stats["written"] as? Int == 7)
        #expect(outcome.stats["dead_lettered"] as? Int == 10)
        #expect(outcome.stats["balanced"] as? Bool == true)
    }

    @Test func aDocumentOverTheSizeLimitIsDeadLetteredAndProcessedUnderARaisedLimit() async throws {
        let scratch = Scratch()
        let big = String(repeating: "Word after word goes on and on. ", count: 1_700_000)  // 54.4 MB
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write("in/big.txt", big)
        let limited = try await run(scratch, input: "in/", stages: "  - {type: dedupe}")
        #expect(limited.status == 0)
        #expect(limited.deadLetters == ["big.txt": "document of 54400000 bytes exceeds max_document_bytes (10485760)"])
        let raised = try await run(
            scratch,
            input: "in/",
            extraInput: "  max_document_bytes: 60000000",
            stages: "  - {type: dedupe}"
        )
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(raised.writtenOrder == ["big.txt"])
        #expect(raised.deadLetters.isEmpty)
    }

    @Test func pathologicalShapesAreProcessed() async throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write("in/no-spaces.txt", String(repeating: "abcdefghij", count: 100_000))
        scratch.write("in/no-punctuation.txt", String(repeating: "word ", count: 200_000))
        scratch.write(
            "in/one-char-lines.txt",
            (0..<100_000).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined(separator: "\n")
        )
        let outcome = try await run(scratch, input: "in/")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.writtenOrder == ["no-punctuation.txt", "no-spaces.txt", "one-char-lines.txt"])
        #expect(outcome.stats["balanced"] as? Bool == true)
    }
}
