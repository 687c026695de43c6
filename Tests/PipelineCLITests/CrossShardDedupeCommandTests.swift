import Foundation
import Testing

/// Cross-shard near-duplicate detection (`dedupe signatures|buckets|cluster`, then `run --remove-list`), run as the
/// batch systems would run the binary, against a single-machine run of the same pipeline.
///
/// Each test runs a chain of up to 15 processes one after another, so its limit guards against a hang with room
/// for a loaded machine (under the full suite on 2 busy cores a chain took 100 s).
@Suite(.timeLimit(.minutes(5))) struct CrossShardDedupeCommandTests {
    let tool = Executable("pipeline-run")

    /// Words the generated stories are made of.
    static let vocabulary = """
        minister talks trade resume seoul week markets rallied officials tokyo declined comment proposal analysts \
        ambitious risky region economy growth inflation rates bank policy election campaign voters parliament \
        budget deficit tariffs exports imports factory workers union strike harbour shipping fuel prices winter \
        storm flooding rescue villagers coast guard police investigation court ruling judge appeal verdict \
        hospital doctors vaccine study researchers university climate summit emissions targets energy solar wind \
        grid outage company shares profit quarter forecast investors merger deal regulators antitrust lawsuit \
        football league coach season championship stadium fans tickets festival film director award novel author
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// A story: a headline with quotes, CJK and an emoji, then `count` pseudo-random words of the vocabulary.
    static func story(_ number: Int, count: Int = 70) -> String {
        var state = UInt64(number) &* 0x9e37_79b9_7f4a_7c15 &+ 17
        let words = (0..<count).map { _ -> String in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return vocabulary[Int((state >> 33) % UInt64(vocabulary.count))]
        }
        return "Story \(number): “\(words[0]) \(words[1])” said \"the official\", 東京の桜 🎉.\n"
            + words.joined(separator: " ") + "."
    }

    /// The same story republished: the first words cut, an ad line and a newsletter prompt added.
    static func nearCopy(_ number: Int) -> String {
        let text = story(number)
        let body = text.split(separator: "\n")[1].split(separator: " ").dropFirst(4).joined(separator: " ")
        return "Advertisement\n" + text.split(separator: "\n")[0] + "\n" + body
            + "\nSign up for our newsletter to get the news every morning."
    }

    /// The same story in capitals with other punctuation: the same normalised words.
    static func exactCopy(_ number: Int) -> String {
        story(number).uppercased().replacingOccurrences(of: " ", with: " — ")
    }

    /// Words `start..<start + 100` of one long text: three windows 35 words apart form a chain A ~ B ~ C, A !~ C.
    static func chain(_ start: Int) -> String {
        let words = story(1000, count: 200).split(separator: "\n")[1].split(separator: " ")
        return "Chain report 🎉 " + words[start..<(start + 100)].joined(separator: " ")
    }

    static func jsonLine(_ id: String, _ text: String) -> String {
        let encoded = String(
            decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed),
            as: UTF8.self
        )
        return #"{"id":"\#(id)","text":\#(encoded),"topic":"news"}"#
    }

    /// Seven files with exact and near duplicates planted across files (so across shards), a chain, a record the
    /// input dead-letters and one the clean stage drops.
    func setUp(_ scratch: Scratch, action: String = "drop", input: String = "in/") {
        try! FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        let files: [String: [(String, String)]] = [
            "a0": [("s0", Self.story(0)), ("s1", Self.story(1)), ("chain-a", Self.chain(0)), ("s2", Self.story(2))],
            "a1": [
                ("s3", Self.story(3)), ("s0-near", Self.nearCopy(0)), ("chain-b", Self.chain(35)),
                ("s4", Self.story(4)), ("short", "Too short."),
            ],
            "a2": [("s5", Self.story(5)), ("s1-exact", Self.exactCopy(1)), ("s6", Self.story(6))],
            "a3": [
                ("s7", Self.story(7)), ("chain-c", Self.chain(70)), ("s4-near", Self.nearCopy(4)),
                ("s3-exact", Self.exactCopy(3)), ("s8", Self.story(8)),
            ],
            "a4": [("s9", Self.story(9)), ("s7-near", Self.nearCopy(7)), ("s0-exact", Self.exactCopy(0))],
        ]
        for (name, documents) in files {
            var lines = documents.map { Self.jsonLine($0.0, $0.1) }
            if name == "a3" { lines.insert("not json", at: 2) }
            scratch.write("in/\(name).jsonl", lines.joined(separator: "\n") + "\n")
        }
        scratch.write("in/b.txt", Self.nearCopy(9))
        scratch.write("in/c.txt", Self.exactCopy(5))
        scratch.write(
            "p.yaml",
            """
            name: xs
            input: {path: \(input)}
            stages:
              - {type: clean, minimum_length: 40}
              - {type: dedupe, action: \(action)}
              - {type: export, path: out/docs.jsonl}
            output: {dead_letter: out/dead.jsonl}
            """
        )
    }

    func lines(_ scratch: Scratch, _ path: String) -> [String] {
        scratch.read(path).split(separator: "\n").map(String.init)
    }

    func ids(_ lines: [String]) -> [String] {
        lines.map { line in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object["id"] as! String
        }
    }

    /// Runs every step for N shards and M buckets tasks, then the shards with the remove list; returns the union
    /// of the shards' output lines.
    func runCrossShard(_ scratch: Scratch, shards: Int, tasks: Int, extra: [String] = []) async throws -> [String] {
        for index in 0..<shards {
            let result = try await tool.run(
                ["dedupe", "signatures", "p.yaml", "--shard", "\(index)/\(shards)", "--dir", "work"] + extra,
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
        }
        for index in 0..<tasks {
            let result = try await tool.run(
                ["dedupe", "buckets", "p.yaml", "--task", "\(index)/\(tasks)", "--dir", "work"] + extra,
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
        }
        let cluster = try await tool.run(["dedupe", "cluster", "p.yaml", "--dir", "work"] + extra, in: scratch.url)
        #expect(cluster.status == 0, "\(cluster.stderr)")
        var union: [String] = []
        for index in 0..<shards {
            let result = try await tool.run(
                ["run", "p.yaml", "--shard", "\(index)/\(shards)", "--remove-list", "work"] + extra,
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
            let part =
                shards == 1
                ? "out/docs.jsonl"
                : "out/docs/part-\(String(format: "%05d", index))-of-\(String(format: "%05d", shards)).jsonl"
            union += lines(scratch, part)
        }
        return union
    }

    @Test(arguments: [(1, 1), (3, 2), (4, 5)])
    func theKeptSetEqualsASingleMachineRun(shards: Int, tasks: Int) async throws {
        let whole = Scratch()
        setUp(whole)
        let single = try await tool.run(["run", "p.yaml"], in: whole.url)
        #expect(single.status == 0, "\(single.stderr)")
        let expected = ids(lines(whole, "out/docs.jsonl")).sorted()
        // The fixture is meaningful: exact and near duplicates across files are dropped, the chain's end is kept.
        for removed in [
            "s0-near", "s0-exact", "s1-exact", "s3-exact", "s4-near", "s7-near", "chain-b", "b.txt", "c.txt",
        ] {
            #expect(!expected.contains(removed), "\(removed)")
        }
        #expect(expected.contains("chain-c"))
        #expect(!expected.contains("short"))

        let scratch = Scratch()
        setUp(scratch)
        let union = try await runCrossShard(scratch, shards: shards, tasks: tasks)
        #expect(ids(union).sorted() == expected)
        // The same documents are dropped as duplicates, with the same accounting.
        #expect(scratch.read("work/remove-list.tsv").split(separator: "\n").count == 9)
    }

    @Test(arguments: [3, 4])
    func markingGivesTheSingleMachineLines(shards: Int) async throws {
        let whole = Scratch()
        setUp(whole, action: "mark")
        #expect(try await tool.run(["run", "p.yaml"], in: whole.url).status == 0)
        let expected = lines(whole, "out/docs.jsonl").sorted()
        #expect(expected.contains { $0.hasPrefix(#"{"id":"s0-near","#) && $0.contains(#""duplicate_of":"s0","#) })

        let scratch = Scratch()
        setUp(scratch, action: "mark")
        let union = try await runCrossShard(scratch, shards: shards, tasks: 2)
        #expect(union.sorted() == expected)
    }

    @Test(arguments: [2, 3])
    func splittingByRecordGivesTheSingleMachineLines(shards: Int) async throws {
        // Every shard reads every file and keeps the records whose id hashes to it, so the duplicates of one file
        // are spread over the shards too.
        let whole = Scratch()
        setUp(whole, action: "mark", input: "in/, split: record")
        #expect(try await tool.run(["run", "p.yaml"], in: whole.url).status == 0)
        let expected = lines(whole, "out/docs.jsonl").sorted()
        #expect(expected.contains { $0.hasPrefix(#"{"id":"s4-near","#) && $0.contains(#""duplicate_of":"s4","#) })

        let scratch = Scratch()
        setUp(scratch, action: "mark", input: "in/, split: record")
        #expect(try await runCrossShard(scratch, shards: shards, tasks: 2).sorted() == expected)
    }

    @Test func theGlobalOrderFollowsAnInputListOutOfByteOrder() async throws {
        // a4 before a0: a single-machine run keeps s0-exact (read first) and drops s0, which the byte order keeps.
        let input = "[in/c.txt, in/b.txt, in/a4.jsonl, in/a3.jsonl, in/a2.jsonl, in/a1.jsonl, in/a0.jsonl]"
        let whole = Scratch()
        setUp(whole, input: input)
        #expect(try await tool.run(["run", "p.yaml"], in: whole.url).status == 0)
        let expected = ids(lines(whole, "out/docs.jsonl")).sorted()
        #expect(expected.contains("s0-exact"))
        #expect(!expected.contains("s0"))

        let scratch = Scratch()
        setUp(scratch, input: input)
        #expect(ids(try await runCrossShard(scratch, shards: 3, tasks: 2)).sorted() == expected)
    }

    @Test func stepsRefuseMissingMarkersAndCompletedStepsAreNoOps() async throws {
        let scratch = Scratch()
        setUp(scratch)
        for index in [0, 2] {
            let result = try await tool.run(
                ["dedupe", "signatures", "p.yaml", "--shard", "\(index)/3", "--dir", "work"],
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
        }
        let refused = try await tool.run(
            ["dedupe", "buckets", "p.yaml", "--task", "0/1", "--dir", "work"],
            in: scratch.url
        )
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "the signatures step is not complete: no marker for shards 1/3 in work/_completions"
            )
        )
        #expect(!FileManager.default.fileExists(atPath: scratch.path("work/buckets/part-00000-of-00001.tsv")))
        let early = try await tool.run(["dedupe", "cluster", "p.yaml", "--dir", "work"], in: scratch.url)
        #expect(early.status == 1)
        #expect(early.stderr.contains("the signatures step is not complete: no marker for shards 1/3"))
        let applied = try await tool.run(["run", "p.yaml", "--shard", "0/3", "--remove-list", "work"], in: scratch.url)
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("no completed cluster step in work"))

        #expect(
            try await tool.run(["dedupe", "signatures", "p.yaml", "--shard", "1/3", "--dir", "work"], in: scratch.url)
                .status
                == 0
        )
        let part = scratch.path("work/signatures/part-00001-of-00003.tsv")
        let written = try FileManager.default.attributesOfItem(atPath: part)[.modificationDate] as! Date
        let again = try await tool.run(
            ["dedupe", "signatures", "p.yaml", "--shard", "1/3", "--dir", "work"],
            in: scratch.url
        )
        #expect(again.status == 0)
        #expect(again.stderr.contains("signatures of shard 1/3 is already complete"))
        #expect(try FileManager.default.attributesOfItem(atPath: part)[.modificationDate] as! Date == written)

        let noBuckets = try await tool.run(["dedupe", "cluster", "p.yaml", "--dir", "work"], in: scratch.url)
        #expect(noBuckets.status == 1)
        #expect(noBuckets.stderr.contains("no buckets step has completed in work/_completions"))
        #expect(
            try await tool.run(["dedupe", "buckets", "p.yaml", "--task", "1/2", "--dir", "work"], in: scratch.url)
                .status == 0
        )
        let halfBuckets = try await tool.run(["dedupe", "cluster", "p.yaml", "--dir", "work"], in: scratch.url)
        #expect(halfBuckets.status == 1)
        #expect(halfBuckets.stderr.contains("the buckets step is not complete: no marker for tasks 0/2"))
        try FileManager.default.removeItem(atPath: scratch.path("work/_completions/buckets-00001-of-00002.json"))
        #expect(
            try await tool.run(["dedupe", "buckets", "p.yaml", "--task", "0/1", "--dir", "work"], in: scratch.url)
                .status == 0
        )
        let bucketsAgain = try await tool.run(
            ["dedupe", "buckets", "p.yaml", "--task", "0/1", "--dir", "work"],
            in: scratch.url
        )
        #expect(bucketsAgain.status == 0)
        #expect(bucketsAgain.stderr.contains("buckets task 0/1 is already complete"))
        #expect(try await tool.run(["dedupe", "cluster", "p.yaml", "--dir", "work"], in: scratch.url).status == 0)
        let clusterAgain = try await tool.run(["dedupe", "cluster", "p.yaml", "--dir", "work"], in: scratch.url)
        #expect(clusterAgain.status == 0)
        #expect(clusterAgain.stderr.contains("the cluster step is already complete"))

        // Another method is a mismatch, refused without --force; union-find also removes the chain's end.
        let other = try await tool.run(
            ["dedupe", "cluster", "p.yaml", "--dir", "work", "--method", "union-find"],
            in: scratch.url
        )
        #expect(other.status == 1)
        #expect(other.stderr.contains(#"was written for another method (\"keep-first\", not \"union-find\")"#))
        #expect(!scratch.read("work/remove-list.tsv").contains(#""chain-c""#))
        let forced = try await tool.run(
            ["dedupe", "cluster", "p.yaml", "--dir", "work", "--method", "union-find", "--force"],
            in: scratch.url
        )
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(scratch.read("work/remove-list.tsv").contains("\"chain-c\"\t\"chain-a\""))

        // Re-signing a shard with another input list invalidates the later steps.
        scratch.write("in/d.jsonl", Self.jsonLine("late", Self.story(40)) + "\n")
        let stale = try await tool.run(
            ["dedupe", "signatures", "p.yaml", "--shard", "1/3", "--dir", "work"],
            in: scratch.url
        )
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("was written for another input list; run with --force to replace it"))
    }

    @Test func aPersistentIndexOfEarlierRunsGivesTheSingleMachineResult() async throws {
        func prepare(_ scratch: Scratch) async throws {
            setUp(scratch)
            var text = scratch.read("p.yaml")
            text = text.replacingOccurrences(
                of: "{type: dedupe, action: drop}",
                with: "{type: dedupe, action: drop, index: out/dedupe.sqlite}"
            )
            scratch.write("p.yaml", text)
            // An earlier night read another file and a file of tonight's input again; their kept documents are
            // in the index.
            try FileManager.default.createDirectory(
                at: scratch.url.appendingPathComponent("old"),
                withIntermediateDirectories: true
            )
            scratch.write("old/night.jsonl", Self.jsonLine("old-9", Self.story(9)) + "\n")
            let earlier = try await tool.run(
                ["run", "p.yaml", "--input", "old/night.jsonl", "--input", "in/a2.jsonl"],
                in: scratch.url
            )
            #expect(earlier.status == 0, "\(earlier.stderr)")
        }
        let single = Scratch()
        try await prepare(single)
        #expect(try await tool.run(["run", "p.yaml"], in: single.url).status == 0)
        let expected = ids(lines(single, "out/docs.jsonl")).sorted()

        let scratch = Scratch()
        try await prepare(scratch)
        for index in 0..<3 {
            let result = try await tool.run(
                ["dedupe", "signatures", "p.yaml", "--shard", "\(index)/3", "--dir", "work"],
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
        }
        let withoutIndex = try await tool.run(
            ["dedupe", "buckets", "p.yaml", "--task", "0/2", "--dir", "work"],
            in: scratch.url
        )
        #expect(withoutIndex.status == 1)
        #expect(withoutIndex.stderr.contains("pass --index out/dedupe.sqlite"))
        for index in 0..<2 {
            let result = try await tool.run(
                [
                    "dedupe", "buckets", "p.yaml", "--task", "\(index)/2", "--dir", "work", "--index",
                    "out/dedupe.sqlite",
                ],
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
        }
        let cluster = try await tool.run(
            ["dedupe", "cluster", "p.yaml", "--dir", "work", "--index", "out/dedupe.sqlite"],
            in: scratch.url
        )
        #expect(cluster.status == 0, "\(cluster.stderr)")
        var union: [String] = []
        for index in 0..<3 {
            let result = try await tool.run(
                ["run", "p.yaml", "--shard", "\(index)/3", "--remove-list", "work"],
                in: scratch.url
            )
            #expect(result.status == 0, "\(result.stderr)")
            union += lines(scratch, "out/docs/part-0000\(index)-of-00003.jsonl")
        }
        #expect(ids(union).sorted() == expected)
        #expect(expected.contains("s5") && expected.contains("s6"), "documents seen the night before are kept")
        #expect(!expected.contains("s9"), "a duplicate of an indexed document of an earlier night is dropped")
        #expect(!expected.contains("c.txt"), "as is a duplicate of a document indexed from tonight's input")
    }
}
