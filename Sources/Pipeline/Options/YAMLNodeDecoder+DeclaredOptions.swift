/// Decoding declared options with a ``YAMLNodeDecoder``, like any other value.
extension YAMLNodeDecoder {
    /// Decodes declared options from a mapping, reporting the first problem in file order.
    ///
    /// Use ``DeclaredOptions/init(node:keyPath:ignoredKeys:)`` to get every problem at once.
    ///
    /// - Parameters:
    ///   - type: The options type.
    ///   - node: The mapping holding the options.
    ///   - keyPath: The mapping's key path in its file, such as `stages[2]`.
    ///   - ignoredKeys: Keys of the mapping that are not options.
    /// - Returns: The options.
    /// - Throws: ``ConfigurationError``: the first of the problems found.
    public func decode<T: DeclaredOptions>(
        _ type: T.Type,
        from node: YAMLNode,
        keyPath: String = "",
        ignoredKeys: Set<String> = []
    ) throws(ConfigurationError) -> T {
        do {
            return try T(node: node, keyPath: keyPath, ignoredKeys: ignoredKeys)
        } catch {
            throw error.errors.min {
                ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
            }
                ?? ConfigurationError(
                    code: .invalidValue,
                    message: "invalid options",
                    location: node.location,
                    keyPath: keyPath
                )
        }
    }
}
