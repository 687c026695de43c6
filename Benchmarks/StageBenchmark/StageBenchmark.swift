import ArgumentParser
import Foundation
import Logging
import Pipeline
import Stages

/// Measures one built-in stage on one core, through its public API, on a JSON Lines data set.
///
/// Document stages (clean, summarize, entities) are timed in a single-threaded loop of `process` calls; stages that
/// run over the whole stream (dedupe) are run alone through the runner at concurrency 1 and timed by their busy
/// time. Reading and JSON parsing are excluded. Prints documents/s, MB/s, words/s and peak RSS.
@main
struct StageBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage-benchmark",
        abstract: "Benchmark one stage on one core (release build)."
    )

    @Option(help: "The stage type, e.g. clean, dedupe, summarize, entities.")
    var stage: String

    @Option(help: "JSON Lines input.")
    var input: String

    @Option(help: "The member holding the text.")
    var textField = "text"

    @Option(help: "Stage options as YAML flow mapping, e.g. '{ratio: 0.4}'.")
    var options = "{}"

    @Option(help: "Repeat the data set until it holds at least this many bytes of text.")
    var minBytes = 0

    @Option(help: "Repeat the data set this many times (each copy's ids and first word changed).")
    var replicate = 1

    @Option(help: "Passes over the data; the best is reported.")
    var passes = 3

    @Option(help: "Also index this many distinct synthetic documents with dedupe and report bytes per document.")
    var indexMemoryDocuments = 0

    func run() async throws {
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let documents = try load()
        let bytes = documents.reduce(0) { $0 + $1.byteCount }
        let words = documents.reduce(0) { total, document in
            total + document.text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).count
        }
        let optionsNode = try YAMLParser().parse(
            "{type: \(stage), \(options.dropFirst().dropLast())}",
            file: "options"
        )!
        let built = try StageRegistry.builtIn.makeStage(
            typeName: stage,
            options: optionsNode,
            keyPath: "",
            commonKeys: PipelineLoader.commonStageKeys
        )
        print(
            "stage \(stage) \(options): \(documents.count) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, \(words) words"
        )

        var best = Double.infinity
        var bestCPU = Double.infinity
        for pass in 1...max(1, passes) {
            let seconds: Double
            let cpuStarted = Self.processCPUSeconds()
            if let documentStage = built as? any DocumentStage {
                let context = StageContext(name: stage, typeName: stage, logger: logger)
                let started = ContinuousClock.now
                var kept = 0
                for document in documents {
                    if case .keep = try await documentStage.process(document, context: context) { kept += 1 }
                }
                seconds = (ContinuousClock.now - started).seconds
                if pass == 1 { print("  kept \(kept) of \(documents.count)") }
            } else {
                let plan = PipelinePlan(
                    name: "bench",
                    input: InputOptions(paths: []),
                    output: OutputOptions(
                        deadLetterPath: FileManager.default.temporaryDirectory.path + "/bench-dead-\(getpid()).jsonl"
                    ),
                    stages: [.init(name: stage, typeName: stage, stage: built)]
                )
                let all = documents
                let report = try await PipelineRunner(plan: plan, logger: logger, concurrencyOverride: 1)
                    .run(reader: { ArrayDocumentReader(documents: all) })
                seconds = report.stages[0].busySeconds
                if pass == 1 { print("  counters \(report.stages[0].counters.sorted { $0.key < $1.key })") }
            }
            // CPU time too: on a shared machine the wall clock also counts the time other processes ran.
            let cpu = Self.processCPUSeconds() - cpuStarted
            best = min(best, seconds)
            bestCPU = min(bestCPU, cpu)
            print(
                "  pass \(pass): \(String(format: "%.3f", seconds)) s, \(Self.rate(Double(documents.count) / seconds)) documents/s, "
                    + "\(String(format: "%.1f", Double(bytes) / 1e6 / seconds)) MB/s, \(Self.rate(Double(words) / seconds)) words/s; "
                    + "cpu \(String(format: "%.3f", cpu)) s, \(Self.rate(Double(words) / cpu)) words/cpu-s"
            )
        }
        print(
            "best: \(Self.rate(Double(documents.count) / best)) documents/s, \(String(format: "%.1f", Double(bytes) / 1e6 / best)) MB/s, "
                + "\(Self.rate(Double(words) / best)) words/s; per CPU second: "
                + "\(Self.rate(Double(documents.count) / bestCPU)) documents, \(Self.rate(Double(words) / bestCPU)) words; "
                + "peak RSS \(String(format: "%.1f", Double(Self.peakRSS()) / 1_048_576)) MiB"
        )
        if indexMemoryDocuments > 0 { try await measureIndexMemory(logger: logger) }
    }

    /// Reads the data set and replicates it.
    private func load() throws -> [Document] {
        let options = InputOptions(paths: [input], format: .jsonl, textField: textField, maxDocumentBytes: 1 << 30)
        var reader = InputFileReader(expansion: try InputExpander(options: options).expand(), options: options)
        var base: [Document] = []
        while let record = reader.next() {
            if case .document(let document) = record { base.append(document) }
        }
        var documents = base
        var copy = 1
        let baseBytes = base.reduce(0) { $0 + $1.byteCount }
        while copy < replicate || (minBytes > 0 && baseBytes * copy < minBytes) {
            documents += base.map { document in
                var variant = document
                variant.id += "#\(copy)"
                variant.text = "Copy\(copy) " + document.text
                return variant
            }
            copy += 1
        }
        return documents
    }

    /// Runs dedupe over distinct synthetic documents and reports resident memory per indexed document.
    private func measureIndexMemory(logger: Logger) async throws {
        let node = try YAMLParser().parse("{type: dedupe}", file: "options")!
        let dedupe = try StageRegistry.builtIn.makeStage(
            typeName: "dedupe",
            options: node,
            keyPath: "",
            commonKeys: PipelineLoader.commonStageKeys
        )
        let plan = PipelinePlan(
            name: "bench",
            input: InputOptions(paths: []),
            output: OutputOptions(
                deadLetterPath: FileManager.default.temporaryDirectory.path + "/bench-dead-\(getpid()).jsonl"
            ),
            stages: [.init(name: "dedupe", typeName: "dedupe", stage: dedupe)]
        )
        let before = Self.currentRSS()
        let count = indexMemoryDocuments
        let report = try await PipelineRunner(plan: plan, logger: logger, concurrencyOverride: 1)
            .run(reader: { SyntheticReader(count: count) })
        let indexed = report.stages[0].counters["index_size"] ?? 0
        let grown = Self.peakRSS() - before
        print(
            "index memory: \(indexed) documents indexed, peak RSS grew \(String(format: "%.1f", Double(grown) / 1_048_576)) MiB, "
                + "\(grown / max(1, indexed)) bytes/document, so \(String(format: "%.2f", Double(grown) / Double(max(1, indexed)) * 1e6 / 1_073_741_824)) GiB per million"
        )
    }

    /// Distinct pseudo-random documents of 80 words.
    struct SyntheticReader: DocumentReader {
        let count: Int
        var produced = 0
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15

        init(count: Int) { self.count = count }

        mutating func next() -> InputRecord? {
            guard produced < count else { return nil }
            produced += 1
            var words: [String] = []
            for _ in 0..<80 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                words.append("w\(state >> 44)")
            }
            return .document(Document(id: "s\(produced)", text: words.joined(separator: " ")))
        }
    }

    static func rate(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value)) ?? "\(Int(value))"
    }

    /// User and system CPU seconds of the whole process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
        return Int(usage.ru_maxrss) * 1024
    }

    static func currentRSS() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
        }
        return 0
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
