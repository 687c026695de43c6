import Pipeline

/// Reads input named in a test file, giving documents the ids the test file would use: a path the test runner
/// prefixed with the test file's folder (to resolve it) loses that prefix again, so `input: ../seeds/a.txt` gives
/// the id `../seeds/a.txt` wherever `pipeline-run test` runs from.
struct RelativeIDDocumentReader: DocumentReader {
    private var base: any DocumentReader
    private let prefix: String

    /// Wraps a reader.
    /// - Parameters:
    ///   - base: The reader of the resolved paths.
    ///   - prefix: The test file's folder followed by `/`, removed from the start of ids; empty for none.
    init(_ base: any DocumentReader, removingPrefix prefix: String) {
        self.base = base
        self.prefix = prefix
    }

    /// The next record, with its id made relative to the test file.
    mutating func next() -> InputRecord? {
        switch base.next() {
        case nil:
            return nil
        case .document(var document):
            document.id = relative(document.id)
            return .document(document)
        case .invalid(var removed):
            removed.id = relative(removed.id)
            return .invalid(removed)
        }
    }

    private func relative(_ id: String) -> String {
        guard !prefix.isEmpty, id.hasPrefix(prefix) else { return id }
        return String(id.dropFirst(prefix.count))
    }
}
