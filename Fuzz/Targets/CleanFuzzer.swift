// Fuzzes the `clean` stage through its public API, as a pipeline runs it: built from YAML options by the built-in
// registry, then `process` on one document.
//
// Input: a document's text (invalid UTF-8 is repaired with U+FFFD, as the reader would reject it anyway). Each input
// runs through two configurations: the defaults (every rule group, HTML detection, minimum length 200) and one that
// flips every switch (ASCII punctuation, no HTML detection, no headline, minimum length 0, extra patterns, lines and
// phrases). Invariants: no crash, hang or OOM; a document is kept or dropped as "too short" (never by the second
// configuration); the text that comes out has no NUL and no carriage return; the report's counts are not negative.

import FuzzSupport
import Pipeline
import Stages

private let stages: [any DocumentStage] = [
    "type: clean",
    """
    type: clean
    normalize_punctuation: true
    detect_html: false
    keep_headline: false
    minimum_length: 0
    drop_patterns: ['(?i)^sponsored by ', '^\\d{1,2}:\\d{2} [AP]M$', 'https?://\\S+$']
    drop_lines: [Advertisement, Read more]
    extra_phrases: [all rights reserved, click here]
    """,
].map(makeStage)

private func makeStage(_ yaml: String) -> any DocumentStage {
    do {
        let node = try YAMLParser().parse(yaml, file: "clean.yaml")!
        let stage = try StageRegistry.builtIn.makeStage(
            typeName: "clean",
            options: node,
            keyPath: "",
            commonKeys: PipelineLoader.commonStageKeys
        )
        return stage as! any DocumentStage
    } catch {
        fatalError("invalid clean options in the fuzz target: \(error)")
    }
}

private let context = Fuzz.context(for: "clean")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClean(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = Document(id: "fuzz", text: text)
    for (index, stage) in stages.enumerated() {
        let result = Fuzz.blocking { try await stage.process(document, context: context) }
        switch result {
        case .failure(let error):
            Fuzz.require(false, "configuration \(index) threw \(error)")
        case .success(.drop(let reason)):
            Fuzz.require(index == 0 && reason == "too short", "configuration \(index) dropped: \(reason)")
        case .success(.keep(let cleaned)):
            Fuzz.require(cleaned.id == document.id, "the id changed")
            Fuzz.require(
                !cleaned.text.utf8.contains(0) && !cleaned.text.utf8.contains(0x0D),
                "configuration \(index) left NUL or CR in \(cleaned.text.debugDescription)"
            )
            guard case .object(let report)? = cleaned.fields["clean_report"] else {
                Fuzz.require(false, "no clean_report")
                return 0
            }
            for case (let group, .object(let counts)) in report {
                for (name, value) in counts {
                    Fuzz.require(
                        (value.integerValue ?? -1) >= 0,
                        "clean_report.\(group).\(name) is \(value)"
                    )
                }
            }
        }
    }
    return 0
}
