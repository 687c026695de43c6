/// A pipeline file compiled into what the runner executes: validated, immutable, with every stage built.
public struct PipelinePlan: Sendable {
    /// One stage of the plan.
    public struct PlannedStage: Sendable {
        /// Its unique name in the pipeline (`name`, or the type name, numbered when repeated).
        public var name: String
        /// Its type name.
        public var typeName: String
        /// Its parallelism bound, if set in the file; the runner's default otherwise.
        public var concurrency: Int?
        /// Its `on_error` policy.
        public var errorPolicy: ErrorPolicy
        /// The stage itself.
        public var stage: any Stage
        /// Where its entry starts in the pipeline file.
        public var location: SourceLocation?

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
    public var name: String
    /// What to read.
    public var input: InputOptions
    /// Side outputs.
    public var output: OutputOptions
    /// The stages, in order.
    public var stages: [PlannedStage]
    /// Input formats available to the reader (from the registry).
    public var inputFormats: [any InputFormat] = []

    /// Creates a plan.
    /// - Parameters:
    ///   - name: The pipeline's name.
    ///   - input: What to read.
    ///   - output: Side outputs.
    ///   - stages: The stages in order.
    public init(name: String, input: InputOptions, output: OutputOptions = OutputOptions(), stages: [PlannedStage]) {
        self.name = name
        self.input = input
        self.output = output
        self.stages = stages
    }

    /// The state path: the configured one, or `out/<name>.state.json`.
    public var statePath: String {
        output.statePath ?? "out/\(name).state.json"
    }

    /// The dead-letter path: the configured one, or `out/<name>.dead-letter.jsonl`.
    public var deadLetterPath: String {
        output.deadLetterPath ?? "out/\(name).dead-letter.jsonl"
    }
}
