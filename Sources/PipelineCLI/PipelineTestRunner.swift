import Foundation
import Logging
import Pipeline

/// Runs the cases of a test file through a compiled pipeline, isolated from its real outputs, and checks each
/// case's expectations.
///
/// For each case the plan is isolated (``PipelineTestIsolation``): sinks such as export are left out, capture stages record
/// what passes after the input and after every stage, and dead letters go to a temporary file. The case's
/// documents (inline, or read from its `input`) run through it with ``PipelineRunner``; then every expectation is
/// checked against the documents that reached the end. A document that did not is explained: which stage dropped
/// it and why, or the dead-letter error.
///
/// ```
///  case documents ─▶ capture ─▶ clean ─▶ capture ─▶ dedupe ─▶ … ─▶ capture (final) ─▶ expectations
///                                 (sinks left out; dead letters to a temporary file)
/// ```
struct PipelineTestRunner {
    /// The pipeline, isolated from its files (``PipelinePlan/isolatedFromFiles()``).
    var plan: PipelinePlan
    /// The logger for the runs.
    var logger: Logger
    /// The folder of the test file, against which case `input` paths are resolved; empty for the working
    /// directory.
    var testFileDirectory: String

    /// Runs every case, in order.
    /// - Parameter file: The test file.
    /// - Returns: One result per case, in order.
    /// - Throws: ``PipelineTestError`` when the temporary folder cannot be created.
    func run(_ file: PipelineTestFile) async throws(PipelineTestError) -> [PipelineTestResult] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pipeline-run-test-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PipelineTestError(
                code: .temporaryFolder,
                path: folder,
                message: "cannot create a temporary folder: \(error.localizedDescription)",
                hint: "set TMPDIR to a writable folder"
            )
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var results: [PipelineTestResult] = []
        for (index, testCase) in file.cases.enumerated() {
            let deadLetterPath = folder + "/case-\(index + 1).dead-letter.jsonl"
            results.append(await run(testCase, number: index + 1, deadLetterPath: deadLetterPath))
        }
        return results
    }

    /// Runs one case and checks its expectations.
    private func run(_ testCase: PipelineTestFile.Case, number: Int, deadLetterPath: String) async -> PipelineTestResult
    {
        func failed(_ check: String, _ message: String) -> PipelineTestResult {
            PipelineTestResult(
                name: testCase.name,
                failures: [PipelineTestFailure(documentID: nil, check: check, message: message)]
            )
        }
        let recorder = TestCaptureRecorder()
        let (isolated, stagesUnderTest) = PipelineTestIsolation().isolate(
            plan,
            recorder: recorder,
            deadLetterPath: deadLetterPath
        )
        let makeReader: @Sendable () -> any DocumentReader
        if let documents = testCase.documents {
            let inline = documents.map(\.document)
            makeReader = { ArrayDocumentReader(documents: inline) }
        } else {
            var input = plan.input
            input.paths = (testCase.input ?? []).map(resolve)
            let options = input
            let prefix = testFileDirectory.isEmpty ? "" : testFileDirectory + "/"
            let formats = plan.inputFormats
            let expansion: InputExpander.Expansion
            do {
                expansion = try InputExpander(options: options, formats: formats).expand()
            } catch {
                return failed("input", "\(error)")
            }
            makeReader = {
                RelativeIDDocumentReader(
                    InputFileReader(expansion: expansion, options: options, formats: formats),
                    removingPrefix: prefix
                )
            }
        }
        let report: RunReport
        do {
            report = try await PipelineRunner(plan: isolated, logger: logger, runID: "test-\(number)")
                .run(reader: makeReader)
        } catch {
            return failed("run", "the pipeline failed: \(error)")
        }

        let snapshot = recorder.snapshot
        var output: [String: Document] = [:]
        for document in snapshot.finished where output[document.id] == nil { output[document.id] = document }
        let deadLetters = Self.deadLetters(at: deadLetterPath)
        let checker = DocumentExpectationChecker()
        var failures: [PipelineTestFailure] = []
        for expectation in testCase.expect {
            if let document = output[expectation.id] {
                failures += checker.failures(of: expectation, in: document)
                continue
            }
            guard expectation.dropped != true else { continue }
            let fate: String
            if let letter = deadLetters[expectation.id] {
                fate = "it was dead-lettered by stage '\(letter.stage)': \(letter.error)"
            } else if let checkpoint = snapshot.lastCheckpoint[expectation.id], checkpoint + 1 < stagesUnderTest.count {
                let stage = stagesUnderTest[checkpoint + 1]
                // Stage k of the pipeline is at 2k+1 in the isolated plan (a capture stage precedes it).
                let reasons = report.stages[2 * (checkpoint + 1) + 1].dropped.keys.sorted()
                fate =
                    "it was dropped by stage '\(stage.name)'"
                    + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
            } else {
                let read = snapshot.lastCheckpoint.keys.sorted()
                fate =
                    "no input document has this id"
                    + (read.isEmpty ? "" : "; the input gave \(read.prefix(5).joined(separator: ", "))")
                    + (read.count > 5 ? "…" : "")
            }
            failures.append(
                PipelineTestFailure(
                    documentID: expectation.id,
                    check: "output",
                    message: "expected the document at the end of the pipeline, but \(fate)"
                )
            )
        }
        return PipelineTestResult(name: testCase.name, failures: failures)
    }

    /// A case `input` path, resolved against the test file's folder (absolute paths and `-` as they are).
    private func resolve(_ path: String) -> String {
        guard !testFileDirectory.isEmpty, !path.hasPrefix("/"), path != "-" else { return path }
        return testFileDirectory + "/" + path
    }

    /// The first dead letter of each document id in a dead-letter file: the stage and the error.
    private static func deadLetters(at path: String) -> [String: (stage: String, error: String)] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var letters: [String: (stage: String, error: String)] = [:]
        let parser = JSONParser()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let record = (try? parser.parse(String(line)))?.objectValue,
                let id = record["id"]?.stringValue, letters[id] == nil
            else { continue }
            letters[id] = (record["stage"]?.stringValue ?? "?", record["error"]?.stringValue ?? "?")
        }
        return letters
    }
}
