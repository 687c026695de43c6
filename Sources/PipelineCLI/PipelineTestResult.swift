/// The outcome of one test case.
struct PipelineTestResult: Sendable, Hashable {
    /// The case's name.
    var name: String
    /// What did not hold; empty when the case passed.
    var failures: [PipelineTestFailure]

    /// Whether every expectation held.
    var passed: Bool { failures.isEmpty }

    /// `PASS name`, or `FAIL name` followed by each failure, indented.
    var lines: [String] {
        guard !passed else { return ["PASS \(name)"] }
        return ["FAIL \(name)"] + failures.flatMap(\.lines).map { $0.isEmpty ? "" : "    " + $0 }
    }

    /// The report of several cases: each case's lines, then `N passed, M failed`.
    /// - Parameter results: The results, in case order.
    /// - Returns: The report, one line per element.
    static func report(_ results: [PipelineTestResult]) -> [String] {
        let passed = results.filter(\.passed).count
        return results.flatMap(\.lines) + ["\(passed) passed, \(results.count - passed) failed"]
    }
}
