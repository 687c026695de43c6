import AsyncAlgorithms
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a ``PipelinePlan``: reads the input, streams it through the stages, writes dead letters, and reports.
///
/// ```
///   reader task ──ch0──▶ stage 0 task ──ch1──▶ stage 1 task ──ch2──▶ … ──chN──▶ terminal task
///   (blocking reads,      (DocumentStage: up to `concurrency`          (counts written documents,
///    batches of ≤32)       batches at once, order kept)                 writes dead letters in order)
/// ```
/// Every task is a child of one task group: an error anywhere cancels everything, and every channel is a rendezvous
/// (a send waits for the receiver), so memory is bounded by the batches in flight, not by the corpus.
///
/// A graceful stop (``ShutdownSignal``) stops the reader; in-flight documents drain through every stage, outputs are
/// committed and the report says the run was interrupted.
public struct PipelineRunner: Sendable {
    /// The plan to run.
    public var plan: PipelinePlan
    /// The logger for the run; stages get one with their name in the metadata.
    public var logger: Logger
    /// The parallelism of stages that do not set `concurrency` (default: the number of cores).
    public var defaultConcurrency: Int
    /// When set, the parallelism of every stage, whatever the pipeline file says.
    public var concurrencyOverride: Int?
    /// An identifier of the run.
    public var runID: String
    /// How many documents and bytes travel together between stages.
    var batchLimit = BatchLimit.standard
    /// When set, this run resumes an earlier one: the first `resumeAfter` input records (which the earlier run
    /// completed) are skipped, and output stages add to what the earlier run committed.
    public var resumeAfter: Int?
    /// Whether output stages that add to earlier runs' files append to them in place rather than to a copy (an
    /// incremental run, whose ledger cuts back what a killed run appended); only matters with ``resumeAfter``.
    public var appendsOutputsInPlace = false
    /// What file outputs and the dead-letter file do with what earlier runs committed.
    var existingFileContent: AtomicFileWriter.ExistingContent {
        resumeAfter == nil ? .replaced : appendsOutputsInPlace ? .appendedInPlace : .copied
    }
    /// When set, updated while the run goes on (for progress displays and metrics).
    public var monitor: RunMonitor?
    /// The part of the input this process handles (`run --shard i/N`); default all of it.
    public var shard: Shard = .whole
    /// When set, the run is a stream filter: the documents that come out of the last stage are written to standard
    /// output in input order (and, one-to-one, a status line for each removed document), and no dead-letter file
    /// is written.
    public var stream: StreamOutput?
    /// When set (an incremental run), outputs that record the ledger position hand their last transaction here
    /// (``StageContext/heldCommits``) for the caller to commit after the run; a failed run discards them.
    public var heldCommits: HeldCommits?
    /// The files to read instead of expanding the plan's input paths (an incremental run's new slices).
    public var inputExpansion: InputExpander.Expansion?
    /// The most documents that travel together between stages (1 for request/response streams).
    public var documentsPerBatch: Int {
        get { batchLimit.entries }
        set { batchLimit.entries = max(1, newValue) }
    }

    /// Creates a runner.
    /// - Parameters:
    ///   - plan: The plan.
    ///   - logger: The run's logger.
    ///   - defaultConcurrency: Parallelism of stages that do not set it (default: cores).
    ///   - concurrencyOverride: Parallelism of every stage, when set.
    ///   - runID: The run's identifier (default: UTC time and process id).
    public init(
        plan: PipelinePlan,
        logger: Logger,
        defaultConcurrency: Int = PipelineRunner.coreCount,
        concurrencyOverride: Int? = nil,
        runID: String = PipelineRunner.makeRunID()
    ) {
        self.plan = plan
        self.logger = logger
        self.defaultConcurrency = max(1, defaultConcurrency)
        self.concurrencyOverride = concurrencyOverride
        self.runID = runID
    }

    /// The number of cores available to this process.
    public static var coreCount: Int {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #endif
    }

    /// A run identifier: the UTC time to the second and the process id, e.g. `20261129T233506Z-4242`.
    public static func makeRunID() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z-\(getpid())"
    }

    /// Runs the plan over its configured input.
    /// - Parameter shutdown: Requests a graceful stop.
    /// - Returns: The report.
    /// - Throws: ``FileAccessError`` when the input paths or outputs are unusable, ``StageFailure`` or a stage's
    ///   error when the run fails.
    public func run(shutdown: ShutdownSignal = ShutdownSignal()) async throws -> RunReport {
        let options = plan.input
        let formats = plan.inputFormats
        var expander = InputExpander(options: options, formats: formats)
        expander.shard = shard
        let expansion = try inputExpansion ?? expander.expand()
        let shard = self.shard
        return try await run(
            reader: {
                let reader = InputFileReader(
                    expansion: expansion,
                    options: options,
                    shutdown: shutdown,
                    formats: formats
                )
                guard shard.count > 1, options.split == .record else { return reader }
                return ShardRecordFilter(base: reader, shard: shard)
            },
            shutdown: shutdown
        )
    }

    /// Runs the plan over the records a reader produces.
    /// - Parameters:
    ///   - makeReader: Makes the reader; called once, inside the reading task.
    ///   - shutdown: Requests a graceful stop.
    /// - Returns: The report.
    /// - Throws: A stage's error or ``StageFailure`` when the run fails; outputs are then left as they were.
    public func run(
        reader makeReader: @escaping @Sendable () -> any DocumentReader,
        shutdown: ShutdownSignal = ShutdownSignal()
    ) async throws -> RunReport {
        let started = ContinuousClock.now
        let cpuAtStart = ResourceUsage.cpuSeconds
        let completion = RunCompletion()
        let contexts = makeContexts(completion: completion)
        try await prepareStages(contexts: contexts)
        let recorders = plan.stages.map { StageStatisticsRecorder(name: $0.name, typeName: $0.typeName) }
        monitor?.start(recorders: recorders, counters: contexts.map(\.counters))
        defer { monitor?.finish() }
        let (input, terminal): (InputTotals, TerminalTotals)
        do {
            (input, terminal) = try await runTasks(
                reader: makeReader,
                contexts: contexts,
                recorders: recorders,
                completion: completion,
                shutdown: shutdown
            )
        } catch {
            heldCommits?.discardAll()
            throw error
        }
        var report = RunReport(pipeline: plan.name, runID: runID)
        report.inputRecords = input.records
        report.invalidInput = input.invalid
        report.inputBytes = input.bytes
        report.written = terminal.written
        report.dropped = terminal.dropped
        report.deadLettered = terminal.deadLettered
        report.stages = zip(recorders, contexts).map { recorder, context in
            var statistics = recorder.snapshot
            statistics.counters = context.counters.snapshot
            return statistics
        }
        report.wallSeconds = (ContinuousClock.now - started).seconds
        report.cpuSeconds = ResourceUsage.cpuSeconds - cpuAtStart
        report.peakResidentBytes = ResourceUsage.peakResidentBytes
        report.interruption = shutdown.reason
        report.deadLetterPath = plan.deadLetterPath
        report.resumedAfter = resumeAfter ?? 0
        return report
    }

    // MARK: Steps of a run

    /// One context per stage: its name, logger, parallelism and policy, sharing the run's completion.
    private func makeContexts(completion: RunCompletion) -> [StageContext] {
        plan.stages.enumerated().map { index, planned -> StageContext in
            var stageLogger = logger
            stageLogger[metadataKey: "stage"] = "\(planned.name)"
            var context = StageContext(
                name: planned.name,
                typeName: planned.typeName,
                index: index,
                concurrency: concurrencyOverride ?? planned.concurrency ?? defaultConcurrency,
                errorPolicy: planned.errorPolicy,
                logger: stageLogger,
                runID: runID,
                completion: completion
            )
            context.isResuming = resumeAfter != nil
            context.existingFileContent = existingFileContent
            context.heldCommits = heldCommits
            return context
        }
    }

    /// Prepares every stage, then the dead-letter folder, before the first document is read.
    private func prepareStages(contexts: [StageContext]) async throws {
        for (planned, context) in zip(plan.stages, contexts) {
            try await planned.stage.prepare(context: context)
        }
        if stream == nil, plan.deadLetterPath != "-" {
            try AtomicFileWriter.createParentDirectory(of: plan.deadLetterPath)
        }
    }

    /// Runs the reader, every stage and the terminal task as children of one task group, joined by rendezvous
    /// channels; succeeds the run's completion when the terminal task has seen the end of the stream.
    private func runTasks(
        reader makeReader: @escaping @Sendable () -> any DocumentReader,
        contexts: [StageContext],
        recorders: [StageStatisticsRecorder],
        completion: RunCompletion,
        shutdown: ShutdownSignal
    ) async throws -> (InputTotals, TerminalTotals) {
        let channels = (0...plan.stages.count).map { _ in AsyncChannel<DocumentBatch>() }
        let limit = batchLimit
        let stages = plan.stages
        let skip = resumeAfter ?? 0
        let existingDeadLetters = existingFileContent
        let failOnInvalidInput = plan.input.onInvalid == .fail
        let deadLetterPath = plan.deadLetterPath
        let (monitor, stream, logger) = (self.monitor, self.stream, self.logger)
        return try await withThrowingTaskGroup(of: TaskOutcome.self) { group in
            group.addTask {
                .input(
                    await Self.read(
                        makeReader(),
                        skipping: skip,
                        into: channels[0],
                        limit: limit,
                        shutdown: shutdown,
                        logger: logger,
                        monitor: monitor
                    )
                )
            }
            for index in stages.indices {
                group.addTask {
                    try await Self.runStage(
                        stages[index].stage,
                        context: contexts[index],
                        from: channels[index],
                        to: channels[index + 1],
                        statistics: recorders[index],
                        limit: limit
                    )
                    return .stage
                }
            }
            group.addTask {
                .terminal(
                    try await Self.collect(
                        from: channels[stages.count],
                        deadLetterPath: deadLetterPath,
                        existingDeadLetters: existingDeadLetters,
                        failOnInvalidInput: failOnInvalidInput,
                        monitor: monitor,
                        stream: stream
                    )
                )
            }
            var input: InputTotals?
            var terminal: TerminalTotals?
            while let outcome = try await group.next() {
                switch outcome {
                case .input(let totals): input = totals
                case .terminal(let totals):
                    terminal = totals
                    completion.succeed()
                case .stage: break
                }
            }
            return (input!, terminal!)
        }
    }

    // MARK: Tasks

    private enum TaskOutcome: Sendable {
        case input(InputTotals)
        case stage
        case terminal(TerminalTotals)
    }

    private struct InputTotals: Sendable {
        var records = 0
        var invalid = 0
        var bytes = 0
    }

    private struct TerminalTotals: Sendable {
        var written = 0
        var dropped: [String: Int] = [:]
        var deadLettered = 0
    }

    /// Reads records into batches until the input ends, a stop is requested, or the run is cancelled.
    private static func read(
        _ reader: consuming any DocumentReader,
        skipping skip: Int,
        into channel: AsyncChannel<DocumentBatch>,
        limit: BatchLimit,
        shutdown: ShutdownSignal,
        logger: Logger,
        monitor: RunMonitor?
    ) async -> InputTotals {
        var reader = reader
        var totals = InputTotals()
        var entries: [DocumentBatch.Entry] = []
        var bytes = 0
        defer { channel.finish() }
        var skipped = 0
        while skipped < skip, !shutdown.isRequested, !Task.isCancelled, reader.next() != nil {
            skipped += 1
        }
        if skip > 0 {
            logger.info("resuming: skipped the records an earlier run completed", metadata: ["records": "\(skipped)"])
        }
        while !shutdown.isRequested, !Task.isCancelled, let record = reader.next() {
            totals.records += 1
            switch record {
            case .document(let document):
                totals.bytes += document.byteCount
                bytes += document.byteCount
                entries.append(.document(document))
            case .invalid(let removed):
                totals.invalid += 1
                logger.warning(
                    "unreadable input",
                    metadata: ["id": "\(removed.id)", "source": "\(removed.source)", "reason": "\(removed.reason)"]
                )
                entries.append(.removed(removed))
            }
            if entries.count >= limit.entries || bytes >= limit.bytes {
                monitor?.read(records: entries.count, bytes: bytes)
                await channel.send(DocumentBatch(entries: entries))
                entries = []
                bytes = 0
            }
        }
        if !entries.isEmpty, !Task.isCancelled {
            monitor?.read(records: entries.count, bytes: bytes)
            await channel.send(DocumentBatch(entries: entries))
        }
        if let reason = shutdown.reason {
            logger.notice("stopped reading input", metadata: ["reason": "\(reason)", "records": "\(totals.records)"])
        }
        return totals
    }

    private static func runStage(
        _ stage: any Stage,
        context: StageContext,
        from upstream: AsyncChannel<DocumentBatch>,
        to downstream: AsyncChannel<DocumentBatch>,
        statistics: StageStatisticsRecorder,
        limit: BatchLimit
    ) async throws {
        let started = ContinuousClock.now
        let output = StageOutput(channel: downstream, limit: limit, statistics: statistics, context: context)
        let input = StageInput(channel: upstream, output: output, statistics: statistics)
        try await stage.run(input: input, output: output, context: context)
        if try await input.next() != nil {
            throw StageContractViolation(stage: context.name, message: "it finished before consuming all of its input")
        }
        await output.close()
        let wall = ContinuousClock.now - started
        let waited = output.waitingTime
        statistics.update {
            $0.wallSeconds = wall.seconds
            if !(stage is any DocumentStage), !statistics.isBusyMeasured {
                $0.busySeconds = max(0, (wall - waited).seconds)
            }
        }
    }

    /// Counts what comes out of the last stage and writes dead letters; commits the dead-letter file only when the
    /// stream ended normally (every stage finished).
    private static func collect(
        from channel: AsyncChannel<DocumentBatch>,
        deadLetterPath: String,
        existingDeadLetters: AtomicFileWriter.ExistingContent,
        failOnInvalidInput: Bool,
        monitor: RunMonitor?,
        stream: StreamOutput?
    ) async throws -> TerminalTotals {
        if let stream {
            let output = try AtomicFileWriter(path: "-")
            let streamDeadLetters = try stream.deadLetterPath.map { path in
                if path != "-" { try AtomicFileWriter.createParentDirectory(of: path) }
                return try AtomicFileWriter(path: path)
            }
            do {
                let totals = try await collect(
                    from: channel,
                    into: output,
                    failOnInvalidInput: failOnInvalidInput,
                    monitor: monitor,
                    stream: stream,
                    streamDeadLetters: streamDeadLetters
                )
                try output.commit()
                try streamDeadLetters?.commit()
                return totals
            } catch {
                streamDeadLetters?.discard()
                throw error
            }
        }
        let deadLetters = try AtomicFileWriter(path: deadLetterPath, existing: existingDeadLetters)
        do {
            let totals = try await collect(
                from: channel,
                into: deadLetters,
                failOnInvalidInput: failOnInvalidInput,
                monitor: monitor
            )
            try deadLetters.commit()
            return totals
        } catch {
            deadLetters.discard()
            throw error
        }
    }

    /// What a stream that fails on a document it cannot keep says after the document's error.
    static let streamFailureAdvice =
        " (a stream fails on a document it cannot process; --dead-letter PATH keeps such documents in a file, "
        + "--one-to-one carries them as status lines)"

    private static func collect(
        from channel: AsyncChannel<DocumentBatch>,
        into deadLetters: AtomicFileWriter,
        failOnInvalidInput: Bool,
        monitor: RunMonitor?,
        stream: StreamOutput? = nil,
        streamDeadLetters: AtomicFileWriter? = nil
    ) async throws -> TerminalTotals {
        var totals = TerminalTotals()
        var line: [UInt8] = []
        for await batch in channel {
            var written = 0
            var dropped = 0
            var deadLettered = 0
            defer { monitor?.collected(written: written, dropped: dropped, deadLettered: deadLettered) }
            for entry in batch.entries {
                if failOnInvalidInput, case .removed(let removed) = entry, removed.stage == RemovedDocument.inputStage {
                    throw StageFailure(
                        stage: removed.stage,
                        documentID: removed.id,
                        source: removed.source,
                        message: removed.reason
                    )
                }
                if let stream {
                    line.removeAll(keepingCapacity: true)
                    switch entry {
                    case .document(let document):
                        document.writeJSON(to: &line)
                    case .removed(let removed):
                        if stream.oneToOne { removed.streamStatusJSON.write(to: &line) }
                    }
                    if !line.isEmpty {
                        line.append(0x0A)
                        try deadLetters.write(line)
                        if stream.flushEachRecord { try deadLetters.flush() }
                    }
                }
                switch entry {
                case .document:
                    totals.written += 1
                    written += 1
                case .removed(let removed):
                    switch removed.disposition {
                    case .dropped(let reason):
                        totals.dropped["\(removed.stage): \(reason)", default: 0] += 1
                        dropped += 1
                    case .deadLettered:
                        totals.deadLettered += 1
                        deadLettered += 1
                        // A stream keeps a failure as a status line (one-to-one, written above), in its own
                        // dead-letter file, or not at all: then the stream fails rather than lose it silently.
                        if let stream, !stream.keepsFailures {
                            throw StageFailure(
                                stage: removed.stage,
                                documentID: removed.id,
                                source: removed.source,
                                message: removed.reason + Self.streamFailureAdvice
                            )
                        }
                        guard let writer = stream == nil ? deadLetters : streamDeadLetters else { break }
                        line.removeAll(keepingCapacity: true)
                        removed.deadLetterJSON.write(to: &line)
                        line.append(0x0A)
                        try writer.write(line)
                    }
                }
            }
        }
        try Task.checkCancellation()
        return totals
    }
}
