import Foundation

@testable import Stages

/// The evaluation and benchmark tool of the `dedupe` stage.
///
/// ```
/// dedupe-eval [--input dev.jsonl] [--output pred.jsonl] [--threshold 0.3] [--shingle-size 5] [--permutations 128]
///             [--replicate N] [--memory-documents N] [--hostile]
/// ```
/// Reads a JSONL file of `{"id", "text"}`, computes every signature and decides in file order on one core, writes
/// `{"id", "duplicate_of", "similarity"}` per document, and prints documents/s for signature + decide (JSON parsing
/// excluded). `--replicate N` also times the input repeated N times, each copy after the first with a small change
/// (one word replaced per paragraph) so that copies are near, not exact, duplicates. `--memory-documents N` fills an
/// index with N random signatures and reports bytes per document. `--hostile` times pathological texts.
@main
struct DedupeEvaluation {
    /// One input record.
    struct InputRecord: Decodable {
        var id: String
        var text: String
    }

    /// One output record.
    struct OutputRecord: Encodable {
        var id: String
        var duplicateOf: String?
        var similarity: Double?

        enum CodingKeys: String, CodingKey {
            case id, similarity
            case duplicateOf = "duplicate_of"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(duplicateOf, forKey: .duplicateOf)
            try container.encode(similarity, forKey: .similarity)
        }
    }

    static func main() throws {
        var options: [String: String] = [:]
        var flags: Set<String> = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--hostile" {
                flags.insert(argument)
            } else if let value = arguments.popFirst() {
                options[argument] = value
            }
        }
        var configuration = DedupeConfiguration()
        if let value = options["--threshold"].flatMap(Double.init) { configuration.threshold = value }
        if let value = options["--shingle-size"].flatMap(Int.init) { configuration.shingleSize = value }
        if let value = options["--permutations"].flatMap(Int.init) { configuration.permutationCount = value }
        if let value = options["--seed"].flatMap(UInt64.init) { configuration.seed = value }
        if let value = options["--false-negative-weight"].flatMap(Double.init) {
            configuration.falseNegativeWeight = value
            configuration.falsePositiveWeight = 1 - value
        }
        let deduplicator = Deduplicator(configuration: configuration)
        print("configuration: \(deduplicator.configuration)")
        print("banding: \(deduplicator.banding.bands) bands x \(deduplicator.banding.rows) rows")

        if flags.contains("--hostile") {
            runHostile(deduplicator)
        }
        let memoryDocuments = options["--memory-documents"].flatMap(Int.init)
        guard let inputPath = options["--input"] else {
            if let count = memoryDocuments { measureMemory(deduplicator, documents: count, records: []) }
            return
        }
        let decoder = JSONDecoder()
        let data = try String(contentsOfFile: inputPath, encoding: .utf8)
        let records = try data.split(separator: "\n").map {
            try decoder.decode(InputRecord.self, from: Data($0.utf8))
        }
        let bytes = records.reduce(0) { $0 + $1.text.utf8.count }
        if let count = memoryDocuments { measureMemory(deduplicator, documents: count, records: records) }

        let (decisions, seconds) = run(deduplicator, records: records)
        report("input as is", documents: records.count, bytes: bytes, seconds: seconds)
        if let outputPath = options["--output"] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var lines = ""
            for (record, decision) in zip(records, decisions) {
                let output = OutputRecord(
                    id: record.id, duplicateOf: decision.duplicateOf, similarity: decision.similarity)
                lines += String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
            }
            try lines.write(toFile: outputPath, atomically: true, encoding: .utf8)
            let exact = decisions.filter { $0.kind == .exactDuplicate }.count
            let near = decisions.filter { $0.kind == .nearDuplicate }.count
            print("wrote \(outputPath): \(exact) exact, \(near) near duplicates of \(records.count)")
        }
        if let goldPath = options["--gold"] {
            try checkEstimates(deduplicator, records: records, goldPath: goldPath)
        }
        if let copies = options["--replicate"].flatMap(Int.init), copies > 1 {
            var replicated: [InputRecord] = []
            for copy in 0..<copies {
                for record in records {
                    replicated.append(
                        copy == 0
                            ? record : InputRecord(id: "\(record.id)#\(copy)", text: vary(record.text, copy: copy)))
                }
            }
            let replicatedBytes = replicated.reduce(0) { $0 + $1.text.utf8.count }
            let (replicatedDecisions, replicatedSeconds) = run(deduplicator, records: replicated)
            report(
                "replicated x\(copies)", documents: replicated.count, bytes: replicatedBytes,
                seconds: replicatedSeconds)
            let kept = replicatedDecisions.filter { $0.kind == .kept }.count
            print("  kept \(kept) of \(replicated.count)")
        }
    }

    /// Computes signatures and decides in order on the calling thread, `repetitions` times over fresh indexes;
    /// returns the decisions and the best (smallest) thread CPU time in seconds.
    ///
    /// Thread CPU time (`CLOCK_THREAD_CPUTIME_ID`) is reported because the machine is shared: wall time includes
    /// the time other processes hold the core.
    static func run(_ deduplicator: Deduplicator, records: [InputRecord], repetitions: Int = 5)
        -> ([DedupeDecision], Double)
    {
        var best = Double.infinity
        var bestWall = Double.infinity
        var decisions: [DedupeDecision] = []
        var lastIndex = deduplicator.makeIndex()
        for _ in 0..<max(1, repetitions) {
            let index = deduplicator.makeIndex()
            decisions = []
            decisions.reserveCapacity(records.count)
            let clock = ContinuousClock()
            let start = clock.now
            let cpuStart = threadCPUSeconds()
            for record in records {
                decisions.append(index.decide(id: record.id, signature: deduplicator.signature(of: record.text)))
            }
            best = min(best, threadCPUSeconds() - cpuStart)
            let elapsed = clock.now - start
            bestWall = min(
                bestWall,
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            lastIndex = index
        }
        print(
            String(
                format: "  index: %d documents, about %d bytes/document; best wall time %.3f s",
                lastIndex.count, lastIndex.estimatedBytes / max(1, lastIndex.count), bestWall))
        return (decisions, best)
    }

    /// The CPU time consumed by the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Compares estimated and exact Jaccard similarities on the gold pairs and on the most similar other pairs.
    static func checkEstimates(_ deduplicator: Deduplicator, records: [InputRecord], goldPath: String) throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: goldPath)))
        let clusters = ((gold as? [String: Any])?["clusters"] as? [[String]]) ?? []
        var position: [String: Int] = [:]
        for (index, record) in records.enumerated() { position[record.id] = index }
        let shingles = records.map { Set(deduplicator.shingleHashes(of: $0.text)) }
        let signatures = records.map { deduplicator.signature(of: $0.text) }
        let permutations = Double(deduplicator.configuration.permutationCount)
        func compare(_ first: Int, _ second: Int) -> (exact: Double, estimate: Double) {
            let union = shingles[first].union(shingles[second]).count
            let exact = union == 0 ? 1 : Double(shingles[first].intersection(shingles[second]).count) / Double(union)
            let equal = zip(signatures[first].minHashes, signatures[second].minHashes).filter { $0 == $1 }.count
            return (exact, Double(equal) / permutations)
        }
        var goldPairs: Set<[Int]> = []
        for cluster in clusters {
            let members = cluster.compactMap { position[$0] }.sorted()
            for (offset, first) in members.enumerated() {
                for second in members[(offset + 1)...] { goldPairs.insert([first, second]) }
            }
        }
        var ignored: Set<[Int]> = []
        for pair in ((gold as? [String: Any])?["dont_care_pairs"] as? [[String]]) ?? [] {
            if let first = position[pair[0]], let second = position[pair[1]] {
                ignored.insert([min(first, second), max(first, second)])
            }
        }
        var zScores: [Double] = []
        var lowest: [(Double, Double)] = []
        for pair in goldPairs {
            let (exact, estimate) = compare(pair[0], pair[1])
            lowest.append((exact, estimate))
            if exact > 0 && exact < 1 {
                zScores.append((estimate - exact) / (exact * (1 - exact) / permutations).squareRoot())
            }
        }
        lowest.sort { $0.0 < $1.0 }
        let mean = zScores.reduce(0, +) / Double(zScores.count)
        let spread = (zScores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(zScores.count)).squareRoot()
        print(
            String(
                format: "gold pairs: %d; (estimate - exact) / binomial sd: mean %.3f, sd %.3f (ideal 0, 1)",
                goldPairs.count, mean, spread))
        print(
            "lowest gold (exact, estimate): "
                + lowest.prefix(8).map { String(format: "(%.3f, %.3f)", $0.0, $0.1) }
                .joined(separator: " "))
        var others: [(Double, Double)] = []
        for first in records.indices {
            for second in (first + 1)..<records.count
            where !goldPairs.contains([first, second]) && !ignored.contains([first, second]) {
                let (exact, estimate) = compare(first, second)
                if exact > 0.1 || estimate > 0.1 { others.append((exact, estimate)) }
            }
        }
        others.sort { max($0.0, $0.1) > max($1.0, $1.1) }
        print(
            "highest non-gold (exact, estimate): "
                + others.prefix(8).map {
                    String(format: "(%.3f, %.3f)", $0.0, $0.1)
                }.joined(separator: " "))
    }

    /// Prints throughput figures.
    static func report(_ label: String, documents: Int, bytes: Int, seconds: Double) {
        let rate = Double(documents) / seconds
        let megabytes = Double(bytes) / 1_000_000 / seconds
        print(
            String(
                format:
                    "%@: %d documents in %.3f s CPU (best of 5): %.0f documents/s, %.1f MB/s (signature + decide, one core)",
                label, documents, seconds, rate, megabytes))
    }

    /// A copy of a text with one word replaced in every paragraph (a small, copy-specific variation).
    static func vary(_ text: String, copy: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var words = paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            if words.count > 3 {
                words[(copy * 7) % words.count] = "variant\(copy)"
            }
            return words.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// Fills an index with random signatures, reports its size, then times deciding `records` against it.
    static func measureMemory(_ deduplicator: Deduplicator, documents: Int, records: [InputRecord]) {
        let index = deduplicator.makeIndex()
        var state: UInt64 = 42
        let before = residentBytes()
        let permutations = deduplicator.configuration.permutationCount
        for number in 0..<documents {
            var values: [UInt32] = []
            values.reserveCapacity(permutations)
            for _ in 0..<permutations {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                values.append(UInt32(truncatingIfNeeded: state >> 32))
            }
            index.insert(
                id: "bbc-business-\(number)-copy",
                signature: DedupeSignature(exactHash: state, minHashes: values, shingleCount: 400))
        }
        let after = residentBytes()
        let perDocument = Double(after - before) / Double(documents)
        print(
            String(
                format: "memory: %d documents: resident +%.0f MB = %.0f bytes/document (estimate %d); "
                    + "1M documents = %.2f GiB",
                documents, Double(after - before) / 1e6, perDocument, index.estimatedBytes / documents,
                perDocument * 1_000_000 / 1_073_741_824))
        guard !records.isEmpty else { return }
        let start = threadCPUSeconds()
        for record in records {
            _ = index.decide(id: record.id, signature: deduplicator.signature(of: record.text))
        }
        let seconds = threadCPUSeconds() - start
        print(
            String(
                format: "  input decided against that %d-document index: %.0f documents/s (CPU time)",
                documents, Double(records.count) / seconds))
    }

    /// The resident set size of this process, from /proc/self/status (0 where unavailable).
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
    }

    /// Times pathological inputs.
    static func runHostile(_ deduplicator: Deduplicator) {
        let clock = ContinuousClock()
        let noSpaces = String(repeating: "abcdefghij", count: 500_000)
        let shortLines = (0..<100_000).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined(separator: "\n")
        let manyWords = (0..<1_000_000).map { "w\($0 % 5000)" }.joined(separator: " ")
        for (name, text) in [
            ("5 MB without spaces", noSpaces), ("100,000 one-character lines", shortLines),
            ("1,000,000 words (6.9 MB)", manyWords),
        ] {
            let index = deduplicator.makeIndex()
            let start = clock.now
            let signature = deduplicator.signature(of: text)
            _ = index.decide(id: "a", signature: signature)
            _ = index.decide(id: "b", signature: signature)
            print("hostile: \(name) (\(text.utf8.count) bytes): \(clock.now - start)")
        }
    }
}
