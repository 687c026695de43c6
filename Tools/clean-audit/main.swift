// Cleans a JSONL set with the clean stage's defaults (minimum_length 0) and writes {id, text} lines, for
// scripts/audit-clean-rules.py. Built with -Xswiftc -DCLEAN_AUDIT, it honours CLEAN_AUDIT_DISABLE (see
// CleanRuleAudit) and also writes the rules' lists, by place in the source, as one JSON object.
// Usage: clean-audit INPUT.jsonl TEXT_FIELD OUTPUT.jsonl [LISTS.json]
import Foundation

@testable import Stages

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: clean-audit INPUT.jsonl TEXT_FIELD OUTPUT.jsonl [LISTS.json]\n".utf8))
    exit(64)
}
let cleaner = try ArticleTextCleaner(configuration: CleanConfiguration(minimumLength: 0))
let input = try String(contentsOfFile: arguments[1], encoding: .utf8)
var output = ""
for record in input.split(separator: "\n") where !record.isEmpty {
    guard let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any],
        let id = object["id"] as? String, let text = object[arguments[2]] as? String
    else { continue }
    let cleaned = cleaner.clean(text).text
    let data = try JSONSerialization.data(withJSONObject: ["id": id, "text": cleaned], options: [.sortedKeys])
    output += String(decoding: data, as: UTF8.self) + "\n"
}
try output.write(toFile: arguments[3], atomically: true, encoding: .utf8)
if arguments.count == 5 {
    #if CLEAN_AUDIT
        let lists = CleanRuleAudit.registry.withLock { $0 }
        let data = try JSONSerialization.data(withJSONObject: lists, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: arguments[4]))
    #else
        FileHandle.standardError.write(Data("clean-audit: built without -DCLEAN_AUDIT, no lists to write\n".utf8))
        exit(64)
    #endif
}
