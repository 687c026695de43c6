// Fuzzes the YAML layer as `pipeline-run validate` drives it: libyaml events → node tree (anchors and aliases
// included) → `${VAR}` interpolation → section and stage-option decoding with the built-in registry.
//
// Input: the bytes of a pipeline file. Invariants: nothing crashes, hangs or runs out of memory; every failure is a
// thrown ConfigurationError(s) whose description renders, and whose caret line is attached when it points into the
// file; a plan, when one is built, has at least one stage.

import FuzzSupport
import Pipeline
import Stages

private let file = "fuzz.yaml"
private let registry = StageRegistry.builtIn
private let environment = [
    "HOME": "/home/fuzz", "PORT": "8080", "EMPTY": "", "MULTILINE": "one\ntwo", "TOKEN": "s3cr3t",
    "RATIO": "0.4", "STAGE": "clean",
]
private let loader = PipelineLoader(registry: registry, environment: environment)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.utf8.elementsEqual(bytes) else {
        // Invalid UTF-8: the parser must fail with a located error (a syntax error at the bad byte, or an error
        // found in the text before it).
        do {
            _ = try YAMLParser().parse(utf8: bytes, file: file)
            Fuzz.require(false, "invalid UTF-8 parsed without an error")
        } catch {
            check(error)
        }
        return 0
    }
    let parsed: (root: YAMLNode, source: SourceText)
    do {
        parsed = try loader.parse(text: text, file: file)
    } catch {
        error.errors.forEach(check)
        Fuzz.require(!error.errors.isEmpty, "parse threw an empty error list")
        return 0
    }
    do {
        let plan = try loader.plan(from: parsed.root, source: parsed.source)
        Fuzz.require(!plan.stages.isEmpty, "a plan without stages")
        for stage in plan.stages {
            Fuzz.require(registry.entry(named: stage.typeName) != nil, "planned an unknown type \(stage.typeName)")
        }
    } catch {
        error.errors.forEach(check)
        Fuzz.require(!error.errors.isEmpty, "plan threw an empty error list")
    }
    return 0
}

/// Checks one configuration error: it renders, and points into the file with its line attached.
private func check(_ error: ConfigurationError) {
    let description = error.description
    // Bytes, not characters: a combining mark after "error: " joins its space into one character.
    Fuzz.require(
        description.utf8.firstRange(of: "error: ".utf8) != nil,
        "a diagnostic without 'error: ': \(description)"
    )
    Fuzz.require(!error.message.isEmpty, "an error without a message")
    guard let location = error.location else { return }
    Fuzz.require(location.line >= 1 && location.column >= 1, "a location before the start: \(location)")
    if location.file == file {
        Fuzz.require(error.sourceLine != nil, "no source line attached for \(location): \(description)")
    }
}
