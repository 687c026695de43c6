/// A compact, immutable copy of a parsed HTML document, in document order.
///
/// Nodes are stored in one array in the order the parser opened them, so a parent always precedes its
/// descendants and a descendant range is contiguous: node `i` owns the nodes `i + 1 ..< end[i]`. Text is kept
/// as UTF-8 in one byte buffer and each element's `class`/`id`/`role`/`itemprop` values (lowercased) in another,
/// so walking the tree allocates nothing. Every algorithm over the tree iterates; none recurses, so a page
/// nested 100,000 levels deep is handled like any other.
struct HTMLNodeTree: Sendable {
    /// One element or text node.
    struct Node: Sendable {
        /// The element's tag, or `.text` for a text node.
        var tag: HTMLTag
        /// Element flags (see `Flag`).
        var flags: UInt8
        /// The parent's index, or -1 for the root.
        var parent: Int32
        /// One past the index of the last descendant.
        var end: Int32
        /// For text nodes, the start of the text in `text`; for elements, the start of the hints in `hints`.
        var start: Int32
        /// For text nodes, the end of the text in `text`; for elements, the end of the hints in `hints`.
        var stop: Int32
    }

    /// Bits of `Node.flags`.
    enum Flag {
        /// The element is hidden by `hidden`, `aria-hidden="true"` or an inline `display:none`/`visibility:hidden`.
        static let hidden: UInt8 = 1
        /// The element carries `itemprop="articleBody"` or a comparable explicit body marker.
        static let articleBodyMarker: UInt8 = 2
    }

    /// All nodes in document order; index 0 is a synthetic root element.
    var nodes: [Node]
    /// UTF-8 bytes of every text node, back to back.
    var text: [UInt8]
    /// Lowercased `class`, `id`, `role` and `itemprop` values of every element, space separated.
    var hints: [UInt8]

    /// The number of nodes.
    var count: Int { nodes.count }

    /// Creates a tree holding only the synthetic root.
    init() {
        nodes = [Node(tag: .other, flags: 0, parent: -1, end: 1, start: 0, stop: 0)]
        text = []
        hints = []
    }

    /// The text of a text node (empty for elements).
    func textBytes(of index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        return node.tag == .text ? text[Int(node.start)..<Int(node.stop)] : []
    }

    /// The hint bytes of an element (empty for text nodes).
    func hintBytes(of index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        return node.tag == .text ? [] : hints[Int(node.start)..<Int(node.stop)]
    }
}
