import Foundation
import Testing

@testable import Pipeline

@Suite struct InputFileReaderTests {
    func readAll(_ paths: [String], format: InputOptions.Format = .auto, maxBytes: Int = 1_000) throws -> [InputRecord]
    {
        let options = InputOptions(paths: paths, format: format, maxDocumentBytes: maxBytes)
        var reader = InputFileReader(expansion: try InputExpander(options: options).expand(), options: options)
        var records: [InputRecord] = []
        while let record = reader.next() { records.append(record) }
        return records
    }

    func summary(_ records: [InputRecord]) -> [String] {
        records.map { record in
            switch record {
            case .document(let document): return "doc \(document.id): \(document.text.debugDescription)"
            case .invalid(let removed):
                guard case .deadLettered(let error) = removed.disposition else { return "?" }
                return "dead \(removed.id): \(error)"
            }
        }
    }

    @Test func readsAFolderRecursivelyInByteOrderWithEveryProblemReported() throws {
        let folder = TemporaryFolder()
        folder.write("b.txt", "Second file.")
        folder.write("a.txt", "First file.")
        folder.write("Z.md", "Upper case sorts first.")
        folder.write("sub/c.txt", "Nested.")
        folder.write("ignored.bin", "not a document")
        folder.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("With BOM.\r\nCRLF kept.".utf8))
        folder.write("bad.txt", bytes: Array("ok so far ".utf8) + [0xC3, 0x28])
        folder.write("empty.txt", "")
        folder.write("blank.txt", " \n\t\n")
        folder.write("big.txt", String(repeating: "x", count: 1_001))
        folder.write("nul.txt", "a\u{0}b")
        try FileManager.default.createSymbolicLink(atPath: folder.file("sub/loop"), withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("dangling.txt"),
            withDestinationPath: folder.file("nowhere")
        )
        let lines = summary(try readAll([folder.path]))
        // The dangling symlink is reported before the files (found while listing), the rest in byte order.
        #expect(
            lines.first == "dead dangling.txt: cannot read '\(folder.file("dangling.txt"))': No such file or directory"
        )
        #expect(
            Array(lines.dropFirst()) == [
                #"doc Z.md: "Upper case sorts first.""#,
                #"doc a.txt: "First file.""#,
                #"doc b.txt: "Second file.""#,
                #"dead bad.txt: invalid UTF-8 at byte 10"#,
                #"dead big.txt: document of 1001 bytes exceeds max_document_bytes (1000)"#,
                #"dead blank.txt: text is only whitespace"#,
                #"doc bom.txt: "With BOM.\r\nCRLF kept.""#,
                #"dead empty.txt: empty text"#,
                #"doc nul.txt: "a\0b""#,
                #"doc sub/c.txt: "Nested.""#,
            ]
        )
    }

    @Test func readsJSONLinesWithLineNumberedErrors() throws {
        let folder = TemporaryFolder()
        let lines = [
            #"{"id": "a", "text": "Alpha.", "topic": "x", "n": 2}"#,
            #"{"id": 7, "text": "Integer id."}"#,
            #"{"text": "No id."}"#,
            "",
            #"[1, 2]"#,
            #"42"#,
            #"{"id": "m"}"#,
            #"{"id": "n", "text": 5}"#,
            #"{"id": "broken", "text": "unterminated}"#,
            #"{"id": "u", "text": "bad \ud800 escape"}"#,
            #"{"id": "e", "text": ""}"#,
            #"{"id": "crlf", "text": "Windows line."}"# + "\r",
        ]
        let path = folder.write("in.jsonl", lines.joined(separator: "\n"))
        let records = try readAll([path])
        #expect(
            summary(records) == [
                #"doc a: "Alpha.""#,
                #"doc 7: "Integer id.""#,
                #"doc \#(path):3: "No id.""#,
                "dead \(path):5: line 5: expected a JSON object, found an array",
                "dead \(path):6: line 6: expected a JSON object, found a number",
                "dead m: line 7: missing member 'text'",
                "dead n: line 8: member 'text' is a number, expected a string",
                "dead \(path):9: line 9: invalid JSON: unterminated string at column 40",
                "dead \(path):10: line 10: invalid JSON: lone surrogate in a \\u escape at column 32",
                "dead e: line 11: empty text",
                #"doc crlf: "Windows line.""#,
            ]
        )
        guard case .document(let first) = records[0] else { return }
        #expect(first.fields == ["topic": .string("x"), "n": .integer(2)])
        #expect(first.source == DocumentSource(path: path, line: 1))
    }

    @Test func skipsOverlongLinesWithoutKeepingThem() throws {
        let folder = TemporaryFolder()
        // A line that fits the line buffer is parsed, so the id is known; a longer one is skipped unread.
        let big = #"{"id": "big", "text": ""# + String(repeating: "y", count: 20_000) + #""}"#
        let huge = #"{"id": "huge", "text": ""# + String(repeating: "y", count: 70_000) + #""}"#
        let path = folder.write(
            "in.jsonl",
            [big, huge, #"{"id": "after", "text": "Still read."}"#].joined(separator: "\n")
        )
        let lines = summary(try readAll([path], maxBytes: 100))
        #expect(
            lines == [
                "dead big: line 1: document of 20000 bytes exceeds max_document_bytes (100)",
                "dead \(path):2: line 2: document of 70026 bytes exceeds max_document_bytes (100)",
                #"doc after: "Still read.""#,
            ]
        )
    }

    @Test func namedPathsMustExist() {
        #expect(
            throws: FileAccessError(
                path: "/nonexistent/x",
                operation: "read",
                reason: "No such file or directory",
                errorNumber: ENOENT
            )
        ) {
            try readAll(["/nonexistent/x"])
        }
        #expect(
            throws: FileAccessError(
                path: "/nonexistent/*.txt",
                operation: "expand",
                reason: "the pattern matches no file"
            )
        ) {
            try readAll(["/nonexistent/*.txt"])
        }
    }

    @Test func expandsGlobsInByteOrder() throws {
        let folder = TemporaryFolder()
        folder.write("2.jsonl", #"{"id":"two","text":"2"}"#)
        folder.write("1.jsonl", #"{"id":"one","text":"1"}"#)
        let lines = summary(try readAll([folder.path + "/*.jsonl"]))
        #expect(lines == [#"doc one: "1""#, #"doc two: "2""#])
    }
}
