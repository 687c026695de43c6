/// The keys every stage entry takes besides its own options, declared once like a stage's: the loader decodes them
/// from these declarations, and `pipeline-run stages` and `stages --json-schema` document them from the same table.
///
/// ```yaml
/// stages:
///   - type: entities          # picks the stage (not an option: its problems need the registry's names)
///     name: people            # StageEntryOptions.name
///     concurrency: 2          # StageEntryOptions.concurrency
///     on_error: dead-letter   # StageEntryOptions.errorPolicy
/// ```
public struct StageEntryOptions: DeclaredOptions, Hashable {
    /// The stage's unique name in the pipeline; `nil` gives it its type name.
    public var name: String?
    /// How many documents the stage processes at once; `nil` leaves it to the runner (the number of cores).
    public var concurrency: Int?
    /// What a failing document does.
    public var errorPolicy = ErrorPolicy.fail

    /// Creates the defaults.
    public init() {}

    /// The common keys.
    public static let declarations: [OptionDeclaration<Self>] = [
        .option("name", \.name, help: "The stage's unique name in the pipeline.", defaultText: "the type"),
        .option(
            "concurrency",
            \.concurrency,
            in: 1...1024,
            help: "Documents processed at once.",
            defaultText: "the number of cores"
        ),
        .option(
            "on_error",
            \.errorPolicy,
            help: "What a failing document does: fail the run, skip it (dropped), or go to the dead-letter output."
        ),
    ]

    /// The key that picks the stage type.
    public static let typeKey = "type"

    /// Every key of a stage entry that is not one of the stage's own options: ``typeKey`` and the declared keys.
    public static var reservedKeys: Set<String> { Set(keys).union([typeKey]) }
}

extension ErrorPolicy: ConfigurationEnum {}
