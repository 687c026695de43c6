/// Several configuration errors at once, so that validation can report them all.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    /// The errors, in the order they were found.
    public var errors: [ConfigurationError]

    /// Creates a collection of errors.
    ///
    /// - Parameter errors: The errors, in the order they were found.
    public init(_ errors: [ConfigurationError]) {
        self.errors = errors
    }

    /// Each error's description, one after the other, separated by newlines.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
