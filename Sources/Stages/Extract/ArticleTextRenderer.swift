import Pipeline

/// Writes the text of chosen subtrees as plain text with paragraph structure.
///
/// Inline text is joined with HTML's whitespace collapsing; every block element starts a new paragraph (one blank
/// line), list items, table rows and `<br>` start a new line, and table cells are separated by ` | `.
/// The walk is iterative (a stack of open block ends), so nesting depth costs nothing.
struct ArticleTextRenderer {
    /// Which nodes are skipped while writing.
    enum Selection {
        /// Skip furniture and everything the conditional clean-up drops.
        case cleaned
        /// Skip only what is never visible content (scripts, media, hidden elements).
        case visible
    }

    /// The separation owed before the next visible character, weakest first.
    private enum Separator: Int, Comparable {
        case none, space, cell, line, paragraph

        static func < (lhs: Separator, rhs: Separator) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private var output: [UInt8] = []
    private var pending: Separator = .none

    /// Renders `roots` (subtree indices in document order) of the locator's tree.
    ///
    /// - Parameters:
    ///   - roots: The subtrees to write.
    ///   - locator: The analysed page.
    ///   - selection: What to skip.
    /// - Returns: The text, without leading or trailing whitespace.
    static func render(_ roots: [Int], of locator: ArticleContentLocator, selection: Selection) -> String {
        var renderer = ArticleTextRenderer()
        let tree = locator.tree
        let configuration = locator.configuration
        for root in roots {
            var closing: [(end: Int, separator: Separator)] = []
            var index = root
            let rootEnd = Int(tree.nodes[root].end)
            while index < rootEnd {
                while let last = closing.last, index >= last.end {
                    closing.removeLast()
                    renderer.request(last.separator)
                }
                let node = tree.nodes[index]
                let skip: Bool
                switch selection {
                case .cleaned:
                    skip =
                        locator.removed[index] || (node.tag != .text && index != root && locator.isCleanedAway(index))
                case .visible:
                    skip = locator.excluded[index]
                }
                if skip || (!configuration.includeLinkText && node.tag == .a) {
                    index = Int(node.end)
                    continue
                }
                if node.tag == .text {
                    renderer.append(tree.text[Int(node.start)..<Int(node.stop)])
                    index += 1
                    continue
                }
                let separator = separator(for: node.tag)
                if node.tag == .br || node.tag == .hr {
                    renderer.request(.line)
                } else if separator != .none {
                    renderer.request(separator)
                    closing.append((Int(node.end), separator == .cell ? .none : separator))
                }
                index += 1
            }
            renderer.request(.paragraph)
        }
        return String(decoding: renderer.output, as: UTF8.self)
    }

    /// The separation an element puts around itself.
    private static func separator(for tag: HTMLTag) -> Separator {
        switch tag {
        case .td, .th: return .cell
        case .li, .dt, .dd, .tr: return .line
        default: return tag.isBlock ? .paragraph : .none
        }
    }

    /// Asks for at least `separator` before the next visible character.
    private mutating func request(_ separator: Separator) {
        if separator > pending { pending = separator }
    }

    /// Appends text, collapsing whitespace runs (and no-break spaces) into the pending separator.
    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if UTF8Byte.isHTMLWhitespace(byte) {
                request(.space)
                index += 1
                continue
            }
            if byte == 0xC2 && index + 1 < end && bytes[index + 1] == 0xA0 {
                request(.space)
                index += 2
                continue
            }
            if pending != .none {
                if !output.isEmpty {
                    switch pending {
                    case .none: break
                    case .space: output.append(0x20)
                    case .cell:
                        if let last = output.last, last != 0x0A { output.append(contentsOf: [0x20, 0x7C, 0x20]) }
                    case .line: output.append(0x0A)
                    case .paragraph: output.append(contentsOf: [0x0A, 0x0A])
                    }
                }
                pending = .none
            }
            output.append(byte)
            index += 1
        }
    }
}
