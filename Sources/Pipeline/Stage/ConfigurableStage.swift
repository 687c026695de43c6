/// A stage that can be declared in a pipeline file: it has a type name and is built from typed options.
///
/// ```swift
/// struct UppercaseStage: ConfigurableStage, DocumentStage {
///     struct Options: StageOptions {
///         var locale = "en"
///         static let declarations: [OptionDeclaration<Self>] = [.option("locale", \.locale, help: "The locale.")]
///     }
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

/// The options of a ``ConfigurableStage``: a value with every default and one ``OptionDeclaration`` per option.
///
/// ```swift
/// struct Options: StageOptions {
///     var field = "keywords"
///     var dropUntagged = false
///
///     static let declarations: [OptionDeclaration<Self>] = [
///         .option("field", \.field, help: "The field receiving the keywords found."),
///         .option("drop_untagged", \.dropUntagged, help: "Drop documents with no keyword."),
///     ]
/// }
/// ```
///
/// # Requirements
/// Those of ``DeclaredOptions``: `init()` sets every default, each key (snake_case) is declared once. The registry
/// decodes the stage's entry with ``DeclaredOptions/init(node:keyPath:ignoredKeys:)``: unknown keys are reported with
/// a suggestion, values are type-, range- and choice-checked, and every problem of the entry is reported at once.
public protocol StageOptions: DeclaredOptions {}
