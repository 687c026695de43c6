import Testing

@testable import Pipeline

/// A test-only stage with a range-checked option.
private struct ThresholdStage: ConfigurableStage, DocumentStage {
    struct Options: StageOptions {
        var threshold = 0.5
        static let declarations: [OptionDeclaration<Self>] = [
            .option("threshold", \.threshold, in: 0...1, help: "A threshold.")
        ]
    }
    static let typeName = "threshold"
    static let summary = "Test stage."
    let options: Options
    init(options: Options) { self.options = options }
    func process(_ document: Document, context: StageContext) async throws -> StageResult { .keep(document) }
}

@Suite struct PipelineLoaderTests {
    let loader: PipelineLoader

    init() throws {
        loader = PipelineLoader(
            registry: try StageRegistry().registering(ThresholdStage.self),
            environment: ["INPUT": "data/", "EMPTY": ""]
        )
    }

    func errors(_ text: String) -> String {
        do {
            let (root, source) = try loader.parse(text: text, file: "p.yaml")
            _ = try loader.plan(from: root, source: source)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func compilesAValidPipeline() throws {
        let text = """
            name: demo
            input:
              path: ${INPUT}
              format: jsonl
              text_field: body
            stages:
              - type: threshold
                threshold: 0.8
                concurrency: 3
                on_error: dead-letter
              - type: threshold
                name: second
            output:
              dead_letter: out/dl.jsonl
            """
        let (root, source) = try loader.parse(text: text, file: "p.yaml")
        let plan = try loader.plan(from: root, source: source)
        #expect(plan.name == "demo")
        #expect(plan.input == InputOptions(paths: ["data/"], format: .jsonl, textField: "body"))
        #expect(plan.stages.map(\.name) == ["threshold", "second"])
        #expect(plan.stages[0].concurrency == 3)
        #expect(plan.stages[0].errorPolicy == .deadLetter)
        #expect((plan.stages[0].stage as? ThresholdStage)?.options.threshold == 0.8)
        #expect((plan.stages[1].stage as? ThresholdStage)?.options.threshold == 0.5)
        #expect(plan.deadLetterPath == "out/dl.jsonl")
    }

    @Test func reportsEveryErrorWithPositionsAndHints() {
        let text = """
            name: demo
            inputs:
              path: x
            stages:
              - type: treshold
              - type: threshold
                threshhold: 0.3
              - type: threshold
                threshold: 1.5
                on_error: ignore
            """
        #expect(
            errors(text) == """
                p.yaml:1:1: error: missing required key 'input'
                name: demo
                ^
                  hint: add 'input:' with a 'path:' (a folder, JSON Lines files, or - for stdin)
                p.yaml:2:1: error: unknown key 'inputs'
                inputs:
                ^
                  hint: did you mean 'input'?
                p.yaml:5:11: error: stages[0].type: unknown stage type 'treshold'
                  - type: treshold
                          ^
                  hint: did you mean 'threshold'?
                p.yaml:7:5: error: stages[1].threshhold: unknown key 'threshhold'
                    threshhold: 0.3
                    ^
                  hint: did you mean 'threshold'?
                p.yaml:9:16: error: stages[2].threshold: expected a value between 0.0 and 1.0, found 1.5
                    threshold: 1.5
                               ^
                p.yaml:10:15: error: stages[2].on_error: expected one of fail, skip, dead-letter, found "ignore"
                    on_error: ignore
                              ^
                """
        )
    }

    @Test func rangeErrorsNameTheKeyPath() {
        let text = """
            input: {path: x}
            stages:
              - type: threshold
                threshold: 1.5
            """
        #expect(
            errors(text) == """
                p.yaml:4:16: error: stages[0].threshold: expected a value between 0.0 and 1.0, found 1.5
                    threshold: 1.5
                               ^
                """
        )
    }

    @Test func unsetVariablesAreErrors() {
        let text = """
            input: {path: "${DATA_DIR}"}
            stages: [{type: threshold}]
            """
        #expect(errors(text).hasPrefix("p.yaml:1:15: error: input.path: environment variable 'DATA_DIR' is not set"))
    }

    @Test func stagesMustBeAList() {
        #expect(
            errors("input: {path: x}\nstages: {}\n") == """
                p.yaml:2:9: error: stages: expected a non-empty list of stages, found a mapping
                stages: {}
                        ^
                  hint: each entry is a mapping with 'type:'
                """
        )
    }

    @Test func aTenMegabytePipelineFileLoadsAndALargerOneIsRefused() throws {
        let filler = String(
            repeating: "# a comment line that pads the pipeline file to a large size ........\n",
            count: 150_000
        )
        let text = "input: {path: x}\n" + filler + "stages:\n  - type: threshold\n    threshold: 0.2\n"
        #expect(text.utf8.count > 10_000_000)
        let (root, source) = try loader.parse(text: text, file: "big.yaml")
        let plan = try loader.plan(from: root, source: source)
        #expect((plan.stages[0].stage as? ThresholdStage)?.options.threshold == 0.2)
        let tooBig = text + String(repeating: "# more\n", count: 1_000_000)
        #expect(errors(tooBig).contains("error: "))
        #expect(errors(tooBig).contains("16777216"))
    }

    @Test func wrongTypesAreReportedWhereTheyAre() {
        let text = """
            name: [not, a, string]
            input: {path: x, max_document_bytes: lots}
            stages:
              - type: threshold
                threshold: high
                concurrency: many
            output: {dead_letter: {a: b}}
            """
        let report = errors(text)
        #expect(report.contains("p.yaml:1:7: error: name: expected a string, found a sequence"))
        #expect(report.contains("p.yaml:2:38: error: input.max_document_bytes: expected an integer, found \"lots\""))
        #expect(report.contains("p.yaml:6:18: error: stages[0].concurrency: expected an integer, found \"many\""))
        #expect(report.contains("p.yaml:7:23: error: output.dead_letter: expected a string, found a mapping"))
    }

    @Test func anAliasBombInAPipelineFileIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        text += "input: {path: x}\nstages: [{type: threshold}]\n"
        #expect(errors(text).contains("alias"))
    }
}
