import Testing

@testable import Stages

/// Reading hand-made WARC files: plain, one gzip member per record, malformed and truncated.
struct WARCRecordReaderTests {
    /// (type, target URI, HTTP status, content type, payload size, offset) of every record in `path`.
    private func summaries(_ path: String) throws -> [String] {
        var reader = try WARCRecordReader(path: path)
        var lines: [String] = []
        while true {
            do {
                guard let record = try reader.next() else { break }
                lines.append(
                    "\(record.type) \(record.targetURI ?? "-") \(record.httpStatus.map(String.init) ?? "-") "
                        + "\(record.contentType ?? "-") \(record.payload.count)@\(record.offset)"
                )
            } catch let error as WARCReadError {
                lines.append("error \(error.code) @\(error.offset): \(error.message)")
            }
        }
        return lines
    }

    @Test func plainWARCYieldsEveryRecordWithHTTPParsedOff() throws {
        #expect(
            try summaries(ExtractFixtures.path("sample.warc")) == [
                "warcinfo - - application/warc-fields 20@0",
                "response https://example.org/hello 200 text/html; charset=utf-8 227@179",
                "request https://example.org/hello - application/http; msgtype=request 42@701",
                "response https://example.org/missing 404 text/html 42@925",
            ]
        )
    }

    @Test func gzipWARCReportsMemberOffsets() throws {
        #expect(
            try summaries(ExtractFixtures.path("sample.warc.gz")) == [
                "warcinfo - - application/warc-fields 20@0",
                "response https://example.org/hello 200 text/html; charset=utf-8 227@161",
                "request https://example.org/hello - application/http; msgtype=request 42@513",
                "response https://example.org/missing 404 text/html 42@697",
            ]
        )
    }

    @Test func responsePayloadIsTheHTMLBodyAndChunkedBodiesAreDecoded() throws {
        var reader = try WARCRecordReader(path: ExtractFixtures.path("sample.warc.gz"))
        var responses: [WARCRecord] = []
        while let record = try reader.next() {
            if record.isHTMLResponse { responses.append(record) }
        }
        #expect(responses.count == 2)
        #expect(responses[0].date == "2024-03-01T10:00:01Z")
        #expect(String(decoding: responses[1].payload, as: UTF8.self) == "<html><body><p>Not found</p></body></html>")
        let article = HTMLArticleExtractor().extract(
            html: responses[0].payload,
            contentType: responses[0].contentType,
            url: responses[0].targetURI
        )
        #expect(article.title == "Hello")
        #expect(article.text.hasPrefix("The first page of the handmade crawl has one paragraph"))
    }

    @Test func malformedRecordsAreReportedWithOffsetsAndReadingResumes() throws {
        #expect(
            try summaries(ExtractFixtures.path("malformed.warc")) == [
                "warcinfo - - application/warc-fields 20@0",
                "error notWARC @179: record does not start with a WARC/ version line",
                "response https://example.org/hello 200 text/html; charset=utf-8 227@222",
            ]
        )
        #expect(
            try summaries(ExtractFixtures.path("malformed.warc.gz")) == [
                "warcinfo - - application/warc-fields 20@0",
                "error notWARC @161: record does not start with a WARC/ version line",
                "error corruptGzip @221: invalid code lengths set",
                "response https://example.org/hello 200 text/html; charset=utf-8 227@240",
            ]
        )
    }

    @Test func truncatedFileEndsWithATruncationError() throws {
        #expect(
            try summaries(ExtractFixtures.path("truncated.warc")) == [
                "warcinfo - - application/warc-fields 20@0",
                "error truncated @179: file ends inside the record content (50 of 307 bytes)",
            ]
        )
    }

    @Test func missingFileThrowsCannotOpen() {
        let error = #expect(throws: WARCReadError.self) { try WARCRecordReader(path: "/nonexistent/crawl.warc.gz") }
        #expect(error?.description == "/nonexistent/crawl.warc.gz: byte 0: cannot open file")
    }
}
