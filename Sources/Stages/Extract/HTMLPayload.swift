import Pipeline

/// Carries an HTML page's bytes in a document's text without losing them, whatever their character set.
///
/// A page in UTF-8 is its own text. A page in another character set (windows-1252, Shift_JIS...) cannot be turned
/// into text before its charset is known, which only the `extract` stage works out; until then each byte is carried
/// as the code point of the same value (U+0000–U+00FF), and the field ``AnnotationKey/htmlBytes`` says so. The
/// `extract` stage turns such text back into the exact bytes.
enum HTMLPayload {
    /// A document for a page's bytes.
    static func document(
        id: String,
        bytes: [UInt8],
        contentType: String?,
        source: DocumentSource
    ) -> Document {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var document: Document
        if let text = String(validating: body, as: UTF8.self) {
            document = Document(id: id, text: text, source: source)
        } else {
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(bytes.count)
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            document = Document(id: id, text: String(scalars), source: source)
            document[.htmlBytes] = "latin1"
        }
        document[.contentType] = contentType
        return document
    }

    /// The page's original bytes when the document carries them (see ``AnnotationKey/htmlBytes``), else `nil`.
    static func bytes(of document: Document) -> [UInt8]? {
        guard document[.htmlBytes] == "latin1" else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.text.unicodeScalars.count)
        for scalar in document.text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
