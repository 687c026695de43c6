/// A rule between options that decoded options break, reported by ``DeclaredOptions/problems(given:)``: a key
/// that only one setting of another option requires, or that another option rules out.
///
/// ```swift
/// func problems(given keys: Set<String>) -> [OptionProblem] {
///     format == .postgres && url == nil ? [.invalid("url", "expected a connection URL for format postgres")] : []
/// }
/// ```
public struct OptionProblem: Sendable, Hashable {
    /// The option the problem is about; the error is located at its value, or at the mapping when it is absent.
    public let key: String
    /// What is wrong, such as `format postgres writes to url, not to a path`.
    public let message: String
    /// Whether the option is missing (`missing required key 'path'`, code `.missingKey`).
    public let isMissing: Bool

    /// A key the file must give in this case but did not.
    /// - Parameter key: The option's key.
    /// - Returns: The problem, reported as `missing required key 'key'`.
    public static func missing(_ key: String) -> OptionProblem {
        OptionProblem(key: key, message: "missing required key '\(key)'", isMissing: true)
    }

    /// A value (or the absence of one) that the other options do not allow.
    /// - Parameters:
    ///   - key: The option's key.
    ///   - message: What is wrong.
    /// - Returns: The problem, reported with code `.invalidValue`.
    public static func invalid(_ key: String, _ message: String) -> OptionProblem {
        OptionProblem(key: key, message: message, isMissing: false)
    }
}
