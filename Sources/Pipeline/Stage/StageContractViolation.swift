/// A stage broke the contract of ``Stage``: for example, it returned from `run` before consuming all of its input.
///
/// This is a bug in the stage, not a problem of the input: the command-line tool exits with 70 (internal error),
/// and no retry helps.
public struct StageContractViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stage's name.
    public var stage: String
    /// What the stage did wrong.
    public var message: String

    /// Creates a violation.
    /// - Parameters:
    ///   - stage: The stage's name.
    ///   - message: What it did wrong.
    public init(stage: String, message: String) {
        self.stage = stage
        self.message = message
    }

    /// "stage 'x' broke its contract: message".
    public var description: String { "stage '\(stage)' broke its contract: \(message)" }
}
