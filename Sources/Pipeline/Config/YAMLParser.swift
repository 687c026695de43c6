internal import CYAML

/// Parses one YAML document into a ``YAMLNode`` tree, using libyaml's event API.
///
/// The parser is written for hostile input: it limits the input size, the nesting depth and the number of nodes
/// that aliases may expand to, and it never recurses, so deep input cannot overflow the stack. Errors carry the
/// position and the text of the offending line.
///
/// Aliases become copies of their anchored node; the copy's top node takes the alias's location, so that errors
/// about the value point where it is used. Merge keys (`<<`) get no special treatment.
///
/// # Thread safety
/// A parser is an immutable value; each call to ``parse(_:file:)`` uses its own libyaml state.
public struct YAMLParser: Sendable {
    /// Bounds that protect the parser from hostile input.
    public struct Limits: Sendable {
        /// The deepest nesting of sequences and mappings allowed; the root collection is at depth 1.
        public var maxDepth: Int = 64
        /// The total number of nodes that resolving aliases may copy.
        public var maxAliasExpansions: Int = 10_000
        /// The largest input accepted, in UTF-8 bytes.
        public var maxInputBytes: Int = 16 << 20

        /// Creates the default limits.
        public init() {}
    }

    /// The limits this parser enforces.
    public var limits: Limits

    /// Creates a parser.
    ///
    /// - Parameter limits: Bounds on depth, alias expansion and input size.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses one YAML document.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The file name used in locations.
    /// - Returns: The document's root node, or `nil` for an empty stream (no document, or only comments).
    /// - Throws: ``ConfigurationError`` with the source line attached: `.syntax`, `.duplicateKey`, `.tooDeep`,
    ///   `.aliasExpansion`, `.tooLarge` or `.multipleDocuments`.
    public func parse(_ text: String, file: String) throws(ConfigurationError) -> YAMLNode? {
        try parse(utf8: Array(text.utf8), file: file)
    }

    /// Parses one YAML document from raw bytes, which must be UTF-8.
    ///
    /// Invalid UTF-8 is reported as a `.syntax` error at its position.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - file: The file name used in locations.
    /// - Returns: The document's root node, or `nil` for an empty stream.
    /// - Throws: ``ConfigurationError`` as ``parse(_:file:)`` does.
    public func parse(utf8 bytes: [UInt8], file: String) throws(ConfigurationError) -> YAMLNode? {
        do {
            return try parseEvents(bytes, file: file)
        } catch {
            throw SourceText(String(decoding: bytes, as: UTF8.self), file: file).attach(to: error)
        }
    }

    /// The 1-based location of a libyaml mark.
    ///
    /// At the end of a text without a final line break, libyaml puts its mark on a line of its own, past the text;
    /// such a mark becomes `end`, the end of the last line, so that what is reported there shows that line.
    private static func location(
        of mark: yaml_mark_t,
        file: String,
        end: (line: Int, column: Int)
    ) -> SourceLocation {
        guard mark.line + 1 <= end.line else { return SourceLocation(file: file, line: end.line, column: end.column) }
        return SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    private func parseEvents(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> YAMLNode? {
        guard bytes.count <= limits.maxInputBytes else {
            throw ConfigurationError(
                code: .tooLarge,
                message: "the file is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)",
                location: SourceLocation(file: file, line: 1, column: 1),
                keyPath: ""
            )
        }
        // libyaml keeps pointers to the input and to the parser itself: both live on the heap until the end.
        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        defer { input.deallocate() }
        input.initialize(repeating: 0, count: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { input.update(from: base, count: buffer.count) }
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw ConfigurationError(
                code: .syntax,
                message: "libyaml could not allocate a parser",
                location: SourceLocation(file: file, line: 1, column: 1),
                keyPath: ""
            )
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        let end = Self.position(ofByte: bytes.count, in: bytes)
        var builder = TreeBuilder(file: file, limits: limits, end: end)
        var event = yaml_event_t()
        while !builder.isFinished {
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw syntaxError(parser, bytes: bytes, file: file, end: end)
            }
            defer { yaml_event_delete(&event) }
            try builder.handle(event)
        }
        return builder.root
    }

    /// Turns libyaml's error state into a located `.syntax` error.
    private func syntaxError(
        _ parser: UnsafeMutablePointer<yaml_parser_t>,
        bytes: [UInt8],
        file: String,
        end: (line: Int, column: Int)
    ) -> ConfigurationError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch state.error {
        case YAML_READER_ERROR:
            let (line, column) = Self.position(ofByte: state.problem_offset, in: bytes)
            var hint: String?
            if state.problem_value >= 0 {
                let value = UInt32(state.problem_value)
                // libyaml reports a code point for disallowed characters and a raw byte for bad UTF-8.
                hint =
                    problem.contains("octet")
                    ? "found byte 0x\(Self.hex(value, digits: 2))" : "found character U+\(Self.hex(value, digits: 4))"
            }
            return ConfigurationError(
                code: .syntax,
                message: problem,
                location: SourceLocation(file: file, line: line, column: column),
                keyPath: "",
                hint: hint
            )
        default:
            let mark = state.problem_mark
            var hint: String?
            if let context = state.context {
                let contextMark = state.context_mark
                if contextMark.line != mark.line || contextMark.column != mark.column {
                    hint =
                        "\(String(cString: context)) that started at line \(contextMark.line + 1), "
                        + "column \(contextMark.column + 1)"
                }
            }
            if problem == "found character that cannot start any token",
                Self.byte(atLine: mark.line, column: mark.column, in: bytes) == UInt8(ascii: "\t")
            {
                hint = "tabs are not allowed for indentation; use spaces"
            }
            return ConfigurationError(
                code: .syntax,
                message: problem,
                location: Self.location(of: mark, file: file, end: end),
                keyPath: "",
                hint: hint
            )
        }
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    ///
    /// Line breaks are libyaml's (and ``SourceText``'s): LF, CR, CRLF, NEL, LS and PS.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < min(offset, bytes.count) {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let isUnicodeBreak =
                (byte == 0xC2 && next == 0x85)
                || (byte == 0xE2 && next == 0x80 && index + 2 < bytes.count && (bytes[index + 2] | 1) == 0xA9)
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && next != 10) || isUnicodeBreak {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// The first byte of the character at a 0-based line and column, if the input has one there.
    private static func byte(atLine line: Int, column: Int, in bytes: [UInt8]) -> UInt8? {
        var index = 0
        var currentLine = 0
        while currentLine < line, index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { currentLine += 1 }
            index += 1
        }
        var currentColumn = 0
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if currentColumn == column { return bytes[index] }
                currentColumn += 1
            }
            index += 1
        }
        return nil
    }

    private static func hex(_ value: UInt32, digits count: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, count - digits.count)) + digits
    }

    /// Builds the tree from events without recursion, enforcing the limits.
    private struct TreeBuilder {
        /// A collection whose end event has not come yet.
        private struct Frame {
            var isMapping: Bool
            var location: SourceLocation
            var tag: String?
            var anchor: String?
            var elements: [YAMLNode] = []
            var entries: [YAMLMappingEntry] = []
            var pendingKey: YAMLNode?
            var keyLines: [String: Int] = [:]
            /// Nodes in this collection so far, itself included, counting alias copies in full.
            var nodeCount = 1
        }

        let file: String
        let limits: Limits
        /// The end of the text, where marks past it are moved.
        let end: (line: Int, column: Int)
        private(set) var root: YAMLNode?
        private(set) var isFinished = false
        private var stack: [Frame] = []
        private var anchors: [String: (node: YAMLNode, nodeCount: Int)] = [:]
        private var expandedNodes = 0
        private var documentCount = 0

        init(file: String, limits: Limits, end: (line: Int, column: Int)) {
            self.file = file
            self.limits = limits
            self.end = end
        }

        mutating func handle(_ event: yaml_event_t) throws(ConfigurationError) {
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                isFinished = true
            case YAML_DOCUMENT_START_EVENT:
                documentCount += 1
                if documentCount > 1 {
                    throw ConfigurationError(
                        code: .multipleDocuments,
                        message: "found a second YAML document; a configuration file holds exactly one",
                        location: location,
                        keyPath: "",
                        hint: "remove the '---' separator or split the file"
                    )
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let value = String(
                    decoding: UnsafeBufferPointer(start: data.value, count: data.length),
                    as: UTF8.self
                )
                let style: YAMLScalar.Style
                switch data.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let node = YAMLNode(
                    .scalar(YAMLScalar(value: value, style: style)),
                    location: location,
                    tag: Self.tag(data.tag)
                )
                try add(node, nodeCount: 1, anchor: Self.string(data.anchor))
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    throw ConfigurationError(
                        code: .syntax,
                        message: "undefined alias '\(name)'",
                        location: location,
                        keyPath: "",
                        hint: "define the anchor '&\(name)' before using it"
                    )
                }
                expandedNodes += anchored.nodeCount
                if expandedNodes > limits.maxAliasExpansions {
                    throw ConfigurationError(
                        code: .aliasExpansion,
                        message: "aliases expand to more than \(limits.maxAliasExpansions) nodes",
                        location: location,
                        keyPath: "",
                        hint: "alias '*\(name)' pushed the expansion over the limit"
                    )
                }
                var node = anchored.node
                node.location = location
                try add(node, nodeCount: anchored.nodeCount, anchor: nil)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                try open(
                    Frame(
                        isMapping: false,
                        location: location,
                        tag: Self.tag(data.tag),
                        anchor: Self.string(data.anchor)
                    )
                )
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                try open(
                    Frame(
                        isMapping: true,
                        location: location,
                        tag: Self.tag(data.tag),
                        anchor: Self.string(data.anchor)
                    )
                )
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.elements)
                try add(
                    YAMLNode(content, location: frame.location, tag: frame.tag),
                    nodeCount: frame.nodeCount,
                    anchor: frame.anchor
                )
            default:
                break
            }
        }

        private mutating func open(_ frame: Frame) throws(ConfigurationError) {
            guard stack.count < limits.maxDepth else {
                throw ConfigurationError(
                    code: .tooDeep,
                    message: "nesting is deeper than the limit of \(limits.maxDepth) levels",
                    location: frame.location,
                    keyPath: ""
                )
            }
            stack.append(frame)
        }

        /// Adds a finished node to the open collection, or makes it the root.
        private mutating func add(_ node: YAMLNode, nodeCount: Int, anchor: String?) throws(ConfigurationError) {
            if let anchor {
                anchors[anchor] = (node, nodeCount)
            }
            guard !stack.isEmpty else {
                root = node
                return
            }
            let top = stack.count - 1
            stack[top].nodeCount += nodeCount
            guard stack[top].isMapping else {
                stack[top].elements.append(node)
                return
            }
            guard let key = stack[top].pendingKey else {
                try addKey(node, to: top)
                return
            }
            stack[top].entries.append(YAMLMappingEntry(key: key, value: node))
            stack[top].pendingKey = nil
        }

        private mutating func addKey(_ key: YAMLNode, to top: Int) throws(ConfigurationError) {
            guard let scalar = key.scalar else {
                throw ConfigurationError(
                    code: .syntax,
                    message: "a mapping key must be a scalar, found \(key.kindDescription)",
                    location: key.location,
                    keyPath: ""
                )
            }
            if let firstLine = stack[top].keyLines[scalar.value] {
                throw ConfigurationError(
                    code: .duplicateKey,
                    message: "duplicate key '\(scalar.value)' (first defined at line \(firstLine))",
                    location: key.location,
                    keyPath: keyPath(appending: scalar.value)
                )
            }
            stack[top].keyLines[scalar.value] = key.location.line
            stack[top].pendingKey = key
        }

        /// The key path of the open collections, such as `stages[1]`, followed by `key`.
        private func keyPath(appending key: String) -> String {
            var path = ""
            for (index, frame) in stack.enumerated() {
                let last = index == stack.count - 1
                if frame.isMapping {
                    let component = last ? key : (frame.pendingKey?.scalar?.value ?? "")
                    path += path.isEmpty ? component : "." + component
                } else if !last {
                    path += "[\(frame.elements.count)]"
                }
            }
            return path
        }

        private func location(_ mark: yaml_mark_t) -> SourceLocation {
            YAMLParser.location(of: mark, file: file, end: end)
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        /// The tag as written, with libyaml's expansion of `!!` undone.
        private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let tag = string(pointer) else { return nil }
            let standardPrefix = "tag:yaml.org,2002:"
            if tag.hasPrefix(standardPrefix) {
                return "!!" + tag.dropFirst(standardPrefix.count)
            }
            return tag
        }
    }
}
