// Fuzzes the sentence splitter and the `summarize` stage.
//
// Input: an article's text (invalid UTF-8 is repaired with U+FFFD, as the reader would reject it anyway).
// The splitter runs on an exactly sized heap copy of the UTF-8 bytes, so AddressSanitizer sees any read past the
// end; its ranges must be in bounds, non-empty, trimmed and in order. The stage, built from YAML options by the
// built-in registry, runs with the news.yaml options and with one of four others picked by the input's length; its
// `summary_sentences` must be increasing indices of body sentences, at most the requested count, and `max_chars`
// must bound the summary.

import FuzzSupport
import Pipeline

@testable import Stages

private struct Configuration {
    let stage: any DocumentStage
    let sentences: Int?
    let maxCharacters: Int?
}

private let newsOptions = makeConfiguration("ratio: 0.4")
private let otherOptions = [
    makeConfiguration("method: textrank\nsentences: 3\nmax_chars: 120"),
    makeConfiguration("method: lexrank\nratio: 1.0\nratio_rounding: up\nmax_sentences: 10"),
    makeConfiguration("method: frequency\nmax_chars: 300"),
    makeConfiguration("method: lead\nsentences: 1\nmax_chars: 1"),
]

private func makeConfiguration(_ options: String) -> Configuration {
    do {
        let node = try YAMLParser().parse("type: summarize\n" + options, file: "summarize.yaml")!
        let stage = try StageRegistry.builtIn.makeStage(
            typeName: "summarize",
            options: node,
            keyPath: "",
            commonKeys: PipelineLoader.commonStageKeys
        )
        let sentences = node["sentences"]?.scalar.flatMap { Int($0.value) }
        let maxCharacters = node["max_chars"]?.scalar.flatMap { Int($0.value) }
        return Configuration(stage: stage as! any DocumentStage, sentences: sentences, maxCharacters: maxCharacters)
    } catch {
        fatalError("invalid summarize options in the fuzz target: \(error)")
    }
}

private let context = Fuzz.context(for: "summarize")
private let splitter = NewsSentenceSplitter()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSummarize(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let bodySentences = checkSplitter(on: text)
    let document = Document(id: "fuzz", text: text)
    for configuration in [newsOptions, otherOptions[size % otherOptions.count]] {
        let result = Fuzz.blocking { try await configuration.stage.process(document, context: context) }
        guard case .success(.keep(let summarized)) = result else {
            Fuzz.require(false, "summarize did not keep the document: \(result)")
            return 0
        }
        guard case .string(let summary)? = summarized.fields["summary"],
            case .array(let values)? = summarized.fields["summary_sentences"]
        else {
            Fuzz.require(false, "summary fields missing: \(summarized.fields)")
            return 0
        }
        let indices = values.map { $0.integerValue ?? -1 }
        Fuzz.require(
            zip(indices, indices.dropFirst()).allSatisfy { $0 < $1 },
            "summary_sentences not increasing: \(indices)"
        )
        Fuzz.require(indices.allSatisfy { 0 <= $0 && $0 < bodySentences }, "index out of \(bodySentences): \(indices)")
        Fuzz.require(indices.isEmpty == summary.isEmpty, "summary \(summary.debugDescription) for \(indices)")
        if let wanted = configuration.sentences {
            Fuzz.require(indices.count <= wanted, "\(indices.count) sentences, asked for \(wanted)")
        }
        if let maxCharacters = configuration.maxCharacters {
            Fuzz.require(
                summary.unicodeScalars.count <= maxCharacters,
                "summary over max_chars: \(summary.debugDescription)"
            )
        }
    }
    return 0
}

/// Splits the text's bytes from an exactly sized buffer and checks the ranges; returns the body sentence count.
private func checkSplitter(on text: String) -> Int {
    let bytes = Array(text.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    defer { buffer.deallocate() }
    _ = buffer.initialize(from: bytes)
    let layout = splitter.splitBytes(UnsafeBufferPointer(buffer))
    var previousEnd = 0
    for range in (layout.headline.map { [$0] } ?? []) + layout.sentences {
        Fuzz.require(!range.isEmpty, "an empty range \(range)")
        Fuzz.require(range.lowerBound >= previousEnd, "range \(range) overlaps the one ending at \(previousEnd)")
        Fuzz.require(range.upperBound <= bytes.count, "range \(range) past the end (\(bytes.count))")
        Fuzz.require(
            !NewsSentenceSplitter.isSpace(bytes[range.lowerBound])
                && !NewsSentenceSplitter.isSpace(bytes[range.upperBound - 1]),
            "range \(range) not trimmed: \(String(decoding: bytes[range], as: UTF8.self).debugDescription)"
        )
        previousEnd = range.upperBound
    }
    return layout.sentences.count
}
