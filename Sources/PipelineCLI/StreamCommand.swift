import ArgumentParser
import Foundation
import Logging
import Pipeline

/// `pipeline-run stream FILE`: a filter from JSON Lines on standard input to JSON Lines on standard output.
///
/// For Spark `RDD.pipe`, Hadoop Streaming, a Ray Data UDF or a Kafka connector's subprocess: the pipeline's stages
/// run over standard input; the documents that come out are written to standard output in input order (each stage
/// as its stream mode says: sinks such as export are left out, the dedupe index is not used). A document that cannot
/// be processed (an unreadable line, a failure under `on_error: dead-letter`) is never lost silently: it goes to
/// `--dead-letter PATH`, becomes a status line with `--one-to-one`, or else fails the stream (exit 2). It needs no
/// environment variable (PySpark gives the child an empty environment). Dedupe works within the one stream.
struct StreamCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Filter JSON Lines from standard input to standard output through a pipeline's stages.",
        discussion: """
            Exits 0 when every input line is accounted for (written, dropped, or failed and kept in --dead-letter or \
            as a --one-to-one status line), non-zero otherwise, with a one-line summary last on standard error. A \
            document that cannot be processed fails the stream (exit 2) unless --dead-letter or --one-to-one keeps it.
            """
    )

    /// When output is flushed.
    enum Flush: String, ExpressibleByArgument, CaseIterable {
        /// After each batch of documents (fastest).
        case batch
        /// After each line, and documents travel one at a time: a request/response host gets each answer at once.
        case record
    }

    @Argument(help: "The pipeline file (YAML); its input and export stages are ignored.")
    var file: String

    @Flag(
        help:
            "Write exactly one line per input line: a removed document becomes {\"id\", \"status\": \"duplicate|dropped|failed\", \"reason\"}."
    )
    var oneToOne = false

    @Option(help: "When to flush standard output: batch or record.")
    var flush: Flush = .batch

    @Option(
        help: ArgumentHelp(
            "Write documents that cannot be processed to this JSON Lines file (committed when the stream ends).",
            discussion: "Without it (or --one-to-one), such a document fails the stream with exit code 2.",
            valueName: "path"
        )
    )
    var deadLetter: String?

    @Option(name: .long, help: "The JSON member holding the text (default: the pipeline's input.text_field).")
    var textField: String?

    @Option(name: .long, help: "Documents in flight per stage (default: each stage's setting, or the number of cores).")
    var concurrency: Int?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        throw ValidationError("internal error: stream needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        let logger = logging.makeLogger()
        let plan = try CommandPlan.load(
            file: file,
            registry: registry,
            inputs: ["-"],
            deliversDocuments: false,
            environment: [:],
            failureNote: "stream: configuration error in \(file)"
        )
        let stream: PipelinePlan
        do {
            stream = try plan.forStream(textField: textField)
        } catch {
            StandardError.writeLine("stream: \(error.description)")
            throw PipelineExitCode.configuration
        }
        var runner = PipelineRunner(plan: stream, logger: logger, concurrencyOverride: concurrency)
        runner.stream = StreamOutput(oneToOne: oneToOne, flushEachRecord: flush == .record, deadLetterPath: deadLetter)
        if flush == .record { runner.documentsPerBatch = 1 }
        let shutdown = ShutdownSignal()
        let trap = SignalTrap(shutdown: shutdown, logger: logger)
        defer { trap.cancel() }
        let report: RunReport
        do {
            report = try await runner.run(shutdown: shutdown)
        } catch {
            StandardError.writeLine("stream: failed: \(error)")
            throw PipelineExitCode.forFailure(error)
        }
        StandardError.writeLine(
            "stream: \(report.inputRecords) in = \(report.written) written + \(report.droppedTotal) dropped + "
                + "\(report.deadLettered) failed" + (deadLetter.map { " (in \($0))" } ?? "")
                + (report.isBalanced ? "" : " (UNACCOUNTED DOCUMENTS)")
                + (report.interruption.map { ", interrupted by \($0)" } ?? "")
        )
        guard report.isBalanced else { throw PipelineExitCode.internalError }
        if let reason = report.interruption { throw PipelineExitCode.interrupted(by: reason) }
    }
}
