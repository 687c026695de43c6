import Foundation
import Pipeline
import Testing

@testable import PipelineCLI

/// `pipeline-run test`: the shipped cases of `pipelines/news.yaml` pass, failing expectations print a readable diff,
/// a bad test file is a positioned configuration error, and real outputs are never touched.
@Suite struct PipelineTestCommandTests {
    let tool = Executable("pipeline-run")

    /// What `pipeline-run test pipelines/news.yaml` prints.
    static let passingReport = """
        PASS ad markers and page furniture are removed from the Korea article
        PASS the newsletter prompt and the teasers are removed from the DPRK article
        PASS a republished copy is marked as a duplicate of the original
        PASS people, places and organisations are found
        PASS the summary keeps 40% of the body sentences
        PASS a too-short document is dropped and the article beside it is kept
        PASS the seed articles read from disk go through every stage
        7 passed, 0 failed

        """

    /// The shipped test file.
    static func shippedTests() throws -> String {
        let url = Executable.packageRoot.appendingPathComponent("pipelines/news.tests.yaml")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Copies `pipelines/news.yaml`, its tests and the seed articles into a scratch folder, laid out as in the
    /// package, so the test file's relative `input` finds the seeds.
    static func copyProject(into scratch: Scratch) throws {
        let root = Executable.packageRoot
        let files = FileManager.default
        for folder in ["pipelines", "seeds"] {
            try files.createDirectory(at: scratch.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for name in ["pipelines/news.yaml", "pipelines/news.tests.yaml"] {
            try files.copyItem(at: root.appendingPathComponent(name), to: scratch.url.appendingPathComponent(name))
        }
        for name in try files.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)
        where name.hasSuffix(".txt") {
            try files.copyItem(
                at: root.appendingPathComponent("seeds/" + name),
                to: scratch.url.appendingPathComponent("seeds/" + name)
            )
        }
    }

    /// `text` with each `(old, new)` replaced, each `old` required to occur exactly once.
    static func replacing(_ replacements: [(String, String)], in text: String) throws -> String {
        var text = text
        for (old, new) in replacements {
            try #require(text.ranges(of: old).count == 1, "\(old)")
            text = text.replacing(old, with: new)
        }
        return text
    }

    @Test func shippedCasesPass() async throws {
        let result = try await tool.run(["test", "pipelines/news.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.passingReport)
    }

    @Test func failingExpectationsPrintADiffAndExitOne() async throws {
        let scratch = Scratch()
        try Self.copyProject(into: scratch)
        let failing = try Self.replacing(
            [
                (
                    #"text_excludes: ["[ad_1]", "[ad_2]", "Close the window", "Recommended item", "[email protected]"]"#,
                    #"text_excludes: ["[ad_1]", "Secretary of State"]"#
                ),
                (
                    "attention to this “dead line”, and Trump and Stephen Biegun, the United States special representative for North Korea policy, have been under pressure.\n        text_excludes",
                    "attention to this \"dead line\", and Trump and Stephen Biegun, the United States special representative for North Korea policy, have been under pressure.\n        text_excludes"
                ),
                ("duplicate_of: original\n", "duplicate_of: unrelated\n"),
                ("{text: Mike Pompeo, label: PERSON}\n", "{text: Mike Pompeo, label: ORG}\n"),
                ("summary_sentences: 4\n", "summary_sentences: 5\n"),
                ("- id: teaser\n        dropped: true\n", "- id: teaser\n        dropped: false\n"),
            ],
            in: try Self.shippedTests()
        )
        scratch.write("pipelines/failing.tests.yaml", failing)
        let result = try await tool.run(
            ["test", "pipelines/news.yaml", "pipelines/failing.tests.yaml"],
            in: scratch.url
        )
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout == """
                FAIL ad markers and page furniture are removed from the Korea article
                    korea-election: text_excludes: "Secretary of State" is in the text at line 5, column 109:
                      …the 8th and 10th to meet with US Secretary of State Mike Pompeo. Unification Minister Lee In-young i…
                                                        ^
                FAIL the newsletter prompt and the teasers are removed from the DPRK article
                    dprk-deadline: text: differs from the expected text at line 7, column 69 (- expected, + actual):
                      -…d considerable attention to this "dead line", and Trump and Stephen Biegun, the United States specia…
                      +…d considerable attention to this “dead line”, and Trump and Stephen Biegun, the United States specia…
                                                         ^
                FAIL a republished copy is marked as a duplicate of the original
                    republished: duplicate_of: expected "unrelated", found "original"
                FAIL people, places and organisations are found
                    pompeo-visit: entities: "Mike Pompeo" (ORG) is not among the entities found; "Mike Pompeo" was found as PERSON
                FAIL the summary keeps 40% of the body sentences
                    ten-sentences: summary_sentences: expected 5 sentences, found 4 [0,1,2,6]
                FAIL a too-short document is dropped and the article beside it is kept
                    teaser: output: expected the document at the end of the pipeline, but it was dropped by stage 'clean' (too short)
                PASS the seed articles read from disk go through every stage
                1 passed, 6 failed

                """
        )
    }

    @Test func documentsMissingFromTheOutputAreExplained() async throws {
        let scratch = Scratch()
        scratch.write(
            "p.yaml",
            """
            input: {path: in/}
            stages:
              - type: clean
                minimum_length: 20
              - type: dedupe
                action: drop
              - {type: export, path: out.jsonl}
            """
        )
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("in"),
            withIntermediateDirectories: true
        )
        scratch.write("in/a.txt", "The first article, long enough to be kept.\n")
        scratch.write("in/b.txt", "The first article, long enough to be kept.\n")
        scratch.write(
            "t.yaml",
            """
            cases:
              - name: duplicates are dropped
                input: in/
                expect:
                  - id: a.txt
                    text: The first article, long enough to be kept!
                  - id: b.txt
                    duplicate_of: a.txt
                  - id: c.txt
                    dropped: false
            """
        )
        let result = try await tool.run(["test", "p.yaml", "t.yaml"], in: scratch.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout == """
                FAIL duplicates are dropped
                    a.txt: text: differs from the expected text at line 1, column 42 (- expected, + actual):
                      -The first article, long enough to be kept!
                      +The first article, long enough to be kept.
                                                                ^
                    b.txt: output: expected the document at the end of the pipeline, but it was dropped by stage 'dedupe' (duplicate)
                    c.txt: output: expected the document at the end of the pipeline, but no input document has this id; the input gave a.txt, b.txt
                0 passed, 1 failed

                """
        )
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.jsonl")))
    }

    @Test func unknownKeyInTheTestFileIsAPositionedError() async throws {
        let scratch = Scratch()
        scratch.write(
            "typo.tests.yaml",
            """
            cases:
              - name: typo
                documents:
                  - {id: a, text: Some text}
                expect:
                  - id: a
                    text_contain: Some
            """
        )
        let pipeline = Executable.packageRoot.appendingPathComponent("pipelines/news.yaml").path
        let result = try await tool.run(["test", pipeline, "typo.tests.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                typo.tests.yaml:7:9: error: cases[0].expect[0].text_contain: unknown key 'text_contain'
                        text_contain: Some
                        ^
                  hint: did you mean 'text_contains'?
                1 error in typo.tests.yaml

                """
        )
    }

    @Test func checksThatDecodingCannotMakeAreReportedTogether() async throws {
        let scratch = Scratch()
        scratch.write(
            "bad.tests.yaml",
            """
            cases:
              - name: one
                documents: [{id: a, text: x}, {id: a, text: y}]
                expect:
                  - id: b
              - name: one
                expect: [{id: a}]
            """
        )
        let pipeline = Executable.packageRoot.appendingPathComponent("pipelines/news.yaml").path
        let result = try await tool.run(["test", pipeline, "bad.tests.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                bad.tests.yaml:3:40: error: cases[0].documents[1].id: duplicate document id 'a'
                    documents: [{id: a, text: x}, {id: a, text: y}]
                                                       ^
                  hint: give each document of a case a unique id
                bad.tests.yaml:5:13: error: cases[0].expect[0].id: no document of this case has the id 'b'
                      - id: b
                            ^
                  hint: the case's documents: a
                bad.tests.yaml:6:5: error: cases[1]: missing 'documents' or 'input'
                  - name: one
                    ^
                  hint: list the input documents under 'documents:', or name files under 'input:'
                bad.tests.yaml:6:11: error: cases[1].name: duplicate case name 'one' (also cases[0])
                  - name: one
                          ^
                  hint: give each case a unique name
                4 errors in bad.tests.yaml

                """
        )
    }

    @Test func outputsAreNeverCreatedOrModified() async throws {
        let scratch = Scratch()
        let files = FileManager.default
        try Self.copyProject(into: scratch)
        try files.createDirectory(at: scratch.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        scratch.write("out/news.jsonl", "an earlier run\n")
        let earlier = Date(timeIntervalSince1970: 1_000_000_000)
        try files.setAttributes([.modificationDate: earlier], ofItemAtPath: scratch.path("out/news.jsonl"))

        let result = try await tool.run(["test", "pipelines/news.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.passingReport)
        #expect(try files.contentsOfDirectory(atPath: scratch.path("out")) == ["news.jsonl"])
        #expect(scratch.read("out/news.jsonl") == "an earlier run\n")
        let modified = try files.attributesOfItem(atPath: scratch.path("out/news.jsonl"))[.modificationDate] as? Date
        #expect(modified == earlier)
        #expect(try files.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["out", "pipelines", "seeds"])
        #expect(
            try files.contentsOfDirectory(atPath: scratch.path("pipelines")).sorted() == [
                "news.tests.yaml", "news.yaml",
            ]
        )
    }

    @Test(arguments: [
        ("pipelines/news.yaml", "pipelines/news.tests.yaml"),
        ("news.yml", "news.tests.yaml"),
        ("/srv/jobs/nightly", "/srv/jobs/nightly.tests.yaml"),
    ])
    func defaultTestFileIsBesideThePipeline(pipeline: String, tests: String) {
        #expect(TestCommand.defaultTestFile(for: pipeline) == tests)
    }

    @Test func textDiffShowsChangedLinesWithContextAndCarets() {
        let expected = "Headline\n\nFirst paragraph.\nSecond paragraph.\nThird.\nFourth.\nFifth.\nSixth.\nLast line."
        let actual =
            "Headline\n\nFirst paragraph!\nSecond paragraph.\nThird.\nFourth.\nFifth.\nSixth.\nAdded.\nLast line."
        let diff = TextDiff(expected: expected, actual: actual)
        #expect(diff.firstDifference?.line == 3)
        #expect(diff.firstDifference?.column == 16)
        #expect(
            diff.lines == [
                "-First paragraph.",
                "+First paragraph!",
                "                ^",
                " Second paragraph.",
                " …",
                " Sixth.",
                "+Added.",
                " Last line.",
            ]
        )
    }

    @Test func everyKindOfExpectationExplainsItsFailure() async throws {
        let file = try PipelineTestFile.parse(
            utf8: Array(
                """
                cases:
                  - name: all checks
                    documents: [{id: a, text: x}]
                    expect:
                      - id: a
                        text_contains: [Pompeo, "North Korea"]
                        fields: {score: 1, topic: politics, language: en}
                        entities: [{text: Mike Pompeo, label: PERSON}, {text: Seoul}]
                        duplicate_of: null
                        summary_sentences: 2
                """.utf8
            ),
            file: "t.yaml"
        )
        let document = Document(
            id: "a",
            text: "Foreign Minister Kang Kyung-wha meets Mike Pompeo.\nSecond line.",
            fields: [
                "score": .double(1.0),
                "topic": .string("sport"),
                "entities": .array([
                    .object(["text": .string("Mike Pompeo"), "label": .string("ORG")]),
                    .object(["text": .string("Mike Pompeo"), "label": .string("LOC")]),
                ]),
                "duplicate_of": .string("b"),
            ]
        )
        let failures = DocumentExpectationChecker().failures(of: file.cases[0].expect[0], in: document)
        #expect(
            failures.flatMap(\.lines) == [
                #"a: text_contains: "North Korea" is not in the text (63 characters, starting "Foreign Minister Kang Kyung-wha meets Mike Pompeo.")"#,
                #"a: fields.language: expected "en", but the document has no field 'language'"#,
                #"a: fields.topic: expected "politics", found "sport""#,
                #"a: entities: "Mike Pompeo" (PERSON) is not among the entities found; "Mike Pompeo" was found as ORG, LOC"#,
                #"a: entities: "Seoul" is not among the 2 entities found"#,
                #"a: duplicate_of: expected null, found "b""#,
                "a: summary_sentences: expected 2, but the document has no field 'summary_sentences'",
            ]
        )
    }
}
