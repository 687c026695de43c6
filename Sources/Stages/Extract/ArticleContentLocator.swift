import Pipeline

/// Finds the part of a page that holds the article, by scoring paragraphs and their containers.
///
/// The method follows the one readability popularised, with the boilerplate vocabulary of trafilatura and the
/// link-density tests of jusText:
///
/// 1. Scripts, media, form controls and hidden elements never count. Page furniture (by tag: `nav`, `aside`,
///    `footer`, `header`, `form`; by class/id: sidebar, comments, share, related, promo…) is set aside, unless
///    it wraps most of the page's prose, because some sites put the whole page inside one `<form>` or `<header>`.
/// 2. Every paragraph-like run of text scores `1 + commas + min(length / 100, 3)`; the score goes to the
///    paragraph's container, half of it to the next ancestor, and less further up.
/// 3. Container scores start from a tag prior and class/id hints, and are scaled by `1 - link density`.
/// 4. The best container, moved up when it is an only child or when several strong candidates share an
///    ancestor, is the article; siblings scoring close to it, and prose paragraphs next to it, are added.
///
/// # Thread safety
/// A value built per page; it owns its arrays and shares nothing.
struct ArticleContentLocator: Sendable {
    /// The document.
    let tree: HTMLNodeTree
    /// The options.
    let configuration: ExtractConfiguration
    /// Hint bits (`BoilerplateHintMatcher.Hint`) of every element.
    private(set) var hintBits: [UInt16]
    /// Nodes that are never content (scripts, media, hidden) including their descendants.
    private(set) var excluded: [Bool]
    /// Nodes set aside as page furniture, including `excluded` nodes and all descendants.
    private(set) var removed: [Bool]
    /// Whether each node lies inside an `<a>`.
    private(set) var inLink: [Bool]
    /// Each node's nearest block ancestor (itself for blocks, 0 for the root).
    private(set) var blockOf: [Int32]
    /// Statistics over the nodes that are not `removed`.
    private(set) var measures: HTMLTreeMeasures
    /// Characters in each subtree, counting everything visible (furniture included).
    private(set) var visibleCharacters: [Int32]
    /// Readability-style content scores (0 for nodes never scored).
    private(set) var scores: [Double]
    /// The `<body>` element's index (the root when there is none).
    private(set) var bodyIndex: Int

    /// Analyses `tree`: classification, furniture removal, measurements and scores.
    init(tree: HTMLNodeTree, configuration: ExtractConfiguration) {
        self.tree = tree
        self.configuration = configuration
        let count = tree.count
        var hintBits = Array(repeating: UInt16(0), count: count)
        var excluded = Array(repeating: false, count: count)
        var inLink = Array(repeating: false, count: count)
        var blockOf = Array(repeating: Int32(0), count: count)
        var textCharacters = Array(repeating: Int32(0), count: count)
        var textCommas = Array(repeating: Int32(0), count: count)
        var bodyIndex = 0
        for index in 1..<max(count, 1) {
            let node = tree.nodes[index]
            let parent = Int(node.parent)
            if node.tag == .text {
                excluded[index] = excluded[parent]
                inLink[index] = inLink[parent]
                blockOf[index] = blockOf[parent]
                let counts = Self.countCharacters(tree.text[Int(node.start)..<Int(node.stop)])
                textCharacters[index] = counts.characters
                textCommas[index] = counts.commas
                continue
            }
            if bodyIndex == 0 && node.tag == .body { bodyIndex = index }
            excluded[index] =
                excluded[parent] || node.tag.isNeverContent || node.flags & HTMLNodeTree.Flag.hidden != 0
            inLink[index] = inLink[parent] || node.tag == .a
            blockOf[index] = node.tag.isBlock ? Int32(index) : blockOf[parent]
            hintBits[index] = BoilerplateHintMatcher.classify(tree.hints[Int(node.start)..<Int(node.stop)])
            if node.flags & HTMLNodeTree.Flag.articleBodyMarker != 0 {
                hintBits[index] |= BoilerplateHintMatcher.Hint.articleBody
            }
        }
        let raw = HTMLTreeMeasures(
            tree: tree,
            skipped: excluded,
            inLink: inLink,
            blockOf: blockOf,
            textCharacters: textCharacters,
            textCommas: textCommas
        )
        var removed = excluded
        let pageProse = max(raw.proseCharacters[bodyIndex], 1)
        for index in 1..<max(count, 1) where !removed[index] {
            let node = tree.nodes[index]
            if removed[Int(node.parent)] {
                removed[index] = true
                continue
            }
            guard node.tag != .text else { continue }
            if Self.isFurniture(node.tag, hintBits[index]) && raw.proseCharacters[index] * 2 <= pageProse {
                removed[index] = true
            } else if node.tag.isHeading {
                if FurnitureHeadingMatcher.isFurnitureHeading(index, in: tree) { removed[index] = true }
            } else if node.tag != .body && node.tag != .html
                && hintBits[index] & BoilerplateHintMatcher.Hint.articleBody == 0
                && raw.proseCharacters[index] * 10 <= pageProse * 9
                && Self.opensWithFurnitureHeading(index, tree: tree, characters: raw.characters, text: textCharacters)
            {
                // A block introduced by "Related posts", "Leia também", "Comments"…: teasers or comments, even
                // when their excerpts hold more prose than the article itself.
                removed[index] = true
            }
        }
        self.hintBits = hintBits
        self.visibleCharacters = raw.characters
        self.excluded = excluded
        self.removed = removed
        self.inLink = inLink
        self.blockOf = blockOf
        self.bodyIndex = bodyIndex
        self.measures = HTMLTreeMeasures(
            tree: tree,
            skipped: removed,
            inLink: inLink,
            blockOf: blockOf,
            textCharacters: textCharacters,
            textCommas: textCommas
        )
        self.scores = Array(repeating: 0, count: count)
        scoreParagraphs()
    }

    /// Visible characters in the subtree of `index`, furniture included.
    func rawCharacters(_ index: Int) -> Int32 { visibleCharacters[index] }

    /// Characters (non-whitespace Unicode scalars) in `text`.
    static func characterCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 && !UTF8Byte.isHTMLWhitespace(byte) { count += 1 }
        return count
    }

    /// `true` when the first visible thing inside element `index` (looking through one wrapper element) is a
    /// heading that labels furniture (`FurnitureHeadingMatcher`).
    private static func opensWithFurnitureHeading(
        _ index: Int,
        tree: HTMLNodeTree,
        characters: [Int32],
        text: [Int32]
    ) -> Bool {
        var container = index
        for _ in 0..<2 {
            guard let first = firstVisibleChild(of: container, tree: tree, characters: characters, text: text)
            else { return false }
            if tree.nodes[first].tag.isHeading { return FurnitureHeadingMatcher.isFurnitureHeading(first, in: tree) }
            // Look inside a wrapper (`<div class="title"><h3>…</h3></div>`) only when it is short.
            guard characters[first] <= 96 else { return false }
            container = first
        }
        return false
    }

    /// The first child of `parent` holding visible characters, or `nil` when that child is a text node or absent.
    private static func firstVisibleChild(
        of parent: Int,
        tree: HTMLNodeTree,
        characters: [Int32],
        text: [Int32]
    ) -> Int? {
        var child = parent + 1
        let end = Int(tree.nodes[parent].end)
        while child < end {
            let node = tree.nodes[child]
            if node.tag == .text {
                if text[child] > 0 { return nil }
            } else if characters[child] > 0 {
                return child
            }
            child = Int(node.end)
        }
        return nil
    }

    /// `true` for elements that are page furniture by tag or by class/id/role.
    private static func isFurniture(_ tag: HTMLTag, _ hints: UInt16) -> Bool {
        if hints & BoilerplateHintMatcher.Hint.articleBody != 0 { return false }
        switch tag {
        case .nav, .aside, .footer, .header, .form, .dialog, .menu:
            return true
        case .body, .html, .a, .main, .article, .p, .text:
            return false
        default:
            break
        }
        if hints & BoilerplateHintMatcher.Hint.navigationRole != 0 { return true }
        return hints & BoilerplateHintMatcher.Hint.unlikely != 0
            && hints & BoilerplateHintMatcher.Hint.maybeContent == 0
    }

    /// Counts characters (non-whitespace scalars) and commas in UTF-8 text.
    private static func countCharacters(_ bytes: ArraySlice<UInt8>) -> (characters: Int32, commas: Int32) {
        var characters: Int32 = 0
        var commas: Int32 = 0
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x80 {
                if byte > 0x20 { characters += 1 }
                if byte == 0x2C { commas += 1 }
            } else if byte & 0xC0 != 0x80 {
                characters += 1
            } else if beforePrevious == 0xEF && previous == 0xBC && byte == 0x8C {
                commas += 1  // U+FF0C FULLWIDTH COMMA
            } else if beforePrevious == 0xE3 && previous == 0x80 && byte == 0x81 {
                commas += 1  // U+3001 IDEOGRAPHIC COMMA
            } else if previous == 0xD8 && byte == 0x8C {
                commas += 1  // U+060C ARABIC COMMA
            }
            beforePrevious = previous
            previous = byte
        }
        return (characters, commas)
    }

    /// The class/id weight: +25 for content words, -25 for furniture words, +25 more for explicit body markers.
    func classWeight(_ index: Int) -> Double {
        let bits = hintBits[index]
        var weight = 0.0
        if bits & BoilerplateHintMatcher.Hint.positive != 0 { weight += 25 }
        if bits & BoilerplateHintMatcher.Hint.negative != 0 { weight -= 25 }
        if bits & BoilerplateHintMatcher.Hint.articleBody != 0 { weight += 25 }
        return weight
    }

    /// The score a container starts from, by tag.
    private static func tagPrior(_ tag: HTMLTag) -> Double {
        switch tag {
        case .div, .article, .main, .section: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }

    /// Tags whose own text run counts as a paragraph for scoring.
    private static func scoresRun(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .td, .blockquote, .div, .section, .article, .main, .center, .dd, .body:
            return true
        default:
            return false
        }
    }

    /// Step 2 and 3: distribute paragraph scores to ancestors, then scale by link density.
    private mutating func scoreParagraphs() {
        let count = tree.count
        var initialised = Array(repeating: false, count: count)
        var touched: [Int] = []
        for index in 1..<max(count, 1) where !removed[index] {
            let node = tree.nodes[index]
            guard node.tag.isBlock, Self.scoresRun(node.tag) else { continue }
            let run = measures.runCharacters[index]
            guard run >= 20 else { continue }
            let contentScore = 1 + Double(measures.runCommas[index]) + min(Double(run / 100), 3)
            var ancestor = measures.hasBlockDescendant[index] ? index : Int(node.parent)
            var level = 0
            while ancestor > 0 && level < 5 {
                if !initialised[ancestor] {
                    initialised[ancestor] = true
                    touched.append(ancestor)
                    scores[ancestor] = Self.tagPrior(tree.nodes[ancestor].tag) + classWeight(ancestor)
                }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level * 3))
                scores[ancestor] += contentScore / divider
                ancestor = Int(tree.nodes[ancestor].parent)
                level += 1
            }
        }
        for index in touched {
            scores[index] *= 1 - measures.linkDensity(index)
        }
    }

    /// Step 4: the subtrees that make up the article, in document order (empty when nothing scored).
    func articleRoots() -> [Int] {
        var best = -1
        var bestScore = -Double.infinity
        var ranked: [(index: Int, score: Double)] = []
        for index in 1..<max(tree.count, 1) where scores[index] != 0 && !removed[index] {
            ranked.append((index, scores[index]))
            if scores[index] > bestScore {
                bestScore = scores[index]
                best = index
            }
        }
        guard best > 0 else { return [] }
        ranked.sort { $0.score > $1.score }
        var top = best
        // Several strong candidates inside one ancestor: the ancestor holds the article.
        let strong = ranked.prefix(5).dropFirst().filter { $0.score >= bestScore * 0.75 }.map { $0.index }
        if strong.count >= 2 {
            var ancestor = Int(tree.nodes[top].parent)
            while ancestor > 0 && tree.nodes[ancestor].tag != .body {
                let holds = strong.filter { isAncestor(ancestor, of: $0) }.count
                if holds >= 2 {
                    top = ancestor
                    break
                }
                ancestor = Int(tree.nodes[ancestor].parent)
            }
        }
        // An only child: its parent is the container.
        while top != bodyIndex, tree.nodes[top].parent > 0 {
            let parent = Int(tree.nodes[top].parent)
            if tree.nodes[parent].tag == .body || tree.nodes[parent].tag == .html { break }
            if contentChildren(of: parent).count == 1 { top = parent } else { break }
        }
        // The article split into sections under a common ancestor: climb while the ancestor adds much prose
        // and stays mostly free of links.
        var climbed = 0
        while climbed < 3, top != bodyIndex, tree.nodes[top].parent > 0 {
            let parent = Int(tree.nodes[top].parent)
            let tag = tree.nodes[parent].tag
            if tag == .body || tag == .html || removed[parent] { break }
            let gained = Double(measures.proseCharacters[parent]) / Double(max(measures.proseCharacters[top], 1))
            let proseShare = Double(measures.proseCharacters[parent]) / Double(max(measures.characters[parent], 1))
            guard gained >= 1.3 && proseShare >= 0.8 && measures.linkDensity(parent) < 0.2 && classWeight(parent) >= 0
            else { break }
            top = parent
            climbed += 1
        }
        return withSiblings(of: top)
    }

    /// The top candidate plus siblings that score close to it or read as prose.
    private func withSiblings(of top: Int) -> [Int] {
        let parent = Int(tree.nodes[top].parent)
        guard parent > 0, tree.nodes[top].tag != .body else { return [top] }
        let topScore = max(scores[top], 0)
        let factor: Double
        switch configuration.favor {
        case .precision: factor = 0.3
        case .balanced: factor = 0.2
        case .recall: factor = 0.1
        }
        let threshold = max(10, topScore * factor)
        let topHints = tree.hintBytes(of: top)
        var roots: [Int] = []
        for sibling in contentChildren(of: parent) {
            if sibling == top {
                roots.append(sibling)
                continue
            }
            var bonus = 0.0
            if !topHints.isEmpty && tree.hintBytes(of: sibling).elementsEqual(topHints) { bonus = topScore * 0.2 }
            if scores[sibling] != 0 && scores[sibling] + bonus >= threshold {
                roots.append(sibling)
                continue
            }
            if tree.nodes[sibling].tag == .p || tree.nodes[sibling].tag == .text {
                let length = measures.characters[sibling] + (tree.nodes[sibling].tag == .text ? 0 : 0)
                let density = measures.linkDensity(sibling)
                if length > 80 && density < 0.25 {
                    roots.append(sibling)
                } else if length > 0 && length <= 80 && density == 0 && endsSentence(sibling) {
                    roots.append(sibling)
                }
            }
        }
        return roots
    }

    /// Element children of `parent` that are not removed and hold text.
    private func contentChildren(of parent: Int) -> [Int] {
        var children: [Int] = []
        var child = parent + 1
        let end = Int(tree.nodes[parent].end)
        while child < end {
            let node = tree.nodes[child]
            if node.tag != .text && !removed[child] && measures.characters[child] > 0 { children.append(child) }
            child = Int(node.end)
        }
        return children
    }

    /// `true` when `ancestor` contains `node`.
    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        node > ancestor && node < Int(tree.nodes[ancestor].end)
    }

    /// `true` when the last text character in the subtree is a sentence end.
    private func endsSentence(_ index: Int) -> Bool {
        var last = Int(tree.nodes[index].end) - 1
        while last >= index {
            let node = tree.nodes[last]
            if node.tag == .text && !removed[last] {
                for byte in tree.text[Int(node.start)..<Int(node.stop)].reversed()
                where !UTF8Byte.isHTMLWhitespace(byte) {
                    return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                        || byte == 0x82  // last byte of U+3002 IDEOGRAPHIC FULL STOP
                }
            }
            last -= 1
        }
        return false
    }

    /// Whether an element inside the article is dropped by the conditional clean-up (readability's rules for
    /// containers that are mostly links, images, form controls or too short to be prose).
    func isCleanedAway(_ index: Int) -> Bool {
        let node = tree.nodes[index]
        let bits = hintBits[index]
        if bits & BoilerplateHintMatcher.Hint.share != 0 && measures.characters[index] < 500 { return true }
        if node.tag.isHeading {
            if node.tag == .h1 && !configuration.includeTitleHeading { return true }
            if !configuration.includeHeadings { return true }
            return classWeight(index) < 0 || measures.linkDensity(index) > 0.5
        }
        if node.tag == .figcaption || bits & BoilerplateHintMatcher.Hint.negative != 0 && isCaption(index) {
            return !configuration.includeCaptions
        }
        if node.tag.isTablePart && node.tag == .table && !configuration.includeTables { return true }
        if (node.tag == .ul || node.tag == .ol || node.tag == .dl) && !configuration.includeLists { return true }
        if node.tag == .p && isLinkLine(index) { return true }
        switch node.tag {
        case .div, .section, .table, .ul, .ol, .dl, .form, .fieldset, .aside, .figure, .header, .footer, .nav, .other,
            .article, .center:
            break
        default:
            return false
        }
        if bits & BoilerplateHintMatcher.Hint.articleBody != 0 { return false }
        let weight = classWeight(index)
        if weight + scores[index] < 0 { return true }
        let commas = measures.commas[index]
        guard commas < 10 else { return false }
        let paragraphs = Double(measures.paragraphCount[index])
        let images = Double(measures.imageCount[index])
        let listItems = Double(measures.listItemCount[index]) - 100
        let inputs = Double(measures.inputCount[index])
        let embeds = measures.embedCount[index]
        let length = measures.characters[index]
        let density = measures.linkDensity(index)
        let isList = node.tag == .ul || node.tag == .ol || node.tag == .dl
        let densityLimit: Double
        switch configuration.favor {
        case .precision: densityLimit = 0.15
        case .balanced: densityLimit = 0.2
        case .recall: densityLimit = 0.35
        }
        if images > 1 && paragraphs / images < 0.5 && node.tag != .figure { return true }
        if !isList && listItems > paragraphs { return true }
        if inputs > (paragraphs / 3).rounded(.down) { return true }
        if !isList && length < 25 && (images == 0 || images > 2) && node.tag != .other { return true }
        if !isList && weight < 25 && density > densityLimit { return true }
        if weight >= 25 && density > 0.5 { return true }
        if (embeds == 1 && length < 75) || embeds > 1 { return true }
        if isList && density > 0.5 { return true }
        return false
    }

    /// `true` for a short paragraph made of links (a category or tag line, "Read more: <headline>"): at most
    /// 160 characters, at least 80% of them inside links.
    private func isLinkLine(_ index: Int) -> Bool {
        let length = measures.characters[index]
        return length > 0 && length <= 160 && measures.linkCharacters[index] * 5 >= length * 4
    }

    /// `true` for elements whose class/id names them a caption or credit.
    private func isCaption(_ index: Int) -> Bool {
        let hints = tree.hintBytes(of: index)
        return ExtractByteSearch.contains(hints, "caption") || ExtractByteSearch.contains(hints, "credit")
    }
}
