import Foundation

/// Command-line evaluation and benchmark for ``NewsSummarizer``.
///
/// Reads JSONL records `{"id", "text"}`, summarizes each `text` and writes JSONL
/// `{"id", "summary", "summary_sentences"}` for `score.py summaries`. JSON is handled with Foundation's
/// `JSONSerialization`, outside the timed loop.
///
///     SummarizeEval --input dev.jsonl --output pred.jsonl [--method news] [--ratio 0.4 | --sentences N]
///                   [--max-chars N] [--rounding up|nearest] [--max-sentences N]
///                   [--weights frequency,centrality,overlapCentrality,position,lede,headline,redundancy,
///                              lengthExponent]
///                   [--repeat R]            # time R passes over all documents (summarize only)
///                   [--dump-sentences]      # write {"id", "headline", "sentences"} instead of summaries
@main
struct SummarizeEvaluation {
    /// Parsed command-line options.
    struct Options {
        var input = ""
        var output: String?
        var configuration = SummarizeConfiguration()
        var repeatCount = 0
        var dumpSentences = false
    }

    /// Entry point.
    static func main() {
        let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
        let readStart = Date()
        guard let data = FileManager.default.contents(atPath: options.input) else {
            fail("cannot read \(options.input)")
        }
        var ids: [String] = []
        var texts: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                fail("invalid JSON line")
            }
            ids.append(object["id"].map { "\($0)" } ?? "")
            texts.append(object["text"] as? String ?? "")
        }
        let readSeconds = Date().timeIntervalSince(readStart)
        let totalBytes = texts.reduce(0) { $0 + $1.utf8.count }
        let summarizer = NewsSummarizer(configuration: options.configuration)

        if options.dumpSentences {
            let splitter = NewsSentenceSplitter()
            var records: [[String: Any]] = []
            for (id, text) in zip(ids, texts) {
                let article = splitter.split(text)
                records.append(["id": id, "headline": article.headline ?? NSNull(), "sentences": article.sentences])
            }
            write(records, to: options.output)
            return
        }

        let summarizeStart = DispatchTime.now().uptimeNanoseconds
        var results = texts.map { summarizer.summarize($0) }
        let summarizeSeconds = Double(DispatchTime.now().uptimeNanoseconds - summarizeStart) / 1e9
        if options.repeatCount > 0 {
            var best = Double.infinity
            for _ in 0..<options.repeatCount {
                let start = DispatchTime.now().uptimeNanoseconds
                results = texts.map { summarizer.summarize($0) }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let documents = Double(texts.count)
            FileHandle.standardError.write(
                Data(
                    String(
                        format:
                            "documents: %d (%.2f MB); read+parse %.3f s; summarize: first pass %.4f s, "
                            + "best of %d %.4f s = %.0f documents/s, %.2f MB/s\n",
                        texts.count,
                        Double(totalBytes) / 1e6,
                        readSeconds,
                        summarizeSeconds,
                        options.repeatCount,
                        best,
                        documents / best,
                        Double(totalBytes) / 1e6 / best
                    ).utf8
                )
            )
        }
        var records: [[String: Any]] = []
        for (id, result) in zip(ids, results) {
            records.append(["id": id, "summary": result.summary, "summary_sentences": result.sentenceIndices])
        }
        write(records, to: options.output)
    }

    /// Writes `records` as JSONL to `path` (nothing when `path` is nil).
    static func write(_ records: [[String: Any]], to path: String?) {
        guard let path else { return }
        var output = Data()
        for record in records {
            guard let line = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) else {
                fail("cannot encode record")
            }
            output.append(line)
            output.append(UInt8(ascii: "\n"))
        }
        if !FileManager.default.createFile(atPath: path, contents: output) { fail("cannot write \(path)") }
    }

    /// Parses the command line.
    static func parseOptions(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("missing value for \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--input": options.input = value()
            case "--output": options.output = value()
            case "--method":
                guard let method = SummaryMethod(rawValue: value()) else { fail("unknown method") }
                options.configuration.method = method
            case "--ratio": options.configuration.ratio = Double(value())
            case "--sentences": options.configuration.sentences = Int(value())
            case "--max-chars": options.configuration.maxCharacters = Int(value())
            case "--max-sentences": options.configuration.maxSentences = Int(value()) ?? 2_000
            case "--rounding":
                guard let rounding = SummaryRatioRounding(rawValue: value()) else { fail("unknown rounding") }
                options.configuration.ratioRounding = rounding
            case "--weights":
                let numbers = value().split(separator: ",").compactMap { Double($0) }
                guard numbers.count == 8 else { fail("--weights needs 8 numbers") }
                options.configuration.newsWeights = NewsRankingWeights(
                    frequency: numbers[0],
                    centrality: numbers[1],
                    overlapCentrality: numbers[2],
                    position: numbers[3],
                    lede: numbers[4],
                    headline: numbers[5],
                    redundancy: numbers[6],
                    lengthExponent: numbers[7]
                )
            case "--repeat": options.repeatCount = Int(value()) ?? 0
            case "--dump-sentences": options.dumpSentences = true
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
        if options.input.isEmpty { fail("--input is required") }
        return options
    }

    /// Prints `message` to standard error and exits with status 2.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("SummarizeEval: \(message)\n".utf8))
        exit(2)
    }
}
