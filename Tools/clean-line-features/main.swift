// Writes the clean stage's per-line judgement and line-model features for a JSONL set, for
// scripts/train-clean-model.py. Usage: clean-line-features INPUT.jsonl TEXT_FIELD OUTPUT.jsonl
import Foundation

@testable import Stages

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: clean-line-features INPUT.jsonl TEXT_FIELD OUTPUT.jsonl\n".utf8))
    exit(64)
}
let cleaner = try ArticleTextCleaner()
let input = try String(contentsOfFile: arguments[1], encoding: .utf8)
var output = ""
for record in input.split(separator: "\n") where !record.isEmpty {
    guard let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any],
        let id = object["id"] as? String, let text = object[arguments[2]] as? String
    else { continue }
    let lines = cleaner.explainLines(text).map { line -> [String: Any] in
        [
            "text": line.text, "kept": line.kept, "rule": line.ruleVerdict?.rawValue ?? NSNull(),
            "removed": line.removedBy?.rawValue ?? NSNull(),
            "features": line.features.map { "\($0)" }.joined(separator: " "),
        ]
    }
    let data = try JSONSerialization.data(withJSONObject: ["id": id, "lines": lines], options: [.sortedKeys])
    output += String(decoding: data, as: UTF8.self) + "\n"
}
try output.write(toFile: arguments[3], atomically: true, encoding: .utf8)
