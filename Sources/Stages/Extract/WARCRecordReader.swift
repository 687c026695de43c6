import Foundation

/// Reads the records of a WARC file one at a time, streaming, from `.warc` or multi-member `.warc.gz`.
///
/// Only the current record is held in memory (and one read buffer), so multi-gigabyte files stream in constant
/// memory. Compression is recognised by the gzip magic bytes, not the file name. A malformed record throws a
/// `WARCReadError` carrying its byte offset; the next call to `next()` resumes at the following record.
///
/// ```
/// var reader = try WARCRecordReader(path: "crawl.warc.gz")
/// while let record = try reader.next() where record.isHTMLResponse { … }
/// ```
///
/// # Thread safety
/// A reader is a cursor over an open file: use it from one task at a time. The records it returns are `Sendable`.
struct WARCRecordReader {
    /// The file read.
    let path: String
    /// Payloads longer than this are cut (the rest is skipped while streaming). Default 64 MiB.
    let maximumPayloadBytes: Int
    private let source: WARCByteSource

    /// Opens `path`.
    ///
    /// - Parameters:
    ///   - path: A `.warc` or `.warc.gz` file.
    ///   - maximumPayloadBytes: The most payload bytes kept per record.
    /// - Throws: `WARCReadError` with code `.cannotOpen` when the file cannot be opened.
    init(path: String, maximumPayloadBytes: Int = 64 << 20) throws {
        self.path = path
        self.maximumPayloadBytes = maximumPayloadBytes
        source = try WARCByteSource(path: path)
    }

    /// The next record, or nil at the end of the file.
    ///
    /// - Throws: `WARCReadError` for a malformed or truncated record; calling `next()` again skips to the next one.
    mutating func next() throws -> WARCRecord? {
        do {
            return try source.readRecord(path: path, maximumPayloadBytes: maximumPayloadBytes)
        } catch {
            source.resynchronise()
            throw error
        }
    }
}

/// The byte stream under a `WARCRecordReader`: buffered file reads, gunzipped when the file is gzip.
///
/// # Thread safety
/// Confined to the reader that owns it.
private final class WARCByteSource {
    private let handle: FileHandle
    private let inflater: GzipMemberInflater?
    /// Decompressed bytes not yet consumed start at `position`.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Compressed bytes read from the file but not yet inflated.
    private var compressed: [UInt8] = []
    private var compressedPosition = 0
    /// File offset of `compressed[0]`.
    private var compressedBase = 0
    /// Offset (file or decompressed) of `buffer[0]`.
    private var bufferBase = 0
    /// For gzip: (decompressed offset where a member starts, its file offset), oldest first.
    private var memberStarts: [(decompressed: Int, file: Int)] = [(0, 0)]
    private var fileEnded = false
    private let chunkSize = 1 << 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WARCReadError(code: .cannotOpen, message: "cannot open file", path: path, offset: 0)
        }
        self.handle = handle
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        try? handle.seek(toOffset: 0)
        if head.count == 2 && head[head.startIndex] == 0x1F && head[head.startIndex + 1] == 0x8B {
            inflater = try? GzipMemberInflater()
        } else {
            inflater = nil
        }
    }

    deinit { try? handle.close() }

    /// The reported offset of the decompressed position `offset`.
    private func reportedOffset(_ offset: Int) -> Int {
        guard inflater != nil else { return offset }
        var result = 0
        for start in memberStarts where start.decompressed <= offset { result = start.file }
        return result
    }

    /// Ensures at least `count` unread bytes are buffered, unless the input ends first.
    /// - Returns: `true` when `count` bytes are available.
    private func fill(_ count: Int) throws(WARCReadError) -> Bool {
        while buffer.count - position < count {
            if position > 0 && position >= buffer.count / 2 {
                buffer.removeFirst(position)
                bufferBase += position
                position = 0
            }
            if !(try readMore()) { return false }
        }
        return true
    }

    /// Appends more bytes to `buffer`. - Returns: `false` at the end of input.
    private func readMore() throws(WARCReadError) -> Bool {
        guard let inflater else {
            guard !fileEnded, let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else {
                fileEnded = true
                return false
            }
            buffer.append(contentsOf: data)
            return true
        }
        if compressedPosition >= compressed.count {
            guard !fileEnded, let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else {
                fileEnded = true
                if inflater.isInsideMember {
                    throw WARCReadError(
                        code: .truncated,
                        message: "gzip member ends early",
                        path: "",
                        offset: memberStarts.last?.file ?? 0
                    )
                }
                return false
            }
            compressedBase += compressed.count
            compressed = [UInt8](data)
            compressedPosition = 0
        }
        let before = buffer.count
        let step: GzipMemberInflater.Step
        do {
            step = try compressed.withUnsafeBufferPointer { whole throws(GzipMemberInflater.Failure) in
                try inflater.inflate(UnsafeBufferPointer(rebasing: whole[compressedPosition...]), into: &buffer)
            }
        } catch {
            let memberOffset = memberStarts.last?.file ?? 0
            skipToNextMember()
            throw WARCReadError(code: .corruptGzip, message: error.message, path: "", offset: memberOffset)
        }
        compressedPosition += step.consumed
        if step.memberEnded {
            memberStarts.append((bufferBase + buffer.count, compressedBase + compressedPosition))
            if memberStarts.count > 64 { memberStarts.removeFirst(memberStarts.count - 64) }
        }
        return buffer.count > before || step.consumed > 0
    }

    /// After corrupt gzip data: drop buffered output and look for the next gzip header in the compressed input.
    private func skipToNextMember() {
        buffer.removeSubrange(position...)
        compressedPosition = min(compressedPosition + 1, compressed.count)
        while true {
            while compressedPosition + 2 < compressed.count {
                if compressed[compressedPosition] == 0x1F && compressed[compressedPosition + 1] == 0x8B
                    && compressed[compressedPosition + 2] == 0x08
                {
                    memberStarts.append((bufferBase + buffer.count, compressedBase + compressedPosition))
                    return
                }
                compressedPosition += 1
            }
            guard !fileEnded, let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else {
                fileEnded = true
                return
            }
            let keep = Array(compressed[compressedPosition...])
            compressedBase += compressedPosition
            compressed = keep + [UInt8](data)
            compressedPosition = 0
        }
    }

    /// Reads one line ending in LF (CR LF accepted), without the terminator. - Returns: nil at end of input.
    private func readLine(limit: Int = 1 << 16) throws(WARCReadError) -> [UInt8]? {
        var scanned = 0
        while true {
            let available = buffer.count - position
            while scanned < available {
                if buffer[position + scanned] == 0x0A {
                    var line = Array(buffer[position..<(position + scanned)])
                    if line.last == 0x0D { line.removeLast() }
                    position += scanned + 1
                    return line
                }
                scanned += 1
                if scanned > limit {
                    throw WARCReadError(
                        code: .badHeader,
                        message: "header line longer than \(limit) bytes",
                        path: "",
                        offset: reportedOffset(bufferBase + position)
                    )
                }
            }
            if !(try fill(available + 1)) {
                if available == 0 { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
        }
    }

    /// Reads the next record.
    func readRecord(path: String, maximumPayloadBytes: Int) throws(WARCReadError) -> WARCRecord? {
        do {
            return try readRecordUnlabelled(maximumPayloadBytes: maximumPayloadBytes)
        } catch {
            var labelled = error
            labelled.path = path
            throw labelled
        }
    }

    private func readRecordUnlabelled(maximumPayloadBytes: Int) throws(WARCReadError) -> WARCRecord? {
        // Skip blank lines between records.
        var versionLine: [UInt8]
        var recordStart: Int
        repeat {
            recordStart = bufferBase + position
            guard let line = try readLine() else { return nil }
            versionLine = line
        } while versionLine.isEmpty
        let offset = reportedOffset(recordStart)
        guard versionLine.starts(with: Array("WARC/".utf8)) else {
            throw WARCReadError(
                code: .notWARC,
                message: "record does not start with a WARC/ version line",
                path: "",
                offset: offset
            )
        }
        var headers: [String: String] = [:]
        while true {
            guard let line = try readLine() else {
                throw WARCReadError(
                    code: .truncated,
                    message: "file ends inside the record header",
                    path: "",
                    offset: offset
                )
            }
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw WARCReadError(code: .badHeader, message: "header line without a colon", path: "", offset: offset)
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            headers[ArticleTextSpacing.collapsed(name)] =
                ArticleTextSpacing.collapsed(String(decoding: line[(colon + 1)...], as: UTF8.self))
        }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            throw WARCReadError(
                code: .badHeader,
                message: "missing or invalid Content-Length",
                path: "",
                offset: offset
            )
        }
        var block: [UInt8] = []
        block.reserveCapacity(min(length, maximumPayloadBytes + 65_536))
        var remaining = length
        let keepLimit = maximumPayloadBytes + 65_536  // room for HTTP headers
        while remaining > 0 {
            let needsMore = position >= buffer.count
            if needsMore, !(try fill(1)) {
                throw WARCReadError(
                    code: .truncated,
                    message: "file ends inside the record content "
                        + "(\(length - remaining) of \(length) bytes)",
                    path: "",
                    offset: offset
                )
            }
            let take = min(remaining, buffer.count - position)
            let keep = max(0, min(take, keepLimit - block.count))
            if keep > 0 { block.append(contentsOf: buffer[position..<(position + keep)]) }
            position += take
            remaining -= take
        }
        return Self.makeRecord(
            headers: headers,
            block: block,
            truncated: length > block.count,
            offset: offset,
            maximumPayloadBytes: maximumPayloadBytes
        )
    }

    /// After an error: skip to the next record start (gzip: the next member; plain: the next `WARC/` line).
    func resynchronise() {
        if inflater != nil {
            if let last = memberStarts.last, last.decompressed >= bufferBase + position {
                position = min(buffer.count, max(position, last.decompressed - bufferBase))
                return
            }
            // Drop what is left of the current member's output, then continue at the next member.
            while true {
                let membersBefore = memberStarts.count
                position = buffer.count
                guard (try? readMore()) == true else { return }
                if memberStarts.count > membersBefore, let last = memberStarts.last {
                    position = min(buffer.count, max(0, last.decompressed - bufferBase))
                    return
                }
            }
        }
        let marker = Array("\nWARC/".utf8)
        while true {
            let available = buffer.count - position
            if available >= marker.count {
                var index = position
                while index + marker.count <= buffer.count {
                    if buffer[index] == 0x0A && buffer[index + 1] == 0x57
                        && buffer[index..<(index + marker.count)].elementsEqual(marker)
                    {
                        position = index + 1
                        return
                    }
                    index += 1
                }
                position = buffer.count - marker.count + 1
            }
            guard (try? fill(buffer.count - position + 1)) == true else {
                position = buffer.count
                return
            }
        }
    }

    /// Builds a record from its headers and content block, parsing the HTTP message of `response` records.
    private static func makeRecord(
        headers: [String: String],
        block: [UInt8],
        truncated: Bool,
        offset: Int,
        maximumPayloadBytes: Int
    ) -> WARCRecord {
        let type = (headers["warc-type"] ?? "").lowercased()
        var record = WARCRecord(
            type: type,
            targetURI: headers["warc-target-uri"].map(Self.unbracketed),
            date: headers["warc-date"],
            httpStatus: nil,
            contentType: headers["content-type"],
            payload: block,
            payloadTruncated: truncated,
            offset: offset
        )
        let isHTTP = (headers["content-type"] ?? "").lowercased().contains("application/http")
        if type == "response" && (isHTTP || block.starts(with: Array("HTTP/".utf8))) {
            Self.parseHTTPResponse(block, into: &record)
        }
        if record.payload.count > maximumPayloadBytes {
            record.payload.removeLast(record.payload.count - maximumPayloadBytes)
            record.payloadTruncated = true
        }
        return record
    }

    /// `<uri>` → `uri` (WARC 1.0 wrote target URIs in angle brackets).
    private static func unbracketed(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }

    /// Splits an HTTP response into status, headers and body.
    private static func parseHTTPResponse(_ block: [UInt8], into record: inout WARCRecord) {
        var index = 0
        var lines: [[UInt8]] = []
        var bodyStart = block.count
        while index < block.count {
            var end = index
            while end < block.count && block[end] != 0x0A { end += 1 }
            var line = Array(block[index..<end])
            if line.last == 0x0D { line.removeLast() }
            index = end + 1
            if line.isEmpty {
                bodyStart = min(index, block.count)
                break
            }
            lines.append(line)
            if lines.count > 500 { break }
        }
        guard let statusLine = lines.first else { return }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        if parts.count >= 2 { record.httpStatus = Int(String(decoding: parts[1], as: UTF8.self)) }
        var chunked = false
        var gzipped = false
        record.contentType = nil
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = ArticleTextSpacing.collapsed(String(decoding: line[(colon + 1)...], as: UTF8.self))
            switch name {
            case "content-type": record.contentType = value
            case "transfer-encoding": chunked = value.lowercased().contains("chunked")
            case "content-encoding": gzipped = value.lowercased().contains("gzip")
            default: break
            }
        }
        var body = Array(block[bodyStart...])
        if chunked, let decoded = dechunked(body) { body = decoded }
        if gzipped, body.starts(with: [0x1F, 0x8B]), let inflated = try? GzipMemberInflater.inflateAll(body) {
            body = inflated
        }
        record.payload = body
    }

    /// Decodes HTTP chunked transfer encoding; nil when the body is not validly chunked.
    private static func dechunked(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < body.count {
            var end = index
            while end < body.count && body[end] != 0x0A { end += 1 }
            guard end < body.count else { return nil }
            let sizeText =
                String(decoding: body[index..<end], as: UTF8.self)
                .split(separator: ";").first.map { ArticleTextSpacing.collapsed(String($0)) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            index = end + 1
            if size == 0 { return output }
            guard index + size <= body.count else { return nil }
            output.append(contentsOf: body[index..<(index + size)])
            index += size
            if index < body.count && body[index] == 0x0D { index += 1 }
            if index < body.count && body[index] == 0x0A { index += 1 }
        }
        return output
    }
}
