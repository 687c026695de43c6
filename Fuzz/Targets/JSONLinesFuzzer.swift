// Fuzzes the input reader: a file of arbitrary bytes read by `InputFileReader` as JSON Lines (or as one text
// document), with a small `max_document_bytes`.
//
// Input: one selector byte, then the file's bytes. The selector picks the format, the size limit and the
// text/id members. Invariants: every record is a document or a dead-lettered `input` record; a document's text is
// not blank and within the limit; a document written as a JSON line reads back as the same object (the README's
// promise that one pipeline's output is valid input to another); dead-letter lines are valid JSON; no descriptor
// leaks.

import FuzzSupport
import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

private let folder = "/tmp/pipeline-run-fuzz-\(getpid())"
private let setUp: Void = { mkdir(folder, 0o700) }()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = setUp
    guard size >= 1 else { return 0 }
    let selector = data[0]
    let content = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let isText = selector & 0x80 != 0
    let path = folder + (isText ? "/input.txt" : "/input.jsonl")
    write(content, to: path)

    let maxBytes = [16, 64, 256, 4096][Int(selector & 0x03)]
    let textField = selector & 0x04 == 0 ? "text" : "body"
    let idField = selector & 0x08 == 0 ? "id" : (selector & 0x10 == 0 ? "text" : "n")
    let options = InputOptions(
        paths: [path],
        format: isText ? .text : .jsonl,
        textField: textField,
        idField: idField,
        maxDocumentBytes: maxBytes
    )
    let expansion: InputExpander.Expansion
    do {
        expansion = try InputExpander(options: options).expand()
    } catch {
        Fuzz.require(false, "cannot expand \(path): \(error)")
        return 0
    }
    var reader = InputFileReader(expansion: expansion, options: options)
    let lineCount = content.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    var records = 0
    let parser = JSONParser()
    while let record = reader.next() {
        records += 1
        Fuzz.require(records <= lineCount, "more records (\(records)) than lines (\(lineCount))")
        switch record {
        case .document(let document):
            Fuzz.require(document.text.utf8.count <= maxBytes, "a document over max_document_bytes")
            Fuzz.require(
                !document.text.utf8.allSatisfy { [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) },
                "a blank document"
            )
            Fuzz.require(document.fields[textField] == nil, "the text member stayed among the fields")
            var line: [UInt8] = []
            document.writeJSON(to: &line)
            let reread = line.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONParser.SyntaxError) in try parser.parse(buffer) }
            }
            switch reread {
            case .success(let value):
                Fuzz.require(
                    value == document.json,
                    "written \(String(decoding: line, as: UTF8.self)) reads back as \(value), not \(document.json)"
                )
            case .failure(let error):
                Fuzz.require(false, "written \(String(decoding: line, as: UTF8.self)) does not parse: \(error)")
            }
        case .invalid(let removed):
            Fuzz.require(removed.stage == "input", "an invalid record from stage \(removed.stage)")
            guard case .deadLettered(let reason) = removed.disposition else {
                Fuzz.require(false, "an invalid record that is not dead-lettered")
                return 0
            }
            Fuzz.require(!reason.isEmpty, "a dead-letter record without a reason")
            let line = removed.deadLetterJSON.serialized()
            Fuzz.require((try? parser.parse(line)) != nil, "dead-letter line does not parse: \(line)")
        }
    }
    // The reader closes each file at its end: the next descriptor must be a low one.
    let probe = open("/dev/null", O_RDONLY)
    close(probe)
    Fuzz.require(probe < 64, "file descriptors leak: open returned \(probe)")
    return 0
}

/// Replaces the file at `path` with `bytes`.
private func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    Fuzz.require(descriptor >= 0, "cannot create \(path)")
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        Fuzz.require(written > 0, "cannot write \(path)")
        offset += written
    }
    close(descriptor)
}
