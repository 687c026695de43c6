import ArgumentParser
import Pipeline

/// `pipeline-run test FILE [TESTS]`: runs a pipeline's test cases without touching its outputs.
struct TestCommand: AsyncParsableCommand, RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a pipeline's test cases (YAML) and show what differs.",
        discussion: """
            Runs each case's input documents through the pipeline with its export stages removed, dedupe indexes \
            disabled and dead letters in a temporary file, so real outputs are never touched; then checks the \
            documents that reach the end: exact text, text_contains, text_excludes, fields, entities, \
            duplicate_of, summary_sentences, dropped. Prints PASS or FAIL per case with a readable diff, then \
            'N passed, M failed'. Exits 0 when every case passes, 1 when one fails or a file is invalid.
            """
    )

    /// The exit code when a case fails.
    static let failedExitCode = ExitCode(1)

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    @Argument(help: "The test file (default: <pipeline folder>/<pipeline name>.tests.yaml).")
    var tests: String?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        throw ValidationError("internal error: test needs a stage registry")
    }

    func run(registry: StageRegistry) async throws {
        let testsPath = tests ?? Self.defaultTestFile(for: file)
        let loader = PipelineLoader(registry: registry)
        let compiled: PipelinePlan
        do {
            let (root, source) = try loader.parse(contentsOf: file)
            compiled = try loader.plan(from: root, source: source)
        } catch {
            Self.report(error, in: file)
            throw PipelineExitCode.configuration
        }
        let plan: PipelinePlan
        do {
            plan = try compiled.isolatedFromFiles()
        } catch {
            StandardError.writeLine("\(error.description)\n1 error in \(file)")
            throw PipelineExitCode.configuration
        }
        let testFile: PipelineTestFile
        do {
            testFile = try PipelineTestFile.load(contentsOf: testsPath)
        } catch {
            Self.report(error, in: testsPath)
            throw PipelineExitCode.configuration
        }
        let runner = PipelineTestRunner(
            plan: plan,
            logger: logging.makeLogger(),
            testFileDirectory: Self.directory(of: testsPath)
        )
        let results: [PipelineTestResult]
        do {
            results = try await runner.run(testFile)
        } catch {
            StandardError.writeLine(error.description)
            throw PipelineExitCode.configuration
        }
        print(PipelineTestResult.report(results).joined(separator: "\n"))
        if results.contains(where: { !$0.passed }) {
            throw Self.failedExitCode
        }
    }

    /// The test file next to a pipeline file: `pipelines/news.yaml` → `pipelines/news.tests.yaml`.
    /// - Parameter pipelineFile: The pipeline file's path.
    /// - Returns: The test file's path.
    static func defaultTestFile(for pipelineFile: String) -> String {
        let directory = directory(of: pipelineFile)
        var name = String(pipelineFile.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return (directory.isEmpty ? "" : directory + "/") + name + ".tests.yaml"
    }

    /// The folder part of a path, as written (`pipelines/news.yaml` → `pipelines`), empty for a bare file name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Prints configuration errors and their count, as `validate` does.
    private static func report(_ errors: ConfigurationErrors, in file: String) {
        StandardError.writeLine(errors.description)
        let count = errors.errors.count
        StandardError.writeLine("\(count) error\(count == 1 ? "" : "s") in \(file)")
    }
}
