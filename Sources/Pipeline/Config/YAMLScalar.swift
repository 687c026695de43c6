/// The text of a YAML scalar together with how it was written.
///
/// The style matters for typing: a quoted scalar is always a string, while a plain scalar may also be read as a
/// number, a boolean or null.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written in the source.
    public enum Style: Sendable, Hashable {
        /// An unquoted scalar: `name: value`.
        case plain
        /// A single-quoted scalar: `'value'`.
        case singleQuoted
        /// A double-quoted scalar with escapes: `"value\n"`.
        case doubleQuoted
        /// A literal block scalar: `|`.
        case literal
        /// A folded block scalar: `>`.
        case folded
    }

    /// The scalar's value after unescaping, folding and chomping.
    public var value: String
    /// How the scalar was written.
    public var style: Style
    /// Whether the value came from `${VAR}` interpolation under a key that looks secret.
    ///
    /// Error messages never include a sensitive value.
    public var isSensitive: Bool

    /// Creates a scalar.
    ///
    /// - Parameters:
    ///   - value: The scalar's text.
    ///   - style: How it was written; defaults to ``Style/plain``.
    ///   - isSensitive: Whether the value must be kept out of messages.
    public init(value: String, style: Style = .plain, isSensitive: Bool = false) {
        self.value = value
        self.style = style
        self.isSensitive = isSensitive
    }
}
