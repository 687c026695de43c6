/// The stage types a pipeline file may use, by type name.
///
/// A registry is a value: `pipeline-run` builds one with the built-in stages, and a custom binary adds its own
/// types before handing it to the same entry point. There is no global registry.
///
/// ```swift
/// var registry = StageRegistry.builtIn      // from the Stages module
/// try registry.register(KeywordTaggerStage.self)
/// ```
/// Type names are unique: registering a second type under a name already taken throws
/// ``StageRegistrationError`` rather than silently replacing the first.
public struct StageRegistry: Sendable {
    /// What `pipeline-run stages` shows of a registered type.
    public struct Entry: Sendable {
        /// The name written after `type:`.
        public var typeName: String
        /// One sentence saying what the stage does.
        public var summary: String
        /// The stage's options.
        public var options: [OptionDocumentation]
        fileprivate var make: @Sendable (YAMLNode, String, Set<String>) throws -> any Stage
        fileprivate var swiftType: String
    }

    private var entries: [String: Entry] = [:]
    /// Input formats for files the core does not read itself, in registration order.
    public private(set) var inputFormats: [any InputFormat] = []

    /// Adds an input format, replacing any format of the same name.
    /// - Parameter format: The format.
    public mutating func register(inputFormat format: any InputFormat) {
        inputFormats.removeAll { $0.name == format.name }
        inputFormats.append(format)
    }

    /// The sink a run adds when the pipeline has none, or `run --output` names a file its sinks cannot write.
    public private(set) var defaultSink: DefaultDocumentSink?

    /// Sets the default sink, replacing any earlier one.
    /// - Parameter sink: The sink.
    public mutating func register(defaultSink sink: DefaultDocumentSink) {
        defaultSink = sink
    }

    /// Creates an empty registry.
    public init() {}

    /// Adds a stage type.
    /// - Parameter type: The stage type.
    /// - Throws: ``StageRegistrationError`` with ``StageRegistrationError/Code/duplicateTypeName`` when a type is
    ///   already registered under `S.typeName`; the registry is then unchanged.
    public mutating func register<S: ConfigurableStage>(_ type: S.Type) throws(StageRegistrationError) {
        if let registered = entries[S.typeName] {
            throw StageRegistrationError(
                code: .duplicateTypeName,
                typeName: S.typeName,
                registeredType: registered.swiftType,
                addedType: String(describing: S.self)
            )
        }
        entries[S.typeName] = Entry(
            typeName: S.typeName,
            summary: S.summary,
            options: S.Options.documentation,
            make: { node, keyPath, commonKeys in
                let options = try S.Options(node: node, keyPath: keyPath, ignoredKeys: commonKeys)
                return try S(options: options)
            },
            swiftType: String(describing: S.self)
        )
    }

    /// A copy of this registry with one more stage type.
    /// - Parameter type: The stage type.
    /// - Returns: The extended registry.
    /// - Throws: ``StageRegistrationError`` when a type is already registered under `S.typeName`.
    public func registering<S: ConfigurableStage>(_ type: S.Type) throws(StageRegistrationError) -> StageRegistry {
        var copy = self
        try copy.register(type)
        return copy
    }

    /// The registered types, sorted by name.
    public var types: [Entry] {
        entries.values.sorted { $0.typeName < $1.typeName }
    }

    /// The registered type names, sorted.
    public var typeNames: [String] { entries.keys.sorted() }

    /// The entry for a type name, if registered.
    /// - Parameter typeName: The name written after `type:`.
    public func entry(named typeName: String) -> Entry? {
        entries[typeName]
    }

    /// Builds a stage from its entry in a pipeline file.
    /// - Parameters:
    ///   - typeName: The stage's type.
    ///   - node: The stage's mapping (its options and the common keys).
    ///   - keyPath: The entry's key path, e.g. `stages[2]`, for errors.
    ///   - commonKeys: Keys of the mapping that are not options (`type`, `name`, `concurrency`, `on_error`).
    /// - Returns: The stage.
    /// - Throws: ``ConfigurationError`` for an unknown type or a stage that rejects its options, or
    ///   ``ConfigurationErrors`` with every invalid, unknown or missing option of the entry.
    public func makeStage(
        typeName: String,
        options node: YAMLNode,
        keyPath: String,
        commonKeys: Set<String>
    ) throws -> any Stage {
        guard let entry = entries[typeName] else {
            throw ConfigurationError(
                code: .invalidValue,
                message: "unknown stage type '\(typeName)'",
                location: node["type"]?.location,
                keyPath: keyPath.isEmpty ? "type" : keyPath + ".type",
                hint: NameSuggestion.didYouMean(typeName, among: typeNames)
                    ?? "known types: \(typeNames.joined(separator: ", "))"
            )
        }
        do {
            return try entry.make(node, keyPath, commonKeys)
        } catch var error as ConfigurationError {
            if error.location == nil { error.location = node.location }
            if error.keyPath.isEmpty { error.keyPath = keyPath }
            throw error
        }
    }
}
