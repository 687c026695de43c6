/// One `key: value` pair of a YAML mapping.
///
/// The key is always a scalar node; entries keep the order of the file.
public struct YAMLMappingEntry: Sendable, Hashable {
    /// The key node, always a scalar.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - key: The key node, a scalar.
    ///   - value: The value node.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
