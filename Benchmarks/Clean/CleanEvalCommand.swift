import Foundation

/// Evaluation and benchmark tool for the `clean` stage.
///
///     CleanEval INPUT.jsonl [--field dirty] [--out PRED.jsonl] [--min-bytes 100000000] [--without group,group]
///
/// Reads a JSONL file, cleans the chosen text field of every record, writes `{"id","text"}` JSONL (first pass only),
/// and prints MB/s for the cleaning alone (JSON parsing and writing excluded). With `--min-bytes`, the records are
/// cleaned again and again until at least that many input bytes were cleaned.
@main
struct CleanEvalCommand {
    /// Runs the tool.
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        guard let inputPath = arguments.popFirst() else {
            FileHandle.standardError.write(
                Data("usage: CleanEval INPUT.jsonl [--field F] [--out P] [--min-bytes N] [--without g,g]\n".utf8)
            )
            exit(2)
        }
        var field = "dirty"
        var outputPath: String?
        var minimumBytes = 0
        var without: Set<String> = []
        var explainID: String?
        while let flag = arguments.popFirst() {
            let value = arguments.popFirst() ?? ""
            switch flag {
            case "--field": field = value
            case "--out": outputPath = value
            case "--min-bytes": minimumBytes = Int(value) ?? 0
            case "--without": without = Set(value.split(separator: ",").map(String.init))
            case "--explain": explainID = value
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(2)
            }
        }
        var records: [(id: String, text: String)] = []
        let content = try String(contentsOfFile: inputPath, encoding: .utf8)
        for line in content.split(separator: "\n") where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            let id = (object["id"] as? String) ?? "\(object["id"] ?? "")"
            records.append((id, (object[field] as? String) ?? ""))
        }
        var configuration = CleanConfiguration()
        configuration.ruleGroups = configuration.ruleGroups.filter { !without.contains($0.rawValue) }
        let cleaner = try ArticleTextCleaner(configuration: configuration)
        if let explainID {
            for record in records where record.id == explainID {
                for (line, group) in cleaner.explain(record.text) {
                    print("\(group.map { "- \($0.rawValue)" } ?? "+ kept"): \(line.prefix(110))")
                }
            }
            return
        }
        let recordBytes = records.reduce(0) { $0 + $1.text.utf8.count }

        var outputs: [String] = []
        outputs.reserveCapacity(records.count)
        var cleanedBytes = 0
        var tooShort = 0
        var checksum = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for record in records {
                let result = cleaner.clean(record.text)
                outputs.append(result.text)
                if result.isTooShort { tooShort += 1 }
            }
            cleanedBytes = recordBytes
            while cleanedBytes < minimumBytes {
                for record in records {
                    checksum &+= cleaner.clean(record.text).text.utf8.count
                }
                cleanedBytes += recordBytes
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if let outputPath {
            var text = ""
            for (record, output) in zip(records, outputs) {
                let object: [String: String] = ["id": record.id, "text": output]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
            try text.write(toFile: outputPath, atomically: true, encoding: .utf8)
        }
        let megabytes = Double(cleanedBytes) / 1_000_000
        print(
            String(
                format: "records=%d too_short=%d cleaned=%.1f MB in %.3f s: %.1f MB/s (checksum %d)",
                records.count,
                tooShort,
                megabytes,
                seconds,
                megabytes / seconds,
                checksum
            )
        )
    }
}
