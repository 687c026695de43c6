/// Per-node text statistics of an `HTMLNodeTree`, computed in linear passes without recursion.
///
/// Counts are characters (Unicode scalars that are not ASCII whitespace), so densities mean the same in every
/// script. A node's "run" is the inline text whose nearest block ancestor is that node: the text a reader sees
/// as one paragraph. "Prose" is run text that reads like a paragraph (at least 50 characters, mostly not links),
/// summed over a subtree.
struct HTMLTreeMeasures: Sendable {
    /// Characters in the subtree.
    var characters: [Int32]
    /// Characters inside links in the subtree.
    var linkCharacters: [Int32]
    /// Commas (Latin, CJK and Arabic) in the subtree.
    var commas: [Int32]
    /// Characters of the node's own run (blocks only).
    var runCharacters: [Int32]
    /// Link characters of the node's own run (blocks only).
    var runLinkCharacters: [Int32]
    /// Commas of the node's own run (blocks only).
    var runCommas: [Int32]
    /// Prose characters in the subtree.
    var proseCharacters: [Int32]
    /// `<p>` elements in the subtree (excluding the node).
    var paragraphCount: [Int32]
    /// `<img>` elements in the subtree.
    var imageCount: [Int32]
    /// `<li>` elements in the subtree.
    var listItemCount: [Int32]
    /// Form controls in the subtree.
    var inputCount: [Int32]
    /// Embedded objects (`iframe`, `embed`, `object`, `video`, `audio`) in the subtree.
    var embedCount: [Int32]
    /// Whether a block element with this node as its nearest block ancestor exists.
    var hasBlockDescendant: [Bool]

    /// Measures `tree`, ignoring every node for which `skipped` is `true`.
    ///
    /// - Parameters:
    ///   - tree: The document.
    ///   - skipped: Nodes (and by construction their descendants) that do not count.
    ///   - inLink: Whether each node lies inside an `<a>`.
    ///   - blockOf: Each node's nearest block ancestor (itself for blocks).
    ///   - textCharacters: Character count of each text node.
    ///   - textCommas: Comma count of each text node.
    init(
        tree: HTMLNodeTree,
        skipped: [Bool],
        inLink: [Bool],
        blockOf: [Int32],
        textCharacters: [Int32],
        textCommas: [Int32]
    ) {
        let count = tree.count
        characters = Array(repeating: 0, count: count)
        linkCharacters = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        runCharacters = Array(repeating: 0, count: count)
        runLinkCharacters = Array(repeating: 0, count: count)
        runCommas = Array(repeating: 0, count: count)
        proseCharacters = Array(repeating: 0, count: count)
        paragraphCount = Array(repeating: 0, count: count)
        imageCount = Array(repeating: 0, count: count)
        listItemCount = Array(repeating: 0, count: count)
        inputCount = Array(repeating: 0, count: count)
        embedCount = Array(repeating: 0, count: count)
        hasBlockDescendant = Array(repeating: false, count: count)
        var index = count - 1
        while index >= 1 {
            let node = tree.nodes[index]
            let parent = Int(node.parent)
            defer { index -= 1 }
            if skipped[index] {
                if !skipped[parent] {
                    switch node.tag {
                    case .img: imageCount[parent] += 1
                    case .iframe, .embed, .object, .video, .audio: embedCount[parent] += 1
                    case .input, .select, .textarea: inputCount[parent] += 1
                    default: break
                    }
                }
                continue
            }
            if node.tag == .text {
                let chars = textCharacters[index]
                let block = Int(blockOf[index])
                characters[parent] += chars
                commas[parent] += textCommas[index]
                runCharacters[block] += chars
                runCommas[block] += textCommas[index]
                if inLink[index] {
                    linkCharacters[parent] += chars
                    runLinkCharacters[block] += chars
                }
                continue
            }
            if node.tag.isBlock {
                let run = runCharacters[index]
                let runLinks = runLinkCharacters[index]
                if run >= 50 && runLinks * 2 < run { proseCharacters[index] += run - runLinks }
                hasBlockDescendant[Int(blockOf[parent])] = true
            }
            characters[parent] += characters[index]
            linkCharacters[parent] += linkCharacters[index]
            commas[parent] += commas[index]
            proseCharacters[parent] += proseCharacters[index]
            paragraphCount[parent] += paragraphCount[index] + (node.tag == .p ? 1 : 0)
            imageCount[parent] += imageCount[index]
            listItemCount[parent] += listItemCount[index] + (node.tag == .li ? 1 : 0)
            inputCount[parent] += inputCount[index]
            embedCount[parent] += embedCount[index]
        }
    }

    /// Link characters divided by characters (0 for an empty subtree).
    func linkDensity(_ index: Int) -> Double {
        let total = characters[index]
        return total > 0 ? Double(linkCharacters[index]) / Double(total) : 0
    }
}
