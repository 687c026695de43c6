import Pipeline

internal import CLibXML2

/// Parses HTML bytes with libxml2's error-recovering HTML parser into an `HTMLNodeTree` and `HTMLPageFacts`.
///
/// The parser runs in SAX mode: libxml2 tokenises, fixes up unclosed and stray tags exactly as it would for its own
/// DOM, and reports elements and text to callbacks that append to the compact tree, so no libxml2 document is
/// built. It is the only file of the module that imports libxml2.
///
/// # Thread safety
/// Each call creates and frees its own parser context; `xmlInitParser()` runs once, guarded by a `static let`.
/// Concurrent calls from many threads are safe.
struct LibXMLHTMLParser: Sendable {
    /// The parse result: the node tree and the head metadata.
    struct Output: Sendable {
        /// The document tree.
        var tree: HTMLNodeTree
        /// Metadata collected while parsing.
        var facts: HTMLPageFacts
    }

    /// Runs `xmlInitParser()` exactly once per process (Swift initialises `static let` values thread-safely).
    private static let libraryInitialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// The bytes with the five values windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) replaced by
    /// spaces: iconv rejects them and libxml2 would stop decoding the page at the first one.
    private static func windows1252Sanitised(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == 0x81 || $0 == 0x8D || $0 == 0x8F || $0 == 0x90 || $0 == 0x9D }) else {
            return bytes
        }
        return bytes.map { $0 == 0x81 || $0 == 0x8D || $0 == 0x8F || $0 == 0x90 || $0 == 0x9D ? 0x20 : $0 }
    }

    /// `true` when libxml2 has a converter for `encoding` (an iconv or built-in name).
    static func supportsEncoding(_ encoding: String) -> Bool {
        _ = libraryInitialised
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        _ = xmlCharEncCloseFunc(handler)
        return true
    }

    /// Parses `bytes` as HTML.
    ///
    /// - Parameters:
    ///   - bytes: The raw page.
    ///   - encoding: The character set to decode with (a name libxml2/iconv knows); the page's own `<meta>`
    ///     declarations are ignored because the caller has already weighed them.
    /// - Returns: The tree and the metadata; an empty tree when the input is empty or the parser cannot start.
    static func parse(_ bytes: [UInt8], encoding: String) -> Output {
        _ = libraryInitialised
        let builder = HTMLTreeBuilder()
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return builder.finish() }
        let input = encoding == "WINDOWS-1252" ? windows1252Sanitised(bytes) : bytes
        input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                defer { htmlFreeParserCtxt(ctxt) }
                guard let sax = ctxt.pointee.sax else { return }
                installCallbacks(sax)
                ctxt.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                let options =
                    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NODEFDTD.rawValue
                _ = htmlCtxtUseOptions(ctxt, Int32(options))
                ctxt.pointee.html = 1
                if let handler = xmlFindCharEncodingHandler(encoding) {
                    _ = xmlSwitchToEncoding(ctxt, handler)
                }
                // Encoding errors bypass the context's error callbacks and go to libxml2's per-thread generic
                // error function; route them to a no-op so nothing is printed.
                xmlSetGenericErrorFunc(nil, silentGenericErrorHandler)
                _ = htmlParseDocument(ctxt)
                if let document = ctxt.pointee.myDoc {
                    xmlFreeDoc(document)
                    ctxt.pointee.myDoc = nil
                }
            }
        }
        return builder.finish()
    }

    /// A generic-error handler that drops the message (the C function is variadic, so it is bridged through a
    /// C function pointer type with the same leading parameters).
    private static var silentGenericErrorHandler: xmlGenericErrorFunc {
        unsafeBitCast(
            { (_: UnsafeMutableRawPointer?, _: UnsafePointer<CChar>?) in }
                as @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void,
            to: xmlGenericErrorFunc.self
        )
    }

    /// Replaces the context's DOM-building callbacks with the tree builder's.
    private static func installCallbacks(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.internalSubset = nil
        sax.pointee.externalSubset = nil
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.startElementNs = nil
        sax.pointee.endElementNs = nil
        sax.pointee.startElement = { context, name, attributes in
            guard let context, let name else { return }
            let builder = Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
            builder.open(name: name, attributes: attributes)
        }
        sax.pointee.endElement = { context, _ in
            guard let context else { return }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().close()
        }
        sax.pointee.characters = { context, characters, length in
            guard let context, let characters, length > 0 else { return }
            let builder = Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
            builder.appendText(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        sax.pointee.ignorableWhitespace = sax.pointee.characters
        sax.pointee.cdataBlock = { context, characters, length in
            guard let context, let characters, length > 0 else { return }
            let builder = Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
            builder.appendRawText(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
    }
}

/// The mutable state behind the SAX callbacks of one parse; never shared across threads.
private final class HTMLTreeBuilder {
    var tree = HTMLNodeTree()
    var facts = HTMLPageFacts()
    /// Indices of the open elements, innermost last; index 0 is the synthetic root.
    var openElements: [Int32] = [0]
    /// Text captured for the `<title>` or a JSON-LD `<script>` being read.
    var capture: [UInt8] = []
    /// What `capture` is collecting.
    var captureKind: CaptureKind = .none
    /// Caches the tag of each distinct element name (libxml2 interns names, so the pointer identifies it).
    var tagByName: [UnsafeRawPointer: HTMLTag] = [:]

    enum CaptureKind { case none, title, jsonLinkedData }

    func open(name: UnsafePointer<xmlChar>, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let tag = tagFor(name)
        let parent = openElements[openElements.count - 1]
        let index = Int32(tree.nodes.count)
        let hintStart = Int32(tree.hints.count)
        var flags: UInt8 = 0
        var isJSONLinkedData = false
        if let attributes {
            var metaKey: String?
            var metaContent: String?
            var position = 0
            while let attributeName = attributes[position] {
                let value = attributes[position + 1]
                position += 2
                let nameLength = xmlStrlen(attributeName)
                switch nameLength {
                case 2 where attributeName[0] == 0x69 && attributeName[1] == 0x64:  // id
                    appendHint(value)
                case 5 where matches(attributeName, "class"):
                    appendHint(value)
                case 4 where matches(attributeName, "role"):
                    appendHint(value)
                case 8 where matches(attributeName, "itemprop"):
                    appendHint(value)
                    if let value, lowercased(value) == "articlebody" { flags |= HTMLNodeTree.Flag.articleBodyMarker }
                    if tag == .meta { metaKey = lowercased(value) }
                case 6 where matches(attributeName, "hidden"):
                    flags |= HTMLNodeTree.Flag.hidden
                case 11 where matches(attributeName, "aria-hidden"):
                    if let value, lowercased(value) == "true" { flags |= HTMLNodeTree.Flag.hidden }
                case 5 where matches(attributeName, "style"):
                    if let value, styleHides(value) { flags |= HTMLNodeTree.Flag.hidden }
                case 4 where matches(attributeName, "name"), 8 where matches(attributeName, "property"),
                    10 where matches(attributeName, "http-equiv"):
                    if tag == .meta, metaKey == nil { metaKey = lowercased(value) }
                case 7 where matches(attributeName, "content"):
                    if tag == .meta, let value { metaContent = String(cString: value) }
                case 3 where matches(attributeName, "rel"):
                    if let value, tag == .link || tag == .a {
                        let rel = lowercased(value)
                        if tag == .link, rel == "canonical", let href = attributeValue(attributes, "href") {
                            if facts.canonicalURL == nil { facts.canonicalURL = href }
                        }
                        if rel == "author" { appendHintLiteral("author") }
                    }
                case 4 where matches(attributeName, "lang"):
                    if tag == .html, let value, facts.htmlLanguage == nil {
                        facts.htmlLanguage = String(cString: value)
                    }
                case 8 where matches(attributeName, "datetime"):
                    if let value, facts.firstTimeValue == nil { facts.firstTimeValue = String(cString: value) }
                case 4 where matches(attributeName, "type"):
                    if tag == .script, let value, lowercased(value)?.contains("ld+json") == true {
                        isJSONLinkedData = true
                    }
                default:
                    break
                }
            }
            if let metaKey, let metaContent { facts.metaEntries.append((metaKey, metaContent)) }
        }
        tree.nodes.append(
            HTMLNodeTree.Node(
                tag: tag,
                flags: flags,
                parent: parent,
                end: index + 1,
                start: hintStart,
                stop: Int32(tree.hints.count)
            )
        )
        openElements.append(index)
        if tag == .title && facts.title == nil {
            captureKind = .title
            capture.removeAll(keepingCapacity: true)
        } else if isJSONLinkedData {
            captureKind = .jsonLinkedData
            capture.removeAll(keepingCapacity: true)
        }
    }

    func close() {
        guard openElements.count > 1 else { return }
        let index = Int(openElements.removeLast())
        tree.nodes[index].end = Int32(tree.nodes.count)
        switch (captureKind, tree.nodes[index].tag) {
        case (.title, .title):
            facts.title = String(decoding: capture, as: UTF8.self)
            captureKind = .none
        case (.jsonLinkedData, .script):
            facts.jsonLinkedData.append(String(decoding: capture, as: UTF8.self))
            captureKind = .none
        default:
            break
        }
    }

    func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if captureKind != .none {
            capture.append(contentsOf: bytes)
            return
        }
        let parent = openElements[openElements.count - 1]
        let last = tree.nodes.count - 1
        if tree.nodes[last].tag == .text && tree.nodes[last].parent == parent
            && Int(tree.nodes[last].stop) == tree.text.count
        {
            tree.text.append(contentsOf: bytes)
            tree.nodes[last].stop = Int32(tree.text.count)
            return
        }
        let start = Int32(tree.text.count)
        tree.text.append(contentsOf: bytes)
        tree.nodes.append(
            HTMLNodeTree.Node(
                tag: .text,
                flags: 0,
                parent: parent,
                end: Int32(last + 2),
                start: start,
                stop: Int32(tree.text.count)
            )
        )
    }

    /// Script and style bodies: kept only when a JSON-LD script is being captured.
    func appendRawText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if captureKind == .jsonLinkedData { capture.append(contentsOf: bytes) }
    }

    func finish() -> LibXMLHTMLParser.Output {
        while openElements.count > 1 { close() }
        tree.nodes[0].end = Int32(tree.nodes.count)
        return LibXMLHTMLParser.Output(tree: tree, facts: facts)
    }

    private func tagFor(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        let key = UnsafeRawPointer(name)
        if let tag = tagByName[key] { return tag }
        let tag = HTMLTag.byName[String(cString: name)] ?? .other
        tagByName[key] = tag
        return tag
    }

    private func appendHint(_ value: UnsafePointer<xmlChar>?) {
        guard var cursor = value else { return }
        tree.hints.append(0x20)
        while cursor.pointee != 0 {
            let byte = cursor.pointee
            tree.hints.append(UTF8Byte.lowercasedASCII(byte))
            cursor += 1
        }
    }

    private func appendHintLiteral(_ literal: StaticString) {
        tree.hints.append(0x20)
        literal.withUTF8Buffer { tree.hints.append(contentsOf: $0) }
    }

    private func matches(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            for offset in 0..<expected.count where name[offset] != expected[offset] { return false }
            return true
        }
    }

    private func lowercased(_ value: UnsafePointer<xmlChar>?) -> String? {
        guard let value else { return nil }
        return String(cString: value).lowercased()
    }

    private func attributeValue(
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>,
        _ wanted: StaticString
    ) -> String? {
        var position = 0
        while let name = attributes[position] {
            if Int(xmlStrlen(name)) == wanted.utf8CodeUnitCount && matches(name, wanted),
                let value = attributes[position + 1]
            {
                return String(cString: value)
            }
            position += 2
        }
        return nil
    }

    /// `true` for inline styles containing `display:none` or `visibility:hidden` (spaces ignored).
    private func styleHides(_ value: UnsafePointer<xmlChar>) -> Bool {
        var compact: [UInt8] = []
        var cursor = value
        while cursor.pointee != 0 {
            let byte = cursor.pointee
            if !UTF8Byte.isHTMLWhitespace(byte) { compact.append(UTF8Byte.lowercasedASCII(byte)) }
            cursor += 1
        }
        return ExtractByteSearch.contains(compact[...], "display:none")
            || ExtractByteSearch.contains(compact[...], "visibility:hidden")
    }
}
