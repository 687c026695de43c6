/// A pipeline file compiled into what the runner executes: validated, immutable, with every stage built.
///
/// A plan is never changed in place. The variants a command needs are derived from it by functions that return a
/// new plan, asking each stage through its capabilities (``FileOutputStage``, ``StreamModeStage``,
/// ``DocumentSinkStage``) rather than its type:
///
/// ```
///  loader.plan(from:) ──▶ plan ─┬─ sharded(shard)            every file output written as the shard's part
///                               ├─ forStream(textField:)     standard input to standard output, sinks left out
///                               ├─ isolatedFromFiles()       each stage as in a stream, input kept (for tests)
///                               ├─ replacingInput(_:)        another input section
///                               ├─ replacingOutput(_:)       other side outputs (dead letters, statistics, state)
///                               └─ replacingStages(_:)       other stages (e.g. one swapped for another)
/// ```
public struct PipelinePlan: Sendable {
    /// One stage of the plan.
    public struct PlannedStage: Sendable {
        /// Its unique name in the pipeline (`name`, or the type name, numbered when repeated).
        public let name: String
        /// Its type name.
        public let typeName: String
        /// Its parallelism bound, if set in the file; the runner's default otherwise.
        public let concurrency: Int?
        /// Its `on_error` policy.
        public let errorPolicy: ErrorPolicy
        /// The stage itself.
        public let stage: any Stage
        /// Where its entry starts in the pipeline file.
        public let location: SourceLocation?

        /// Creates a planned stage.
        /// - Parameters:
        ///   - name: Its unique name.
        ///   - typeName: Its type name.
        ///   - concurrency: Its parallelism bound, if set.
        ///   - errorPolicy: Its `on_error` policy.
        ///   - stage: The stage.
        ///   - location: Where it is declared.
        public init(
            name: String,
            typeName: String,
            concurrency: Int? = nil,
            errorPolicy: ErrorPolicy = .fail,
            stage: any Stage,
            location: SourceLocation? = nil
        ) {
            self.name = name
            self.typeName = typeName
            self.concurrency = concurrency
            self.errorPolicy = errorPolicy
            self.stage = stage
            self.location = location
        }
    }

    /// The pipeline's name.
    public let name: String
    /// What to read.
    public let input: InputOptions
    /// Side outputs.
    public let output: OutputOptions
    /// The stages, in order.
    public let stages: [PlannedStage]
    /// Input formats available to the reader (from the registry).
    public let inputFormats: [any InputFormat]

    /// Creates a plan.
    /// - Parameters:
    ///   - name: The pipeline's name.
    ///   - input: What to read.
    ///   - output: Side outputs.
    ///   - stages: The stages in order.
    ///   - inputFormats: Input formats available to the reader (from the registry).
    public init(
        name: String,
        input: InputOptions,
        output: OutputOptions = OutputOptions(),
        stages: [PlannedStage],
        inputFormats: [any InputFormat] = []
    ) {
        self.name = name
        self.input = input
        self.output = output
        self.stages = stages
        self.inputFormats = inputFormats
    }
}
