import ArgumentParser
import Foundation
import Pipeline
import Testing

@testable import PipelineCLI

/// Failures map to exit codes by kind, so a scheduler knows whether to retry.
@Suite struct ExitCodeTests {
    @Test func failuresMapToTheirKind() {
        let input = StageFailure(stage: "clean", documentID: "a", source: .unknown, message: "boom")
        #expect(PipelineExitCode.forFailure(input).rawValue == 2)
        let full = FileAccessError(path: "out/x", operation: "write", reason: "No space left", errorNumber: ENOSPC)
        #expect(PipelineExitCode.forFailure(full).rawValue == 75)
        let io = FileAccessError(path: "out/x", operation: "fsync", reason: "Input/output error", errorNumber: EIO)
        #expect(PipelineExitCode.forFailure(io).rawValue == 75)
        let denied = FileAccessError(path: "out/x", operation: "open", reason: "Permission denied", errorNumber: EACCES)
        #expect(PipelineExitCode.forFailure(denied).rawValue == 1)
        let folder = FileAccessError(path: "out/x", operation: "rename", reason: "Is a directory", errorNumber: EISDIR)
        #expect(PipelineExitCode.forFailure(folder).rawValue == 1)
        let unknown = FileAccessError(path: "out/x", operation: "write", reason: "short write")
        #expect(PipelineExitCode.forFailure(unknown).rawValue == 75)
        #expect(PipelineExitCode.forFailure(StageContractViolation(stage: "x", message: "left input")).rawValue == 70)
        #expect(PipelineExitCode.forFailure(CancellationError()).rawValue == 70)
    }
}
