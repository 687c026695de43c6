import Foundation
import Pipeline

@testable import Stages

/// Writes the `highlights` method's sentence features for a JSON Lines file of articles, for
/// `scripts/train-summarizer.py`.
///
///     summary-features INPUT.jsonl OUTPUT.jsonl [CANDIDATES]
///
/// Each input line is an object with `id` and `text`. Each output line holds the article's `id`, its body
/// `sentences` (as the summarizer emits them), one `features` row per sentence (``NewsSentenceFeatures/names``
/// order) and the TF-IDF `cosines` among the first CANDIDATES sentences (default 40), which MMR selection reads.
/// The features come from the same code the summarizer runs, so training sees exactly what run time sees.
@main
struct SummaryFeatures {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: summary-features INPUT.jsonl OUTPUT.jsonl [CANDIDATES]\n".utf8))
            exit(64)
        }
        let limit = arguments.count > 3 ? Int(arguments[3]) ?? 40 : 40
        let input = try String(contentsOfFile: arguments[1], encoding: .utf8)
        let summarizer = NewsSummarizer(configuration: SummarizeConfiguration(method: .highlights))
        var output = "{\"names\":[" + NewsSentenceFeatures.names.map { "\"\($0)\"" }.joined(separator: ",") + "]}\n"
        for line in input.split(separator: "\n") where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            guard let id = object["id"] as? String, var text = object["text"] as? String else { continue }
            let record: [String: Any] = text.withUTF8 { bytes in
                let layout = summarizer.splitter.splitBytes(bytes)
                let count = min(layout.sentences.count, summarizer.configuration.maxSentences)
                let sentences = layout.sentences[0..<count]
                let table = SentenceTermTable(bytes: bytes, sentences: sentences, headline: layout.headline)
                let ranker = SentenceGraphRanker(table: table)
                let features = NewsSentenceFeatures(
                    bytes: bytes,
                    sentences: sentences,
                    ranker: ranker,
                    graph: ranker.similarityGraph()
                )
                let texts = SentenceTexts(bytes: bytes, ranges: layout.sentences)
                let shown = min(limit, count)
                return [
                    "id": id,
                    "sentences": (0..<count).map { texts.text($0) },
                    "features": (0..<count).map { features.row($0).map { Double($0) } },
                    "cosines": (0..<shown).map { a in (0..<shown).map { b in Double(a == b ? 1 : ranker.cosine(a, b)) }
                    },
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            output += String(decoding: data, as: UTF8.self) + "\n"
        }
        try output.write(toFile: arguments[2], atomically: true, encoding: .utf8)
    }
}
