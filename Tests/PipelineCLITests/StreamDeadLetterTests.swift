import Foundation
import Testing

/// `pipeline-run stream` loses no document silently: a document it cannot process goes to `--dead-letter PATH`,
/// becomes a status line with `--one-to-one`, or fails the stream (exit 2).
@Suite(.timeLimit(.minutes(5))) struct StreamDeadLetterTests {
    let tool = Executable("pipeline-run")

    static let input =
        #"{"id":"a","text":"A first story that reads fine."}"# + "\nnot json\n"
        + #"{"id":"c","text":"A third story, fine as well."}"# + "\n"

    func setUp(_ scratch: Scratch) {
        scratch.write(
            "p.yaml",
            """
            name: s
            input: {path: in/}
            stages:
              - {type: clean, minimum_length: 0}
              - {type: export, path: out/docs.jsonl}
            output: {dead_letter: out/dead.jsonl}
            """
        )
    }

    @Test func byDefaultAnUnreadableLineFailsTheStream() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let result = try await tool.run(["stream", "p.yaml"], stdin: Self.input, in: scratch.url)
        #expect(result.status == 2, "\(result.stderr)")
        let last = result.stderr.split(separator: "\n").last.map(String.init)
        #expect(
            last
                == "stream: failed: stage 'input' failed on document 'stdin:2' (-:2): line 2: invalid JSON: "
                + "invalid literal, expected true, false or null at column 1 (a stream fails on a document it "
                + "cannot process; --dead-letter PATH keeps such documents in a file, --one-to-one carries them "
                + "as status lines)"
        )
    }

    @Test func withDeadLetterTheLineGoesToTheFileAndTheStreamSucceeds() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let result = try await tool.run(
            ["stream", "p.yaml", "--dead-letter", "failed/dead.jsonl"],
            stdin: Self.input,
            in: scratch.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"id":"a","text":"A first story"#))
        #expect(lines[1].hasPrefix(#"{"id":"c","text":"A third story"#))
        let deadLetters = scratch.read("failed/dead.jsonl").split(separator: "\n")
        #expect(deadLetters.count == 1)
        let record = try JSONSerialization.jsonObject(with: Data(deadLetters[0].utf8)) as! [String: Any]
        #expect(record["id"] as? String == "stdin:2")
        #expect(record["stage"] as? String == "input")
        #expect(
            record["error"] as? String
                == "line 2: invalid JSON: invalid literal, expected true, false or null at column 1"
        )
        #expect(
            result.stderr.split(separator: "\n").last
                == "stream: 3 in = 2 written + 0 dropped + 1 failed (in failed/dead.jsonl)"
        )
        #expect(
            !FileManager.default.fileExists(atPath: scratch.path("out")),
            "the pipeline's own outputs stay unwritten"
        )
    }

    @Test func withOneToOneTheLineIsCarriedAsAStatusLine() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let result = try await tool.run(["stream", "p.yaml", "--one-to-one"], stdin: Self.input, in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(#"{"id":"stdin:2","reason":"line 2: invalid JSON: "#))
        #expect(lines[1].hasSuffix(#""stage":"input","status":"failed"}"#))
        #expect(result.stderr.split(separator: "\n").last == "stream: 3 in = 2 written + 0 dropped + 1 failed")
    }
}
