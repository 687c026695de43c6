import Foundation
import Pipeline
import Testing

@testable import Stages

/// Cross-shard deduplication through its files (signatures → buckets → cluster → remove list), checked against the
/// single-machine ``DedupeIndex`` on real article text with planted exact duplicates, near duplicates, chains,
/// repeated ids, texts without words, and a persistent index of earlier runs.
@Suite struct CrossShardDedupeTests {
    /// One document of a fixture: where it sits in the input, its id and its text.
    struct Fixture {
        var key: DedupeGlobalKey
        var id: String
        var text: String
    }

    /// The words of the two seed articles (`Fixtures/Dedupe`), in order.
    static let words: [String] = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Dedupe")
        return ["000_b91e1b26261307a9.txt", "002_b572a6a0bfdea77a.txt"].flatMap { name in
            let text = try! String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            return text.split(whereSeparator: \.isWhitespace).map(String.init)
        }
    }()

    /// `count` words of the seeds starting at `start`.
    static func window(_ start: Int, _ count: Int = 120) -> String {
        words[start..<(start + count)].joined(separator: " ")
    }

    /// A document set with every kind of duplicate planted, in a scrambled input order, laid out as 7 documents per
    /// file; the first `indexed` documents form the persistent index when one is used.
    static func fixtures() -> [Fixture] {
        var texts: [(String, String)] = []
        for article in 0..<12 {
            let start = article * 150
            texts.append(("a\(article)", window(start)))
            if article % 3 == 0 {
                // An exact duplicate: other case, other punctuation, other spacing.
                texts.append(
                    ("a\(article)-exact", window(start).uppercased().replacingOccurrences(of: " ", with: " — "))
                )
            }
            if article % 3 == 1 {
                // A near duplicate: shifted by a few words, with an ad line and curly quotes.
                texts.append(("a\(article)-near", "ADVERTISEMENT “Read more” " + window(start + 6)))
            }
            if article % 4 == 2 {
                // A chain: a ~ b ~ c with a !~ c.
                texts.append(("a\(article)-chain-b", window(start + 40)))
                texts.append(("a\(article)-chain-c", window(start + 80, 90)))
            }
        }
        texts.append(("a5", window(5 * 150)))  // the same id and text again: seen before
        texts.append(("a8", window(8 * 150)))
        texts.append(("symbols-1", "— !!! … 🎉"))
        texts.append(("symbols-2", "?? 🎉 —"))
        texts.append(("short-1", "Tokyo 東京 rally"))
        texts.append(("short-2", "TOKYO 東京, rally!"))
        // A fixed scramble, so duplicates come before and after their originals and in other files.
        var state: UInt64 = 42
        for index in stride(from: texts.count - 1, to: 0, by: -1) {
            let other = Int(DedupeHash.splitMix64(&state) % UInt64(index + 1))
            texts.swapAt(index, other)
        }
        return texts.enumerated().map { position, entry in
            Fixture(key: DedupeGlobalKey(file: position / 7, record: position % 7 + 1), id: entry.0, text: entry.1)
        }
    }

    func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xshard-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The single-machine decisions: an index loaded with `indexed`, then every other document decided in order.
    func singleMachine(_ deduplicator: Deduplicator, indexed: [Fixture], current: [Fixture]) -> [DedupeDecision] {
        let index = deduplicator.makeIndex()
        for fixture in indexed { index.insert(id: fixture.id, signature: deduplicator.signature(of: fixture.text)) }
        return current.map { index.decide(id: $0.id, signature: deduplicator.signature(of: $0.text)) }
    }

    /// The cross-shard decisions through the files: N shards of signatures (file k → shard k mod N), M buckets
    /// tasks, then the cluster step.
    func crossShard(
        _ options: DedupeStage.Options,
        indexed: [Fixture],
        current: [Fixture],
        shards: Int,
        tasks: Int,
        method: DedupeClusterMethod = .keepFirst
    ) throws -> (DedupeRemoveList, DedupeClusterSummary) {
        let deduplicator = Deduplicator(stageOptions: options)
        let directory = DedupeWorkDirectory(path: folder())
        var index: DedupePersistentIndex?
        if !indexed.isEmpty {
            let path = directory.path + "/index.sqlite"
            let store = try DedupeIndexStore(path: path, configuration: deduplicator.configuration)
            try store.begin(runID: "earlier")
            for fixture in indexed {
                try store.insert(id: fixture.id, signature: deduplicator.signature(of: fixture.text))
            }
            try store.commit()
            index = try DedupePersistentIndex(path: path, options: options)
        }
        for shard in 0..<shards {
            let writer = try DedupeSignatureFileWriter(
                directory: directory,
                shard: try Shard(index: shard, count: shards),
                deduplicator: deduplicator
            )
            for fixture in current where fixture.key.file % shards == shard {
                try writer.append(key: fixture.key, id: fixture.id, signature: deduplicator.signature(of: fixture.text))
            }
            _ = try writer.commit()
        }
        for task in 0..<tasks {
            let merge = DedupeBucketMerge(
                options: options,
                directory: directory,
                shardCount: shards,
                task: try Shard(index: task, count: tasks),
                index: index
            )
            _ = try merge.run()
        }
        let cluster = DedupeCluster(
            options: options,
            directory: directory,
            shardCount: shards,
            taskCount: tasks,
            method: method,
            index: index
        )
        let summary = try cluster.run()
        return (try DedupeRemoveList(path: directory.removeListPath), summary)
    }

    @Test(arguments: [(1, 1, false), (3, 4, false), (4, 2, true), (2, 27, true)])
    func keepFirstEqualsTheSingleMachineIndex(shards: Int, tasks: Int, withIndex: Bool) throws {
        var options = DedupeStage.Options()
        options.action = .drop
        let deduplicator = Deduplicator(stageOptions: options)
        let all = Self.fixtures()
        // With an index: the first documents were kept by an earlier run; a5 is among them, so its repetition in
        // the input is "seen before".
        let indexedIDs: Set<String> = withIndex ? ["a0", "a5", "a7-near", "symbols-2", "a10"] : []
        var indexed = all.filter { indexedIDs.contains($0.id) }.enumerated().map { offset, fixture in
            Fixture(key: .indexEntry(offset + 1), id: fixture.id, text: fixture.text)
        }
        if let near = indexed.first(where: { $0.id == "a7-near" }) {
            // The same signature under a later entry: a near duplicate of both must name the first (a tie).
            indexed.append(Fixture(key: .indexEntry(indexed.count + 1), id: "a7-archived", text: near.text))
        }
        var current = all.filter { !indexedIDs.contains($0.id) }
        if withIndex {
            current.append(Fixture(key: DedupeGlobalKey(file: 99, record: 1), id: "a5", text: Self.window(750)))
        }

        let decisions = singleMachine(deduplicator, indexed: indexed, current: current)
        let (removeList, summary) = try crossShard(
            options,
            indexed: indexed,
            current: current,
            shards: shards,
            tasks: tasks
        )

        var expectedRemoved = 0
        for (fixture, decision) in zip(current, decisions) {
            let entry = removeList[fixture.key]
            if decision.isDuplicate, decision.duplicateOf != fixture.id {
                expectedRemoved += 1
                #expect(entry?.id == fixture.id)
                #expect(entry?.duplicateOf == decision.duplicateOf, "\(fixture.id)")
                #expect(entry?.similarity == decision.similarity, "\(fixture.id)")
                #expect(entry?.kind == (decision.kind == .exactDuplicate ? .exact : .near), "\(fixture.id)")
            } else {
                #expect(entry == nil, "\(fixture.id) is kept by the single-machine index")
            }
        }
        #expect(removeList.count == expectedRemoved)
        // The fixture plants every case: exact and near duplicates, chains, and ids seen before.
        #expect(summary.exactDuplicates >= 4)
        #expect(summary.nearDuplicates >= 4)
        #expect(summary.seenBefore >= 2)
        #expect(decisions.contains { $0.kind == .nearDuplicate })
        if withIndex {
            #expect(summary.indexDocuments > 0)
            #expect(removeList.entries.values.contains { indexedIDs.contains($0.duplicateOf) })
            #expect(removeList.entries.values.first { $0.id == "a7" }?.duplicateOf == "a7-near")
        }
    }

    /// A ~ B and B ~ C but A !~ C, one document per file.
    func chain() -> [Fixture] {
        [
            Fixture(key: DedupeGlobalKey(file: 0, record: 1), id: "A", text: Self.window(0, 100)),
            Fixture(key: DedupeGlobalKey(file: 1, record: 1), id: "B", text: Self.window(35, 100)),
            Fixture(key: DedupeGlobalKey(file: 2, record: 1), id: "C", text: Self.window(70, 100)),
        ]
    }

    @Test func aChainKeepsItsEndUnderKeepFirstAndRemovesItUnderUnionFind() throws {
        let options = DedupeStage.Options()
        let deduplicator = Deduplicator(stageOptions: options)
        let documents = chain()
        let signatures = documents.map { deduplicator.signature(of: $0.text) }
        let required = deduplicator.requiredMatches
        try #require(Deduplicator.matches(signatures[0].minHashes, signatures[1].minHashes) >= required)
        try #require(Deduplicator.matches(signatures[1].minHashes, signatures[2].minHashes) >= required)
        try #require(Deduplicator.matches(signatures[0].minHashes, signatures[2].minHashes) < required)

        // The single-machine stage: B duplicates A; C is compared with A only (B was not kept) and kept.
        let decisions = singleMachine(deduplicator, indexed: [], current: documents)
        #expect(decisions.map(\.kind) == [.kept, .nearDuplicate, .kept])

        let (keepFirst, _) = try crossShard(options, indexed: [], current: documents, shards: 3, tasks: 2)
        #expect(keepFirst.entries.values.map(\.id).sorted() == ["B"])
        #expect(keepFirst[documents[1].key]?.duplicateOf == "A")

        let (unionFind, summary) = try crossShard(
            options,
            indexed: [],
            current: documents,
            shards: 3,
            tasks: 2,
            method: .unionFind
        )
        #expect(unionFind.entries.values.map(\.id).sorted() == ["B", "C"])
        let end = try #require(unionFind[documents[2].key])
        #expect(end.duplicateOf == "A")
        #expect(end.kind == .near)
        #expect(end.similarity < options.threshold)
        #expect(summary.method == .unionFind)
    }

    @Test func theGlobalOrderIsTheSingleMachineOrderAndSharesFollowTheSortedList() throws {
        // input.path listing b before a: a single-machine run reads b first; shards assign by the sorted list.
        let files = [
            InputFile(path: "in/b.jsonl", relativeName: "b.jsonl", kind: .jsonLines),
            InputFile(path: "in/a.jsonl", relativeName: "a.jsonl", kind: .jsonLines),
            InputFile(path: "in/c.txt", relativeName: "c.txt", kind: .text),
        ]
        let order = try DedupeInputOrder(files: files)
        var keys = order.keyAssigner(shard: .whole, split: .file)
        let first = try keys.key(for: Document(id: "x", text: "t", source: DocumentSource(path: "in/b.jsonl", line: 3)))
        let text = try keys.key(for: Document(id: "c.txt", text: "t", source: DocumentSource(path: "in/c.txt")))
        #expect(first == DedupeGlobalKey(file: 0, record: 3))
        #expect(text == DedupeGlobalKey(file: 2, record: 0))
        let shard0 = try Shard(index: 0, count: 2)
        // Sorted: a (0 → shard 0), b (1 → shard 1), c (2 → shard 0).
        #expect(!order.shard(shard0, split: .file, takes: DedupeGlobalKey(file: 0, record: 3), id: "x"))
        #expect(order.shard(shard0, split: .file, takes: DedupeGlobalKey(file: 1, record: 1), id: "y"))
        let repeated = #expect(throws: CrossShardDedupeError.self) {
            try DedupeInputOrder(files: files + [files[0]])
        }
        #expect(
            repeated?.description
                == "the input list names 'in/b.jsonl' twice; cross-shard dedupe needs every file once (check input.path "
                + "for overlapping folders and globs)"
        )
        let unknown = #expect(throws: CrossShardDedupeError.self) {
            try keys.key(for: Document(id: "z", text: "t", source: DocumentSource(path: "in/elsewhere.txt")))
        }
        #expect(unknown?.description == "document 'z' comes from 'in/elsewhere.txt', which is not in the input list")
    }

    @Test func aMalformedSignatureLineIsReportedWithItsFileAndLine() throws {
        let path = folder() + "/part-00000-of-00001.tsv"
        let good = DedupeSignatureRecord(
            key: DedupeGlobalKey(file: 0, record: 1),
            id: "tab\tand \"quote\"",
            signature: DedupeSignature(exactHash: 0xabc, minHashes: [1, 2, 0xffff_ffff], shingleCount: 7)
        )
        var bytes: [UInt8] = []
        good.write(to: &bytes)
        bytes += Array("0:2\t\"b\"\t00ff\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try DedupeLineReader(path: path)
        let first = try #require(try reader.next())
        #expect(try DedupeSignatureRecord(parsing: first, permutationCount: 3, from: reader) == good)
        let line = try #require(try reader.next())
        let error = try #require(throws: CrossShardDedupeError.self) {
            try DedupeSignatureRecord(parsing: line, permutationCount: 3, from: reader)
        }
        #expect(error.description == "\(path):2: malformed signature line: expected 5 tab-separated fields, found 3")
        #expect(error.code == .malformedFile)
    }

    @Test func spillFilesOfDeadAttemptsAreRemovedAndLiveOnesKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let destination = folder + "/part-00000-of-00002.tsv"
        // A killed attempt's file (nobody holds its lock) and a live attempt's file (locked), both "process 1".
        let dead = destination + ".spill-node-1-aa"
        let live = destination + ".spill-node-1-bb"
        FileManager.default.createFile(atPath: dead, contents: Data(count: 24))
        FileManager.default.createFile(atPath: live, contents: Data(count: 24))
        let holder = open(live, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)

        let spill = try DedupeBandSpill(beside: destination)
        try spill.append(DedupeBandEntry(bandKey: 7, key: DedupeGlobalKey(file: 0, record: 3)))
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: spill.path))
        // A second attempt beside the same file keeps the first one's spill, which is locked.
        let second = try DedupeBandSpill(beside: destination)
        #expect(FileManager.default.fileExists(atPath: spill.path))
        #expect(try spill.sortedEntries().map(\.bandKey) == [7])
        spill.removeFile()
        second.removeFile()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder) == ["part-00000-of-00002.tsv.spill-node-1-bb"]
        )
    }
}
