/// A problem that stops `pipeline-run test` before or between its cases, with the context a user needs.
///
/// Problems of a single case (its run failed, its input cannot be read) are not errors: they are reported as that
/// case's failures, and the other cases still run.
struct PipelineTestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case temporaryFolder
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The temporary folder for the cases' dead letters could not be created.
        static let temporaryFolder = Code(.temporaryFolder)

        /// The code's name.
        var description: String { base.rawValue }
    }

    /// What kind of problem it is.
    var code: Code
    /// The file or folder concerned.
    var path: String
    /// What went wrong.
    var message: String
    /// What to do about it, when known.
    var hint: String?

    /// `error: <path>: <message>`, then the hint on its own line.
    var description: String {
        "error: \(path): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
