/// What happens to a document when a stage throws an error while processing it (`on_error` in the pipeline file).
public enum ErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// Stop the run (the default).
    case fail
    /// Drop the document, count it as dropped with the error as its reason, log a warning, and go on.
    case skip
    /// Write the document and the error to the dead-letter output and go on.
    case deadLetter = "dead-letter"
}
