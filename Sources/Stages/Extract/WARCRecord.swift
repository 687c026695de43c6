/// One record of a WARC file.
///
/// For `response` records carrying HTTP, the HTTP status line and headers are parsed off: `httpStatus` and
/// `contentType` come from the HTTP message and `payload` is its body (de-chunked and gunzipped when the stored
/// message still carries those encodings). For every other record, `payload` is the record's content block and
/// `contentType` the WARC `Content-Type` header.
struct WARCRecord: Sendable, Equatable {
    /// `WARC-Type` (`response`, `request`, `warcinfo`, `metadata`, `resource`, …), lowercased.
    var type: String
    /// `WARC-Target-URI`, if present.
    var targetURI: String?
    /// `WARC-Date`, as written (ISO 8601).
    var date: String?
    /// The HTTP status code of a `response` record.
    var httpStatus: Int?
    /// The payload's media type (HTTP `Content-Type` for responses, WARC `Content-Type` otherwise).
    var contentType: String?
    /// The payload bytes (possibly cut at the reader's `maximumPayloadBytes`).
    var payload: [UInt8]
    /// `true` when the payload was longer than the reader's limit and has been cut.
    var payloadTruncated: Bool
    /// Where the record starts: the byte offset in the file, or for `.warc.gz` the offset of its gzip member.
    var offset: Int

    /// `true` for a `response` record whose payload is HTML (by media type, or by sniffing when none is given).
    var isHTMLResponse: Bool {
        guard type == "response" else { return false }
        if let contentType {
            let lower = contentType.lowercased()
            return lower.contains("text/html") || lower.contains("application/xhtml")
        }
        return HTMLArticleExtractor.looksLikeHTML(bytes: payload.prefix(4096))
    }
}
