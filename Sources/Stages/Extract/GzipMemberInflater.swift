internal import CZlib

/// Streaming gzip decompression that runs across member boundaries, as multi-member `.gz` files need.
///
/// Common Crawl writes one gzip member per WARC record and concatenates them; zlib's `inflate` stops at the end
/// of each member, so the inflater resets the stream and carries on with the next one, reporting where each
/// member ended. The `z_stream` lives on the heap because zlib keeps a pointer to it. It is the only file of the
/// module that imports zlib.
///
/// # Thread safety
/// A mutable reference type confined to one reader at a time; it is not `Sendable`.
final class GzipMemberInflater {
    /// A corrupt or truncated gzip stream.
    struct Failure: Error, Equatable, CustomStringConvertible {
        /// What zlib reported.
        var message: String
        /// A human-readable description.
        var description: String { "gzip: \(message)" }
    }

    /// The outcome of one `inflate` call.
    struct Step {
        /// Input bytes consumed.
        var consumed: Int
        /// `true` when a gzip member ended inside the consumed input (the stream has been reset for the next).
        var memberEnded: Bool
        /// Output bytes appended.
        var produced: Int
    }

    private let stream: UnsafeMutablePointer<z_stream>
    /// Whether the current member has produced any output or consumed any input since the last reset.
    private(set) var isInsideMember = false

    /// Creates an inflater expecting gzip headers (`inflateInit2` with `16 + MAX_WBITS`).
    init() throws(Failure) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflate_init2(stream, 16 + MAX_WBITS)
        guard status == Z_OK else {
            stream.deallocate()
            throw Failure(message: "inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Decompresses from `input` into `output` until the input is used up, a member ends, or `limit` bytes were
    /// produced.
    ///
    /// - Parameters:
    ///   - input: Compressed bytes.
    ///   - output: Receives the decompressed bytes (appended).
    ///   - limit: The most bytes to append in this call.
    /// - Returns: How much input was consumed and whether a member ended.
    /// - Throws: `Failure` for corrupt data.
    func inflate(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], limit: Int = 1 << 18) throws(Failure)
        -> Step
    {
        guard let base = input.baseAddress, input.count > 0 else {
            return Step(consumed: 0, memberEnded: false, produced: 0)
        }
        let start = output.count
        output.reserveCapacity(start + limit)
        var scratch = [UInt8](repeating: 0, count: limit)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = UInt32(min(input.count, Int(UInt32.max)))
        let (status, produced) = scratch.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = UInt32(buffer.count)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            return (status, buffer.count - Int(stream.pointee.avail_out))
        }
        let consumed = min(input.count, Int(UInt32.max)) - Int(stream.pointee.avail_in)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        output.append(contentsOf: scratch[0..<produced])
        isInsideMember = true
        switch status {
        case Z_STREAM_END:
            inflateReset(stream)
            isInsideMember = false
            return Step(consumed: consumed, memberEnded: true, produced: produced)
        case Z_OK, Z_BUF_ERROR:
            return Step(consumed: consumed, memberEnded: false, produced: produced)
        default:
            let detail = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
            inflateReset(stream)
            isInsideMember = false
            throw Failure(message: detail)
        }
    }

    /// Decompresses a whole in-memory multi-member gzip buffer.
    ///
    /// - Throws: `Failure` for corrupt or truncated data.
    static func inflateAll(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        let inflater = try GzipMemberInflater()
        var output: [UInt8] = []
        var offset = 0
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) in
            while offset < buffer.count {
                let step = try inflater.inflate(UnsafeBufferPointer(rebasing: buffer[offset...]), into: &output)
                offset += step.consumed
                if step.consumed == 0 && step.produced == 0 && !step.memberEnded { break }
            }
        }
        if inflater.isInsideMember { throw Failure(message: "truncated gzip stream") }
        return output
    }
}
