import Pipeline

/// Carries an HTML page's bytes in a document's text without losing them, whatever their character set.
///
/// A page in UTF-8 is its own text. A page in another character set (windows-1252, Shift_JIS...) cannot be turned
/// into text before its charset is known, which only the `extract` stage works out; until then each byte is carried
/// as the code point of the same value (U+0000–U+00FF), and the field `html_bytes` says so. The `extract` stage
/// turns such text back into the exact bytes.
enum HTMLPayload {
    /// The field marking text that carries raw bytes.
    static let marker = "html_bytes"

    /// A document for a page's bytes.
    static func document(
        id: String,
        bytes: [UInt8],
        contentType: String?,
        source: DocumentSource,
        fields: [String: JSONValue] = [:]
    ) -> Document {
        var fields = fields
        if let contentType { fields["content_type"] = .string(contentType) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) {
            return Document(id: id, text: text, fields: fields, source: source)
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        fields[marker] = .string("latin1")
        return Document(id: id, text: String(scalars), fields: fields, source: source)
    }

    /// The page's original bytes when the document carries them (see ``marker``), else `nil`.
    static func bytes(of document: Document) -> [UInt8]? {
        guard document.fields[marker] == .string("latin1") else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.text.unicodeScalars.count)
        for scalar in document.text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
