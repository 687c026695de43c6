/// A node of a parsed YAML document: a scalar, a sequence or a mapping, with its position in the file.
///
/// Nodes are plain values. Aliases are resolved by the parser into copies of the anchored node, so a tree never
/// refers to itself.
public struct YAMLNode: Sendable, Hashable {
    /// What a node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar such as `42`, `"text"` or a block scalar.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in file order.
        case sequence([YAMLNode])
        /// A mapping, as entries in file order; keys are unique scalars.
        case mapping([YAMLMappingEntry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts in the file.
    public var location: SourceLocation
    /// The node's explicit tag, if any, with the standard prefix shortened (`!!str`, `!!int`, `!custom`).
    public var tag: String?

    /// Creates a node.
    ///
    /// - Parameters:
    ///   - content: What the node holds.
    ///   - location: Where the node starts.
    ///   - tag: The explicit tag, if any.
    public init(_ content: Content, location: SourceLocation, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
    }

    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The elements, when the node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    /// The entries, when the node is a mapping.
    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// Whether the node is a null scalar: `null`, `Null`, `NULL`, `~` or nothing at all, unquoted.
    public var isNull: Bool {
        guard let scalar, isPlainTyped else { return false }
        return tag == "!!null" || YAMLScalar.isNullLiteral(scalar.value)
    }

    /// Looks up a key in a mapping node.
    ///
    /// - Parameter key: The key's text.
    /// - Returns: The value for `key`, or `nil` when the node is not a mapping or has no such key.
    public subscript(key: String) -> YAMLNode? {
        guard let entries = mapping else { return nil }
        for entry in entries where entry.key.scalar?.value == key {
            return entry.value
        }
        return nil
    }

    /// A short description of the node for error messages: `a mapping`, `a sequence`, `null`, `the number 1.5`,
    /// `the boolean true` or `a string "text"`.
    ///
    /// A sensitive scalar is described without its value.
    public var kindDescription: String {
        switch content {
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a sequence"
        case .scalar(let scalar):
            if scalar.isSensitive { return "a redacted value" }
            if isNull { return "null" }
            if isPlainTyped {
                if YAMLScalar.boolLiteral(scalar.value) != nil { return "the boolean \(scalar.value)" }
                if YAMLScalar.isIntegerLiteral(scalar.value) || YAMLScalar.isFloatLiteral(scalar.value) {
                    return "the number \(scalar.value)"
                }
            }
            return "a string \(YAMLScalar.quoted(scalar.value))"
        }
    }

    /// Whether a scalar node may be read as null, a boolean or a number: it is plain and untagged, or it carries one
    /// of the standard non-string tags.
    var isPlainTyped: Bool {
        guard let scalar else { return false }
        switch tag {
        case nil:
            return scalar.style == .plain
        case "!!null", "!!bool", "!!int", "!!float":
            return true
        default:
            return false
        }
    }

    /// How the decoder names the node after "found": `a mapping`, `a sequence`, `null`, a plain value as written
    /// (`1.5`, `true`, `"abc"`) or `the string "123"` for a quoted scalar.
    var foundDescription: String {
        switch content {
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a sequence"
        case .scalar(let scalar):
            if scalar.isSensitive { return "a redacted value" }
            if isNull { return "null" }
            guard isPlainTyped else { return "the string \(YAMLScalar.quoted(scalar.value))" }
            if YAMLScalar.boolLiteral(scalar.value) != nil || YAMLScalar.isIntegerLiteral(scalar.value)
                || YAMLScalar.isFloatLiteral(scalar.value)
            {
                return scalar.value
            }
            return YAMLScalar.quoted(scalar.value)
        }
    }
}
