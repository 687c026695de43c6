/// One option of a stage (or of a section of the pipeline file), declared once: its key, the property it sets, its
/// type with any range, whether it is required, and a line of help. The default is the property's initial value.
///
/// Decoding, `pipeline-run stages` and `stages --json-schema` all read the declarations, so nothing is written
/// twice:
///
/// ```swift
/// struct Options: StageOptions {
///     var keywords: [String] = []
///     var field = "keywords"
///     var limit = 10
///
///     static let declarations: [OptionDeclaration<Self>] = [
///         .required("keywords", \.keywords, help: "Keywords to find.", check: { $0.isEmpty ? "expected a keyword" : nil }),
///         .option("field", \.field, help: "The field receiving the keywords found."),
///         .option("limit", \.limit, in: 1...100, help: "Most keywords kept per document."),
///     ]
/// }
/// ```
///
/// A key path may reach into a nested configuration (`\.configuration.minimumLength`), so a stage whose engine has
/// its own configuration type keeps each default in that type only.
///
/// # Decoding
/// A present, non-null value is read with its type's ``OptionValue/init(option:keyPath:)``, then checked against the
/// range (`expected a value between 1 and 100, found 0`, code `.outOfRange`) and the `check` (code `.invalidValue`),
/// each error located at the value. A null value leaves the default in place; a required option must be present.
public struct OptionDeclaration<Options: DeclaredOptions>: Sendable {
    /// The key in the pipeline file (snake_case).
    public let key: String
    /// One line saying what the option does.
    public let help: String
    /// The value's type, with its range.
    public let type: OptionType
    /// Whether the file must give the option.
    public let isRequired: Bool
    /// What `pipeline-run stages` shows as the default when the property's initial value does not say it (such as
    /// `out/<name>.state.json` for a path derived at run time); `nil` to show the initial value.
    public let defaultText: String?

    /// The property the option sets, so rules between options can name it by key path (``DeclaredOptions/key(_:)``).
    let property: PartialKeyPath<Options> & Sendable
    private let read: @Sendable (Options) -> (json: JSONValue?, text: String)
    private let assign: @Sendable (inout Options, YAMLNode, String) throws -> Void

    private init<Value: OptionValue>(
        key: String,
        keyPath: WritableKeyPath<Options, Value> & Sendable,
        type: OptionType,
        isRequired: Bool,
        help: String,
        defaultText: String?,
        validate: @escaping @Sendable (Value, YAMLNode, String) throws -> Void
    ) {
        self.key = key
        self.property = keyPath
        self.help = help
        self.type = type
        self.isRequired = isRequired
        self.defaultText = defaultText
        self.read = { options in
            let value = options[keyPath: keyPath]
            return (value.optionJSON, value.optionText)
        }
        self.assign = { options, node, path in
            let value = try Value(option: node, keyPath: path)
            try validate(value, node, path)
            options[keyPath: keyPath] = value
        }
    }

    /// Declares an optional option; its default is the property's initial value.
    ///
    /// - Parameters:
    ///   - key: The key in the pipeline file.
    ///   - keyPath: The property it sets.
    ///   - help: One line saying what it does.
    ///   - defaultText: The default as shown, when the initial value does not say it (e.g. a value derived later).
    ///   - check: Returns a message when a value of the right type is still not acceptable (`expected a
    ///     non-empty path`), `nil` when it is.
    /// - Returns: The declaration.
    public static func option<Value: OptionValue>(
        _ key: String,
        _ keyPath: WritableKeyPath<Options, Value> & Sendable,
        help: String,
        defaultText: String? = nil,
        check: (@Sendable (Value) -> String?)? = nil
    ) -> Self {
        checked(key, keyPath, isRequired: false, help: help, defaultText: defaultText, check: check)
    }

    /// Declares an optional option whose value must lie in a range.
    ///
    /// - Parameters:
    ///   - key: The key in the pipeline file.
    ///   - keyPath: The property it sets.
    ///   - range: The accepted values.
    ///   - help: One line saying what it does.
    ///   - defaultText: The default as shown, when the initial value does not say it.
    /// - Returns: The declaration.
    public static func option<Value: BoundedOptionValue>(
        _ key: String,
        _ keyPath: WritableKeyPath<Options, Value> & Sendable,
        in range: ClosedRange<Value>,
        help: String,
        defaultText: String? = nil
    ) -> Self {
        bounded(key, keyPath, in: range, help: help, defaultText: defaultText) { $0 }
    }

    /// Declares an option that may be left out (its default is `nil`) and whose value must lie in a range.
    ///
    /// - Parameters:
    ///   - key: The key in the pipeline file.
    ///   - keyPath: The optional property it sets.
    ///   - range: The accepted values.
    ///   - help: One line saying what it does.
    ///   - defaultText: The default as shown, when `none` does not say it (`0.4 when no length is set`).
    /// - Returns: The declaration.
    public static func option<Value: BoundedOptionValue>(
        _ key: String,
        _ keyPath: WritableKeyPath<Options, Value?> & Sendable,
        in range: ClosedRange<Value>,
        help: String,
        defaultText: String? = nil
    ) -> Self {
        bounded(key, keyPath, in: range, help: help, defaultText: defaultText) { $0 }
    }

    /// Declares an option the file must give. The property's initial value is a placeholder nobody sees.
    ///
    /// - Parameters:
    ///   - key: The key in the pipeline file.
    ///   - keyPath: The property it sets.
    ///   - help: One line saying what it does.
    ///   - check: Returns a message when a value of the right type is still not acceptable, `nil` when it is.
    /// - Returns: The declaration.
    public static func required<Value: OptionValue>(
        _ key: String,
        _ keyPath: WritableKeyPath<Options, Value> & Sendable,
        help: String,
        check: (@Sendable (Value) -> String?)? = nil
    ) -> Self {
        checked(key, keyPath, isRequired: true, help: help, defaultText: nil, check: check)
    }

    /// A declaration whose value passes `check`, if any.
    private static func checked<Value: OptionValue>(
        _ key: String,
        _ keyPath: WritableKeyPath<Options, Value> & Sendable,
        isRequired: Bool,
        help: String,
        defaultText: String?,
        check: (@Sendable (Value) -> String?)?
    ) -> Self {
        Self(
            key: key,
            keyPath: keyPath,
            type: Value.optionType,
            isRequired: isRequired,
            help: help,
            defaultText: defaultText,
            validate: { value, node, path in try Self.check(value, check, node: node, keyPath: path) }
        )
    }

    /// An optional declaration whose value, when `bound` gives one, lies in `range`.
    private static func bounded<Stored: OptionValue, Value: BoundedOptionValue>(
        _ key: String,
        _ keyPath: WritableKeyPath<Options, Stored> & Sendable,
        in range: ClosedRange<Value>,
        help: String,
        defaultText: String?,
        bound: @escaping @Sendable (Stored) -> Value?
    ) -> Self {
        Self(
            key: key,
            keyPath: keyPath,
            type: Value.optionType(in: range),
            isRequired: false,
            help: help,
            defaultText: defaultText,
            validate: { stored, node, path in
                if let value = bound(stored) { try Self.check(value, in: range, node: node, keyPath: path) }
            }
        )
    }

    /// Sets the option from its node.
    /// - Parameters:
    ///   - options: The options to change.
    ///   - node: The value's node.
    ///   - keyPath: The value's key path, for errors.
    /// - Throws: ``ConfigurationError`` when the value is invalid.
    func assign(to options: inout Options, from node: YAMLNode, keyPath: String) throws {
        try assign(&options, node, keyPath)
    }

    /// The option as `pipeline-run stages` and the JSON Schema show it, its default read from `defaults`.
    /// - Parameter defaults: Options with every default.
    /// - Returns: The documentation.
    func documentation(defaults: Options) -> OptionDocumentation {
        let (json, text) = read(defaults)
        return OptionDocumentation(
            key: key,
            type: type,
            help: help,
            isRequired: isRequired,
            defaultValue: isRequired ? nil : json,
            defaultText: isRequired ? nil : (defaultText ?? text)
        )
    }

    private static func check<Value>(
        _ value: Value,
        _ check: (@Sendable (Value) -> String?)?,
        node: YAMLNode,
        keyPath: String
    ) throws {
        guard let message = check?(value) else { return }
        throw ConfigurationError(code: .invalidValue, message: message, location: node.location, keyPath: keyPath)
    }

    private static func check<Value: BoundedOptionValue>(
        _ value: Value,
        in range: ClosedRange<Value>,
        node: YAMLNode,
        keyPath: String
    ) throws {
        guard !range.contains(value) else { return }
        let found = node.scalar?.isSensitive == true ? "a redacted value" : value.description
        throw ConfigurationError(
            code: .outOfRange,
            message: "expected a value between \(range.lowerBound) and \(range.upperBound), found \(found)",
            location: node.location,
            keyPath: keyPath
        )
    }
}
