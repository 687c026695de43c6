import Pipeline
import Stages

/// Compares a document that reached the end of a pipeline with what a test case expects of it, and says what
/// differs in a way a person can act on.
struct DocumentExpectationChecker {
    /// The longest rendering of a JSON value in a message, in characters.
    var valueWidth = 120

    /// Every expectation about the document's content that does not hold.
    /// - Parameters:
    ///   - expectation: What the test case expects.
    ///   - document: The document as it came out of the last stage.
    /// - Returns: The failures, in the order the checks are listed in the test-file format.
    func failures(
        of expectation: PipelineTestFile.DocumentExpectation,
        in document: Document
    ) -> [PipelineTestFailure] {
        var failures: [PipelineTestFailure] = []
        func fail(_ check: String, _ message: String, _ details: [String] = []) {
            failures.append(
                PipelineTestFailure(documentID: document.id, check: check, message: message, details: details)
            )
        }

        if let text = expectation.text, text != document.text {
            let diff = TextDiff(expected: text, actual: document.text)
            let position = diff.firstDifference.map { " at line \($0.line), column \($0.column)" } ?? ""
            fail("text", "differs from the expected text\(position) (- expected, + actual):", diff.lines)
        }
        for needle in expectation.textContains where !document.text.contains(needle) {
            let start = TextDiff.excerpt(of: TextDiff.lines(of: document.text)[0], from: 0, width: 60)
            fail(
                "text_contains",
                "\(quoted(needle)) is not in the text (\(document.text.count) characters, starting \(quoted(start)))"
            )
        }
        for needle in expectation.textExcludes {
            guard let found = TextDiff.locate(needle, in: document.text) else { continue }
            fail(
                "text_excludes",
                "\(quoted(needle)) is in the text at line \(found.line), column \(found.column):",
                found.excerpt
            )
        }
        for key in expectation.fields.keys.sorted() {
            let expected = expectation.fields[key]!
            let own: JSONValue? = key == "id" ? .string(document.id) : key == "text" ? .string(document.text) : nil
            guard let actual = own ?? document.fields[key] else {
                fail("fields.\(key)", "expected \(render(expected)), but the document has no field '\(key)'")
                continue
            }
            if !Self.equal(expected, actual) {
                fail("fields.\(key)", "expected \(render(expected)), found \(render(actual))")
            }
        }
        if !expectation.entities.isEmpty {
            failures += entityFailures(expectation.entities, in: document)
        }
        if let duplicate = expectation.duplicateOf {
            let key = AnnotationKey.duplicateOf
            let expected: String?
            switch duplicate {
            case .original: expected = nil
            case .duplicate(let id): expected = id
            }
            if let actual = document[key] {
                if actual != expected {
                    fail(key.name, "expected \(render(expected.json)), found \(render(actual.json))")
                }
            } else {
                fail(key.name, "expected \(render(expected.json)), \(missing(key, in: document))")
            }
        }
        if let count = expectation.summarySentences {
            let key = AnnotationKey.summarySentences
            if let indices = document[key] {
                if indices.count != count {
                    fail(
                        key.name,
                        "expected \(count) sentence\(count == 1 ? "" : "s"), found \(indices.count) "
                            + render(indices.json)
                    )
                }
            } else {
                fail(key.name, "expected \(count), \(missing(key, in: document))")
            }
        }
        if expectation.dropped == true {
            fail("dropped", "expected the document to be dropped, but it reached the end of the pipeline")
        }
        return failures
    }

    /// The expected entities that are not among the document's `entities`.
    private func entityFailures(
        _ expected: [PipelineTestFile.EntityExpectation],
        in document: Document
    ) -> [PipelineTestFailure] {
        let key = AnnotationKey.entities
        guard let entities = document[key] else {
            let message =
                document.fields[key.name] == nil
                ? "the document has no field '\(key.name)' (does the pipeline have an entities stage?)"
                : "the field '\(key.name)' is not a list of entity mentions, \(missing(key, in: document))"
            return [PipelineTestFailure(documentID: document.id, check: key.name, message: message)]
        }
        var failures: [PipelineTestFailure] = []
        for entity in expected {
            let sameText = entities.filter { $0.text == entity.text }
            guard !sameText.contains(where: { entity.label == nil || $0.label == entity.label }) else { continue }
            let wanted = quoted(entity.text) + (entity.label.map { " (\($0))" } ?? "")
            let message: String
            if sameText.isEmpty {
                message = "\(wanted) is not among the \(entities.count) entities found"
            } else {
                var labels: [String] = []
                for label in sameText.map(\.label) where !labels.contains(label) { labels.append(label) }
                message =
                    "\(wanted) is not among the entities found; \(quoted(entity.text)) was found as "
                    + labels.joined(separator: ", ")
            }
            failures.append(PipelineTestFailure(documentID: document.id, check: key.name, message: message))
        }
        return failures
    }

    /// Why the document has no value of the annotation's type: `found VALUE` when the field holds something else, or
    /// `but the document has no field 'NAME'`.
    private func missing<Value>(_ key: AnnotationKey<Value>, in document: Document) -> String {
        guard let raw = document.fields[key.name] else { return "but the document has no field '\(key.name)'" }
        return "found \(render(raw))"
    }

    /// A string as a JSON literal, cut to the value width.
    private func quoted(_ string: String) -> String {
        render(.string(string))
    }

    /// A value as compact JSON, cut to the value width.
    private func render(_ value: JSONValue) -> String {
        let text = value.serialized()
        guard text.count > valueWidth else { return text }
        return String(text.prefix(valueWidth)) + "…"
    }

    /// Whether two JSON values are equal, numbers compared by value (`1` equals `1.0`).
    static func equal(_ first: JSONValue, _ second: JSONValue) -> Bool {
        switch (first, second) {
        case (.integer, .double), (.double, .integer):
            return first.doubleValue == second.doubleValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default:
            return first == second
        }
    }
}
