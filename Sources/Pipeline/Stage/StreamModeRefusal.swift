/// A pipeline cannot run as a stream filter: one of its stages refuses (``StreamMode/refused(reason:)``).
public struct StreamModeRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refusing stage's name in the pipeline.
    public let stage: String
    /// Why, and what to do, as the stage says it.
    public let reason: String

    /// Creates the error.
    /// - Parameters:
    ///   - stage: The stage's name.
    ///   - reason: The stage's reason.
    public init(stage: String, reason: String) {
        self.stage = stage
        self.reason = reason
    }

    /// "stage 'NAME' cannot run in a stream: REASON".
    public var description: String { "stage '\(stage)' cannot run in a stream: \(reason)" }
}
