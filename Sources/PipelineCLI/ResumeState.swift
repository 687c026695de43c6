import Foundation
import Pipeline

/// Reads, checks and writes the run state behind `--resume` for one pipeline run.
struct ResumeState {
    /// The state file.
    let path: String
    /// The plan being run.
    let plan: PipelinePlan
    /// Hash of the configuration (the file's text, the command-line overrides, the interpolated variables).
    let configurationHash: String
    /// Hash of the expanded input list.
    let inputHash: String
    /// The input files' total size in bytes, or `nil` when reading standard input.
    let inputFileBytes: Int?

    /// Why a resume cannot go ahead.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Prepares the state for a plan.
    /// - Throws: ``FileAccessError`` when the input cannot be listed.
    init(plan: PipelinePlan, pipelineFile: String, overrides: [String]) throws {
        self.plan = plan
        self.path = plan.statePath
        configurationHash = try ConfigurationHash.of(
            file: pipelineFile,
            overrides: overrides,
            environment: ProcessInfo.processInfo.environment
        )
        let expansion = try InputExpander(options: plan.input, formats: plan.inputFormats).expand()
        var listing = ""
        var total = 0
        for file in expansion.files {
            var info = stat()
            let size = stat(file.path, &info) == 0 ? Int(info.st_size) : -1
            listing += "\(file.path)\u{0}\(size)\n"
            total += max(0, size)
        }
        inputHash = RunState.hash(listing)
        inputFileBytes = expansion.files.contains { $0.path == "-" } ? nil : total
    }

    /// The files whose content the state fingerprints: those the stages append to on resume (JSON Lines and CSV
    /// exports, see ``StageFileOutput/isFingerprinted``), and the dead-letter file.
    var fileOutputs: [String] {
        plan.fileOutputs.filter(\.isFingerprinted).map(\.path) + [plan.deadLetterPath]
    }

    /// What `--resume` should do.
    enum Decision: Equatable {
        /// Skip this many input records and add to the outputs.
        case resume(after: Int)
        /// Run from the start, replacing the outputs, for this reason.
        case startOver(String)
    }

    /// Loads the state and decides: resume when it records this configuration and input and every file output is
    /// exactly as it recorded; start over when there is no state or it belongs to another configuration or input.
    /// - Throws: ``Refusal`` when the state matches but an output does not (a run was killed between two commits),
    ///   or the state cannot be read: resuming would give wrong output, and a run without `--resume` fixes it.
    func decide() throws -> Decision {
        guard FileManager.default.fileExists(atPath: path) else { return .startOver("no run state at \(path)") }
        guard !plan.input.paths.contains("-") else {
            throw Refusal(description: "a run reading standard input cannot resume; run without --resume")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let json = try? JSONParser().parse(text), let state = RunState(json: json)
        else { throw Refusal(description: "the state file '\(path)' is unreadable; run without --resume") }
        guard state.configurationHash == configurationHash else {
            return .startOver("the run state at \(path) is for another configuration")
        }
        guard state.inputHash == inputHash else {
            return .startOver("the run state at \(path) is for another input")
        }
        for (output, recorded) in state.outputs {
            let current = try RunState.Fingerprint.sampled(path: output)
            guard current == recorded else {
                throw Refusal(
                    description: "'\(output)' is not the version the state '\(path)' records (a run may have been "
                        + "killed between two commits); run without --resume, which rewrites every output"
                )
            }
        }
        return .resume(after: state.recordsCompleted)
    }

    /// Records what this run committed.
    /// - Parameters:
    ///   - report: The run's report.
    ///   - runID: The run's identifier.
    /// - Throws: ``FileAccessError`` when the state cannot be written.
    func save(after report: RunReport, runID: String) throws {
        var outputs: [String: RunState.Fingerprint] = [:]
        for output in fileOutputs {
            if let fingerprint = try RunState.Fingerprint.sampled(path: output) { outputs[output] = fingerprint }
        }
        let state = RunState(
            pipeline: plan.name,
            configurationHash: configurationHash,
            inputHash: inputHash,
            recordsCompleted: report.resumedAfter + report.inputRecords,
            finished: report.interruption == nil,
            runID: runID,
            outputs: outputs
        )
        let writer = try AtomicFileWriter(path: path)
        try writer.write(state.json.serialized() + "\n")
        try writer.commit()
    }
}
