import Foundation

@testable import Stages

/// Command-line evaluation and benchmark for ``EntityRecognizer``.
///
/// Reads JSONL records `{"id", "text"}` (the CoNLL-2003 dev set), recognises each text with the bundled model and
/// writes JSONL `{"id", "entities": [{start, end, label, text}], "entity_summary": [...]}` for
/// `score.py entities`. JSON is handled with Foundation's `JSONSerialization`, outside the timed loop. Then it times
/// `--repeat` passes of recognition alone (tokenise, tag, patterns, summary; one thread) and prints words/s by wall
/// clock and by thread CPU time.
///
///     swift build -c release
///     .build/release/EntitiesEval --dev ../shared/eval/entities/dev.jsonl --output /tmp/entities-pred.jsonl \
///         [--repeat 20] [--hostile 1]
///     python3 ../shared/eval/score.py entities ../shared/eval/entities/dev.jsonl /tmp/entities-pred.jsonl
///
/// `--hostile 1` also times hostile inputs (5 MB without spaces, 5 MB of punctuation, 100,000 one-character lines,
/// 5 MB of capitalised words on one line).
@main
struct EntitiesEvaluation {
    /// Parsed command-line options.
    struct Options {
        var devPath = "../shared/eval/entities/dev.jsonl"
        var outputPath = "/tmp/entities-pred.jsonl"
        var repeatCount = 20
        var hostile = false

        init(arguments: [String]) {
            var iterator = arguments.makeIterator()
            while let option = iterator.next() {
                guard let value = iterator.next() else { fatalError("missing value for \(option)") }
                switch option {
                case "--dev": devPath = value
                case "--output": outputPath = value
                case "--repeat": repeatCount = Int(value) ?? repeatCount
                case "--hostile": hostile = value == "1"
                default: fatalError("unknown option \(option)")
                }
            }
        }
    }

    /// Entry point.
    static func main() throws {
        let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
        var ids: [String] = []
        var texts: [String] = []
        for line in try String(contentsOfFile: options.devPath, encoding: .utf8).split(separator: "\n")
        where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            ids.append(object["id"] as? String ?? "")
            texts.append(object["text"] as? String ?? "")
        }

        let loadStart = Date()
        let recognizer = try EntityRecognizer()
        print(String(format: "model load: %.3f s", Date().timeIntervalSince(loadStart)))

        try writePredictions(recognizer, ids: ids, texts: texts, to: options.outputPath)
        if options.hostile { timeHostileInputs(recognizer) }

        let words = texts.reduce(0) { $0 + $1.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        var mentionCount = 0
        let clock = ContinuousClock()
        let cpuStart = threadCPUSeconds()
        let elapsed = clock.measure {
            for _ in 0..<options.repeatCount {
                for text in texts { mentionCount += recognizer.recognize(text).mentions.count }
            }
        }
        let cpuSeconds = threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = Double(words * options.repeatCount)
        print(
            String(
                format: "%d documents x %d, %d words each pass: %.0f words/s wall (%.3f s), %.0f words/s CPU "
                    + "(%.3f s), %d mentions",
                texts.count,
                options.repeatCount,
                words,
                total / seconds,
                seconds,
                total / cpuSeconds,
                cpuSeconds,
                mentionCount
            )
        )
    }

    /// Writes one prediction record per document.
    static func writePredictions(_ recognizer: EntityRecognizer, ids: [String], texts: [String], to path: String)
        throws
    {
        var output = ""
        for (id, text) in zip(ids, texts) {
            let result = recognizer.recognize(text)
            let entities: [[String: Any]] = result.mentions.map {
                ["start": $0.start, "end": $0.end, "label": $0.label.rawValue, "text": $0.text]
            }
            let summary: [[String: Any]] = result.summary.map {
                ["name": $0.name, "label": $0.label.rawValue, "count": $0.count, "mentions": $0.mentions]
            }
            let record: [String: Any] = ["id": id, "entities": entities, "entity_summary": summary]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            output += String(decoding: data, as: UTF8.self) + "\n"
        }
        try output.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Times the hostile inputs; each should finish in a second or two.
    static func timeHostileInputs(_ recognizer: EntityRecognizer) {
        let inputs: [(String, String)] = [
            ("5 MB without spaces", String(repeating: "abcdefghij", count: 500_000)),
            ("5 MB punctuation soup", String(repeating: "ab.c,d-e'f’(\u{201C}$1%", count: 250_000)),
            ("100,000 one-character lines", String(repeating: "A\n", count: 100_000)),
            ("5 MB capitalised words", String(repeating: "Foo Bar Baz ", count: 420_000)),
        ]
        for (name, text) in inputs {
            let start = Date()
            let count = recognizer.recognize(text).mentions.count
            print(String(format: "%@: %.2f s, %d mentions", name, Date().timeIntervalSince(start), count))
        }
    }

    /// CPU time of the calling thread in seconds (insensitive to other processes competing for the cores).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
