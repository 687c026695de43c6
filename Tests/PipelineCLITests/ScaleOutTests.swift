import Foundation
import Testing

/// Shard mode and stream mode, run as the batch systems would run the binary.
@Suite(.timeLimit(.minutes(5))) struct ScaleOutTests {
    let tool = Executable("pipeline-run")

    /// Five JSON Lines files with quotes, escaped newlines, CJK and emoji, and planted near-duplicates.
    func setUp(_ scratch: Scratch, split: String = "file") {
        try! FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        for file in 0..<5 {
            let lines = (0..<6).map { number in
                let text =
                    "Story \(file)-\(number): \"quoted\" words,\nescaped newlines, 東京の桜 and 🎉 emoji. "
                    + "The minister said talks on trade would resume in Seoul next week."
                return
                    #"{"id":"f\#(file)-\#(number)","text":\#(String(data: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), encoding: .utf8)!)}"#
            }
            scratch.write("in/f\(file).jsonl", lines.joined(separator: "\n") + "\n")
        }
        scratch.write(
            "p.yaml",
            """
            name: scale
            input: {path: in/, split: \(split)}
            stages:
              - {type: clean, minimum_length: 0}
              - {type: summarize, sentences: 1}
              - {type: export, path: out/docs.jsonl}
            output: {dead_letter: out/dead.jsonl, stats: out/stats.json}
            """
        )
    }

    func lines(_ scratch: Scratch, _ path: String) -> [String] {
        scratch.read(path).split(separator: "\n").map(String.init)
    }

    @Test(arguments: [1, 3, 4, 10])
    func theUnionOfAllShardsEqualsOneRun(shards: Int) async throws {
        let whole = Scratch()
        setUp(whole)
        #expect(try await tool.run(["run", "p.yaml"], in: whole.url).status == 0)
        let expected = lines(whole, "out/docs.jsonl").sorted()
        #expect(expected.count == 30)

        for split in ["file", "record"] {
            let scratch = Scratch()
            setUp(scratch, split: split)
            var union: [String] = []
            for index in 0..<shards {
                let result = try await tool.run(["run", "p.yaml", "--shard", "\(index)/\(shards)"], in: scratch.url)
                #expect(result.status == 0, "\(result.stderr)")
                let part =
                    shards == 1
                    ? "out/docs.jsonl"
                    : "out/docs/part-\(String(format: "%05d", index))-of-\(String(format: "%05d", shards)).jsonl"
                union += lines(scratch, part)
            }
            #expect(union.sorted() == expected, "split \(split), \(shards) shards")
        }
    }

    @Test func aFailedShardLeavesNoMarkerAndARerunRunsOnlyIt() async throws {
        let scratch = Scratch()
        setUp(scratch)
        #expect(try await tool.run(["run", "p.yaml", "--shard", "0/2"], in: scratch.url).status == 0)
        let part0 = scratch.path("out/docs/part-00000-of-00002.jsonl")
        let modified = try FileManager.default.attributesOfItem(atPath: part0)[.modificationDate] as! Date
        // Shard 1 fails: a folder stands where its part must be renamed to, so committing the part fails.
        let blocker = scratch.path("out/docs/part-00001-of-00002.jsonl")
        try FileManager.default.createDirectory(atPath: blocker + "/x", withIntermediateDirectories: true)
        let failed = try await tool.run(["run", "p.yaml", "--shard", "1/2"], in: scratch.url)
        #expect(failed.status == 1, "a folder in the way of the part is permanent (EISDIR): no retry helps")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/_completions/00001-of-00002.json")))
        try FileManager.default.removeItem(atPath: blocker)
        // The rerun runs only shard 1; shard 0 is complete and its part is not touched.
        #expect(
            try await tool.run(["run", "p.yaml", "--shard", "0/2"], in: scratch.url).stderr.contains(
                "is already complete"
            )
        )
        #expect(try await tool.run(["run", "p.yaml", "--shard", "1/2"], in: scratch.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path("out/_completions/00001-of-00002.json")))
        let unchanged = try FileManager.default.attributesOfItem(atPath: part0)[.modificationDate] as! Date
        #expect(unchanged == modified)
        // A marker from another input list is stale: refused without --force.
        scratch.write("in/f5.jsonl", #"{"id":"new","text":"A new file changes the input list."}"# + "\n")
        let stale = try await tool.run(["run", "p.yaml", "--shard", "0/2"], in: scratch.url)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("was written for another input list; run with --force to replace it"))
        let forced = try await tool.run(["run", "p.yaml", "--shard", "0/2", "--force"], in: scratch.url)
        #expect(forced.status == 0)
        let done = try await tool.run(["run", "p.yaml", "--shard", "0/2"], in: scratch.url)
        #expect(done.status == 0)
        #expect(done.stderr.contains("is already complete"))
        let plan = try await tool.run(["plan", "p.yaml", "--shards", "2"], in: scratch.url)
        #expect(plan.stdout.contains("shard 0/2: complete: in/f0.jsonl, in/f2.jsonl, in/f4.jsonl"))
        #expect(plan.stdout.contains("shard 1/2: stale marker"))
    }

    @Test func mergeStatsSumsTheParts() async throws {
        let scratch = Scratch()
        setUp(scratch)
        for index in 0..<3 {
            #expect(try await tool.run(["run", "p.yaml", "--shard", "\(index)/3"], in: scratch.url).status == 0)
        }
        let merged = try await tool.run(["merge-stats", "out/stats"], in: scratch.url)
        #expect(merged.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as! [String: Any]
        #expect(object["parts"] as? Int == 3)
        #expect(object["written"] as? Int == 30)
        #expect(object["balanced"] as? Bool == true)
    }

    @Test func conflictingShardSourcesAreAUsageError() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["run", "p.yaml", "--shard", "1/4"]
        process.environment = ["PIPELINE_SHARD": "2/4"]
        process.currentDirectoryURL = scratch.url
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        let errors = PipeCapture(reading: error.fileHandleForReading)
        let status = try await ProcessExit(starting: process).wait()
        let stderr = try await errors.text()
        #expect(status == 64)
        #expect(stderr.contains("--shard says shard 1/4 but PIPELINE_SHARD says 2/4"))
    }

    @Test func streamModeRunsWithAnEmptyEnvironmentAndAccountsForEveryLine() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let input = scratch.read("in/f0.jsonl") + "not json\n" + #"{"id":"short","text":"  "}"# + "\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["-i", tool.url.path, "stream", scratch.path("p.yaml"), "--one-to-one"]
        process.currentDirectoryURL = scratch.url
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let outputCapture = PipeCapture(reading: stdout.fileHandleForReading)
        let errorCapture = PipeCapture(reading: stderr.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let status = try await exit.wait()
        let output = try await outputCapture.text()
        let errors = try await errorCapture.text()
        #expect(status == 0, "\(errors)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[6].contains(#""status":"failed""#))
        #expect(
            lines[7] == #"{"id":"short","reason":"line 8: text is only whitespace","stage":"input","status":"failed"}"#
        )
        #expect(errors.split(separator: "\n").last == "stream: 8 in = 6 written + 0 dropped + 2 failed")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    /// Each answer must come while the input stays open: with `--flush record` the run waits neither for a full
    /// batch nor for the end of the input (under `--flush batch` the first answer would wait for 32 requests).
    @Test func streamModeAnswersEachRequestAtOnce() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["stream", "p.yaml", "--one-to-one", "--flush", "record"]
        process.currentDirectoryURL = scratch.url
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let answers = PipeCapture(reading: stdout.fileHandleForReading)
        let exit = try ProcessExit(starting: process)
        for (index, probe) in ["first", "second", "third"].enumerated() {
            stdin.fileHandleForWriting.write(
                Data((#"{"id":"\#(probe)","text":"Is anyone there? Yes, the pipeline answers."}"# + "\n").utf8)
            )
            let answer = try await answers.line(at: index)
            #expect(answer.hasPrefix(#"{"id":"\#(probe)","text":"Is anyone there?"#), "\(answer)")
        }
        try stdin.fileHandleForWriting.close()
        #expect(try await exit.wait() == 0)
        #expect(answers.lines.count == 3)
    }

    @Test func streamModeFailsOnUnreadableInputUnderOnInvalidFailWithASummaryLast() async throws {
        let scratch = Scratch()
        setUp(scratch)
        scratch.write(
            "strict.yaml",
            """
            name: strict
            input: {path: in/, on_invalid: fail}
            stages:
              - {type: clean, minimum_length: 0}
            """
        )
        let input = #"{"id":"a","text":"A first story that reads fine."}"# + "\nnot json\n"
        let result = try await tool.run(["stream", scratch.path("strict.yaml")], stdin: input, in: scratch.url)
        #expect(result.status == 2)
        #expect(
            result.stderr.split(separator: "\n").last.map(String.init)
                == "stream: failed: stage 'input' failed on document 'stdin:2' (-:2): line 2: invalid JSON: "
                + "invalid literal, expected true, false or null at column 1"
        )
        let run = try await tool.run(["run", "strict.yaml"], in: scratch.url)
        #expect(run.status == 0, "the input files are all readable")
        scratch.write("in/broken.jsonl", #"{"id":"x","text":"fine"}"# + "\n{oops\n")
        let broken = try await tool.run(["run", "strict.yaml"], in: scratch.url)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("in/broken.jsonl:2"))
    }

    @Test func twoConcurrentAttemptsOfOneShardLeaveOneCorrectPartAndOneMarker() async throws {
        let scratch = Scratch()
        setUp(scratch)
        let attempts = (0..<2).map { _ in
            let process = Process()
            process.executableURL = tool.url
            process.arguments = ["run", "p.yaml", "--shard", "1/3"]
            process.currentDirectoryURL = scratch.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        let exits = try attempts.map { try ProcessExit(starting: $0) }
        var statuses: [Int32] = []
        for exit in exits { statuses.append(try await exit.wait()) }
        #expect(statuses == [0, 0])
        let folder = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/docs"))
        #expect(folder == ["part-00001-of-00003.jsonl"], "no temporary file is left behind")
        let markers = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/_completions"))
        #expect(markers == ["00001-of-00003.json"])
        // The part is exactly what a single attempt writes.
        let single = Scratch()
        setUp(single)
        #expect(try await tool.run(["run", "p.yaml", "--shard", "1/3"], in: single.url).status == 0)
        #expect(
            scratch.read("out/docs/part-00001-of-00003.jsonl") == single.read("out/docs/part-00001-of-00003.jsonl")
        )
        #expect(
            lines(scratch, "out/docs/part-00001-of-00003.jsonl").count == 12,
            "files 1 and 4 of 5, six records each"
        )
    }
}
