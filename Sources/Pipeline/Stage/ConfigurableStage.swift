/// A stage that can be declared in a pipeline file: it has a type name and is built from typed options.
///
/// ```swift
/// struct UppercaseStage: ConfigurableStage, DocumentStage {
///     struct Options: StageOptions { … }
///     static let typeName = "uppercase"
///     static let summary = "Upper-cases the text."
///     init(options: Options) throws { … }
///     func process(_ document: Document, context: StageContext) async throws -> StageResult { … }
/// }
/// try registry.register(UppercaseStage.self)
/// ```
///
/// # Requirements
/// `typeName` is short, lowercase, unique within a registry. `init(options:)` validates what decoding cannot
/// (e.g. compiles regular expressions) and throws a ``ConfigurationError`` (its location is filled in from the
/// stage's entry when left `nil`); it must not touch the file system: that belongs in ``Stage/prepare(context:)``.
public protocol ConfigurableStage: Stage {
    /// The stage's options, decoded from its entry in the pipeline file.
    associatedtype Options: StageOptions
    /// The name written after `type:` in a pipeline file.
    static var typeName: String { get }
    /// One sentence saying what the stage does, for `pipeline-run stages`.
    static var summary: String { get }
    /// Builds the stage from its options.
    /// - Parameter options: The decoded options.
    /// - Throws: ``ConfigurationError`` when the options are inconsistent.
    init(options: Options) throws
}

/// The options of a ``ConfigurableStage``, decoded from the stage's entry with a ``YAMLNodeDecoder``.
///
/// # Requirements
/// Every option has a default unless it is required, so implement `init(from:)` with `decodeIfPresent(...) ?? default`
/// and range checks (`decode(_:forKey:in:)`). Keys are snake_case. Keys the type never asks for are reported as
/// unknown with a suggestion. `documentation` lists every option for `pipeline-run stages`.
public protocol StageOptions: Decodable, Sendable {
    /// Every option: name, type, default and a one-line description.
    static var documentation: [OptionDocumentation] { get }
}

/// One option of a stage, as `pipeline-run stages` shows it.
public struct OptionDocumentation: Sendable, Hashable {
    /// The key in the pipeline file.
    public var name: String
    /// The value's type as a user reads it: "string", "integer 1...64", "one of jsonl, csv", "list of strings".
    public var type: String
    /// The default, as YAML; `nil` when the option is required.
    public var defaultValue: String?
    /// One line saying what it does.
    public var summary: String

    /// Describes an option.
    /// - Parameters:
    ///   - name: The key.
    ///   - type: The value's type, for readers.
    ///   - defaultValue: The default as YAML, or `nil` when required.
    ///   - summary: What it does.
    public init(_ name: String, type: String, defaultValue: String?, summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
