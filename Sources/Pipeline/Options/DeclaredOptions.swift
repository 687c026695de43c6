/// A set of options declared once, as a table of ``OptionDeclaration``s over a value holding every default.
///
/// Stage options conform through ``StageOptions``; the `input` and `output` sections of a pipeline file use the same
/// protocol. Decoding from YAML (``init(node:keyPath:ignoredKeys:)``), the text of `pipeline-run stages` and the JSON
/// Schema all come from ``declarations``:
///
/// ```swift
/// struct Options: StageOptions {
///     var threshold = 0.5
///     static let declarations: [OptionDeclaration<Self>] = [
///         .option("threshold", \.threshold, in: 0...1, help: "Similarity at which documents are duplicates."),
///     ]
/// }
/// ```
///
/// # Requirements
/// `init()` gives every option its default (a required option's initial value is a placeholder that decoding always
/// replaces). Each key appears once in `declarations`, in the order `pipeline-run stages` lists them. Rules between
/// options go in ``problems(given:)`` (default: none).
public protocol DeclaredOptions: Sendable {
    /// Options with every default.
    init()
    /// Every option, in the order they are documented.
    static var declarations: [OptionDeclaration<Self>] { get }
    /// The rules between options these decoded options break, such as a key one format requires and another rules
    /// out. Called after every value decoded without error.
    /// - Parameter keys: The keys the file gave.
    /// - Returns: One problem per broken rule; empty when the options are consistent.
    func problems(given keys: Set<String>) -> [OptionProblem]
}

extension DeclaredOptions {
    /// No rules between options.
    public func problems(given keys: Set<String>) -> [OptionProblem] { [] }

    /// Every option as `pipeline-run stages` shows it, defaults read from `Self()`.
    public static var documentation: [OptionDocumentation] {
        let defaults = Self()
        return declarations.map { $0.documentation(defaults: defaults) }
    }

    /// The key declared for a property, so a rule between options (``problems(given:)``) names an option without
    /// writing its key a second time: `Self.key(\.url)` is `"url"`.
    /// - Parameter property: A property that ``declarations`` declares.
    /// - Returns: Its key.
    public static func key(_ property: PartialKeyPath<Self>) -> String {
        guard let declaration = declarations.first(where: { $0.property == property }) else {
            preconditionFailure("\(Self.self) declares no option for \(property)")
        }
        return declaration.key
    }

    /// The declared keys, in order.
    public static var keys: [String] {
        declarations.map(\.key)
    }

    /// Decodes options from a mapping, collecting every problem: each unknown key (with a suggestion), each missing
    /// required key, each invalid value, located in the file.
    ///
    /// - Parameters:
    ///   - node: The mapping holding the options.
    ///   - keyPath: The mapping's key path, such as `stages[2]`; prefixes the key paths of errors.
    ///   - ignoredKeys: Keys of the mapping that belong to the caller (`type`, `name`...) and are not options.
    /// - Throws: ``ConfigurationErrors`` with every problem, in file order (missing keys at the mapping).
    public init(node: YAMLNode, keyPath: String = "", ignoredKeys: Set<String> = []) throws(ConfigurationErrors) {
        guard let entries = node.mapping else {
            throw ConfigurationErrors([
                ConfigurationError(
                    code: .typeMismatch,
                    message: "expected a mapping, found \(node.foundDescription)",
                    location: node.location,
                    keyPath: keyPath
                )
            ])
        }
        let declarations = Self.declarations
        var options = Self()
        var errors: [ConfigurationError] = []
        var present = Set<String>()
        var valueErrors = 0
        for entry in entries {
            let key = entry.key.scalar?.value ?? ""
            let valuePath = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            guard let declaration = declarations.first(where: { $0.key == key }) else {
                if !ignoredKeys.contains(key) {
                    errors.append(
                        ConfigurationError.unknownKey(
                            key,
                            at: entry.key.location,
                            keyPath: valuePath,
                            validKeys: Self.keys + ignoredKeys.sorted()
                        )
                    )
                }
                continue
            }
            present.insert(key)
            if entry.value.isNull, !declaration.isRequired { continue }
            let before = errors.count
            defer { if errors.count > before { valueErrors += 1 } }
            do {
                try declaration.assign(to: &options, from: entry.value, keyPath: valuePath)
            } catch {
                errors += ConfigurationErrors.collecting(error, at: entry.value.location, keyPath: valuePath)
            }
        }
        let written = entries.compactMap { $0.key.scalar?.value }
        for declaration in declarations where declaration.isRequired && !present.contains(declaration.key) {
            errors.append(
                ConfigurationError(
                    code: .missingKey,
                    message: "missing required key '\(declaration.key)'",
                    location: node.location,
                    keyPath: keyPath,
                    hint: NameSuggestion.closest(to: declaration.key, among: written).map {
                        "found '\($0)'; did you mean '\(declaration.key)'?"
                    }
                )
            )
        }
        if valueErrors == 0 {
            for problem in options.problems(given: present) {
                let value = entries.first { $0.key.scalar?.value == problem.key }?.value
                let hint = NameSuggestion.closest(to: problem.key, among: written).map {
                    "found '\($0)'; did you mean '\(problem.key)'?"
                }
                errors.append(
                    ConfigurationError(
                        code: problem.isMissing ? .missingKey : .invalidValue,
                        message: problem.message,
                        location: value?.location ?? node.location,
                        keyPath: value == nil ? keyPath : (keyPath.isEmpty ? problem.key : "\(keyPath).\(problem.key)"),
                        hint: problem.isMissing ? hint : nil
                    )
                )
            }
        }
        guard errors.isEmpty else {
            let sorted = errors.enumerated().sorted {
                ($0.element.location?.line ?? 0, $0.element.location?.column ?? 0, $0.offset)
                    < ($1.element.location?.line ?? 0, $1.element.location?.column ?? 0, $1.offset)
            }
            throw ConfigurationErrors(sorted.map(\.element))
        }
        self = options
    }
}
