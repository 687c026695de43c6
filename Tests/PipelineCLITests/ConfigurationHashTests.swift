import Foundation
import Pipeline
import Testing

@testable import PipelineCLI

/// The configuration identity of run states and completion markers.
@Suite struct ConfigurationHashTests {
    @Test func findsEveryInterpolatedVariableOnce() {
        let text = """
            input: {path: "${INPUT_DIR:-seeds}/*.txt"}
            stages:
              - {type: dedupe, threshold: ${T}, index: "${INPUT_DIR}/x"}
              - {type: export, path: "$HOME/not-interpolated"}
            """
        #expect(ConfigurationHash.referencedVariables(in: text) == ["INPUT_DIR", "T"])
    }

    @Test func anInterpolatedValueChangesTheHashAndAnUnrelatedOneDoesNot() async throws {
        let scratch = Scratch()
        scratch.write("p.yaml", "name: p\ninput: {path: in/}\nstages:\n  - {type: dedupe, threshold: ${T}}\n")
        let file = scratch.path("p.yaml")
        let base = try ConfigurationHash.of(file: file, overrides: [], environment: ["T": "0.5", "OTHER": "1"])
        #expect(try ConfigurationHash.of(file: file, overrides: [], environment: ["T": "0.5", "OTHER": "2"]) == base)
        #expect(try ConfigurationHash.of(file: file, overrides: [], environment: ["T": "0.6"]) != base)
        #expect(try ConfigurationHash.of(file: file, overrides: [], environment: [:]) != base)
        #expect(try ConfigurationHash.of(file: file, overrides: ["x"], environment: ["T": "0.5"]) != base)
        #expect(
            try ConfigurationHash.of(file: file, overrides: [], environment: ["T": "0.5"], salt: "steps") != base
        )
    }

    @Test func anUnreadableFileIsAnError() {
        let error = #expect(throws: FileAccessError.self) {
            try ConfigurationHash.of(file: "/nonexistent/p.yaml", overrides: [], environment: [:])
        }
        #expect(error?.description == "cannot read '/nonexistent/p.yaml': No such file or directory")
    }
}
