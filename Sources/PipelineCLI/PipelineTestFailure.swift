/// One expectation of a test case that did not hold, or a problem that kept the case from running.
struct PipelineTestFailure: Sendable, Hashable {
    /// The document concerned, or `nil` for the whole case.
    var documentID: String?
    /// What was checked: `text`, `text_contains`, `fields.language`, `entities`, `dropped`, `run`...
    var check: String
    /// What went wrong, in one line.
    var message: String
    /// Further lines (a diff, an excerpt with a caret), shown indented below the message.
    var details: [String] = []

    /// The failure as lines for the report: `<id>: <check>: <message>`, then the details indented (blank details
    /// as empty lines).
    var lines: [String] {
        let head = [documentID, check].compactMap { $0 }.joined(separator: ": ")
        return ["\(head): \(message)"]
            + details.map { detail in
                // Context lines of empty text lines would otherwise end in spaces.
                detail.allSatisfy(\.isWhitespace) ? "" : "  " + detail
            }
    }
}
