// Fuzzes the entities tokenizer and the `entities` stage (with the bundled model).
//
// Input: a document's text (invalid UTF-8 is repaired with U+FFFD, as the reader would reject it anyway).
// The tokenizer runs on an exactly sized heap copy of the UTF-8 bytes, so AddressSanitizer sees any read past the
// end; its tokens must be non-empty, in bounds and in order. The stage, built from YAML options by the built-in
// registry (defaults, then a user gazetteer and a label subset), must keep the document; its `entities` must be in
// order, not overlapping, within the text, each with a text equal to the document's code points `start..<end`;
// every `entity_summary` entry must have a count of at least 1.

import FuzzSupport
import Pipeline

@testable import Stages

private let stages: [any DocumentStage] = [
    "type: entities",
    """
    type: entities
    labels: [PERSON, ORG, GPE, DATE, MONEY, URL]
    min_confidence: 0.5
    gazetteer: {ORG: [Acme, New York Times, "U.S."], PERSON: [Kim]}
    institutions_as_organizations: false
    """,
].map(makeStage)

private func makeStage(_ yaml: String) -> any DocumentStage {
    do {
        let node = try YAMLParser().parse(yaml, file: "entities.yaml")!
        let stage = try StageRegistry.builtIn.makeStage(
            typeName: "entities",
            options: node,
            keyPath: "",
            commonKeys: PipelineLoader.commonStageKeys
        )
        return stage as! any DocumentStage
    } catch {
        fatalError("cannot build the entities stage: \(error)")
    }
}

private let context = Fuzz.context(for: "entities")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntities(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    checkTokenizer(on: text)
    let scalars = Array(text.unicodeScalars)
    let document = Document(id: "fuzz", text: text)
    for (index, stage) in stages.enumerated() {
        let result = Fuzz.blocking { try await stage.process(document, context: context) }
        guard case .success(.keep(let annotated)) = result,
            case .array(let entities)? = annotated.fields["entities"],
            case .array(let summary)? = annotated.fields["entity_summary"]
        else {
            Fuzz.require(false, "configuration \(index) gave \(result)")
            return 0
        }
        var previousEnd = 0
        for entity in entities {
            let start = entity.objectValue?["start"]?.integerValue ?? -1
            let end = entity.objectValue?["end"]?.integerValue ?? -1
            Fuzz.require(
                previousEnd <= start && start < end && end <= scalars.count,
                "entity \(entity) out of order or bounds (previous end \(previousEnd), \(scalars.count) scalars)"
            )
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars[start..<end])
            Fuzz.require(
                entity.objectValue?["text"] == .string(String(expected)),
                "entity \(entity) is not the text \(String(expected).debugDescription)"
            )
            previousEnd = end
        }
        for entry in summary {
            Fuzz.require((entry.objectValue?["count"]?.integerValue ?? 0) >= 1, "summary entry \(entry)")
        }
    }
    return 0
}

/// Tokenizes the text's bytes from an exactly sized buffer and checks the tokens.
private func checkTokenizer(on text: String) {
    let bytes = Array(text.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    defer { buffer.deallocate() }
    _ = buffer.initialize(from: bytes)
    var previousEnd: Int32 = 0
    for token in EntityTokenizer.tokenize(UnsafeBufferPointer(buffer)) {
        Fuzz.require(
            previousEnd <= token.start && token.start < token.end && Int(token.end) <= bytes.count,
            "token \(token.start)..<\(token.end) out of order or bounds (previous end \(previousEnd), \(bytes.count) bytes)"
        )
        previousEnd = token.end
    }
}
