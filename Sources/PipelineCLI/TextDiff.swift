/// Readable differences between an expected and an actual text, for `pipeline-run test`.
///
/// Texts are compared line by line (longest common subsequence); changed lines are shown `-` expected and
/// `+` actual with one line of context (empty lines are not shown as context), long lines cut to a window around
/// the first differing character, and a caret under it:
///
/// ```
///  Diplomatic authorities are aware of the results.
/// -The government has prepared countermeasures such as…
/// +The government has prepared counter-measures such as…
///                                     ^
/// ```
struct TextDiff {
    /// The expected text's lines.
    let expected: [String]
    /// The actual text's lines.
    let actual: [String]
    /// The widest excerpt of a line shown, in characters.
    var width = 100
    /// The most diff lines shown; the rest are counted.
    var maximumLines = 40

    /// One step from the expected lines to the actual ones.
    private enum Step: Equatable {
        case same(String)
        case removed(String)
        case added(String)

        /// Whether the line is in both texts.
        var isSame: Bool {
            if case .same = self { return true }
            return false
        }
    }

    /// Prepares the comparison of two texts.
    /// - Parameters:
    ///   - expected: The expected text.
    ///   - actual: The actual text.
    init(expected: String, actual: String) {
        self.expected = TextDiff.lines(of: expected)
        self.actual = TextDiff.lines(of: actual)
    }

    /// Where the texts first differ, 1-based, as `line L, column C` of the expected text; `nil` when they are equal.
    var firstDifference: (line: Int, column: Int)? {
        let steps = self.steps
        var line = 1
        for (index, step) in steps.enumerated() {
            switch step {
            case .same:
                line += 1
            case .removed(let removed):
                // The line that replaces it, if any: the first addition in the same run of changes.
                for later in steps[index...] {
                    if later.isSame { break }
                    if case .added(let added) = later {
                        return (line, TextDiff.commonPrefixLength(removed, added) + 1)
                    }
                }
                return (line, 1)
            case .added:
                return (line, 1)
            }
        }
        return nil
    }

    /// The diff: changed lines with one line of context (unless it is empty), `…` between distant changes, at
    /// most ``maximumLines`` lines.
    var lines: [String] {
        let steps = self.steps
        let changed = steps.indices.filter { !steps[$0].isSame }
        var shown = Set<Int>()
        for index in changed {
            for neighbour in max(0, index - 1)...min(steps.count - 1, index + 1) { shown.insert(neighbour) }
        }
        var output: [String] = []
        var index = 0
        var previousShown: Int?
        while index < steps.count {
            guard shown.contains(index) else {
                index += 1
                continue
            }
            if let previousShown, previousShown < index - 1 { output.append(" …") }
            if case .same(let line) = steps[index] {
                // An empty line is no help in finding the place: show only lines with text as context.
                if !line.isEmpty { output.append(" " + excerpt(of: line, from: 0)) }
                previousShown = index
                index += 1
                continue
            }
            var removed: [String] = []
            var added: [String] = []
            while index < steps.count, !steps[index].isSame {
                switch steps[index] {
                case .removed(let line): removed.append(line)
                case .added(let line): added.append(line)
                case .same: break
                }
                index += 1
            }
            previousShown = index - 1
            for pair in 0..<max(removed.count, added.count) {
                if pair < removed.count, pair < added.count {
                    let column = TextDiff.commonPrefixLength(removed[pair], added[pair])
                    let start = windowStart(column: column, length: max(removed[pair].count, added[pair].count))
                    output.append("-" + excerpt(of: removed[pair], from: start))
                    output.append("+" + excerpt(of: added[pair], from: start))
                    output.append(String(repeating: " ", count: 1 + column - start + (start > 0 ? 1 : 0)) + "^")
                } else if pair < removed.count {
                    output.append("-" + excerpt(of: removed[pair], from: 0))
                } else {
                    output.append("+" + excerpt(of: added[pair], from: 0))
                }
            }
        }
        guard output.count > maximumLines else { return output }
        return Array(output.prefix(maximumLines)) + ["… \(output.count - maximumLines) more diff lines"]
    }

    /// The steps turning the expected lines into the actual ones, removals before additions in each change.
    ///
    /// Common leading and trailing lines are matched first; the rest is aligned by longest common subsequence, or,
    /// when it is too large for that (over ``maximumAlignedCells`` line pairs), shown as removed then added.
    private var steps: [Step] {
        var prefix = 0
        while prefix < expected.count, prefix < actual.count, expected[prefix] == actual[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < expected.count - prefix, suffix < actual.count - prefix,
            expected[expected.count - 1 - suffix] == actual[actual.count - 1 - suffix]
        {
            suffix += 1
        }
        let oldLines = Array(expected[prefix..<(expected.count - suffix)])
        let newLines = Array(actual[prefix..<(actual.count - suffix)])
        var steps = expected[..<prefix].map(Step.same)
        if oldLines.count * newLines.count > Self.maximumAlignedCells {
            steps += oldLines.map(Step.removed) + newLines.map(Step.added)
        } else {
            steps += Self.align(oldLines, newLines)
        }
        return steps + expected[(expected.count - suffix)...].map(Step.same)
    }

    /// The most line pairs aligned by longest common subsequence (its table has this many cells).
    static let maximumAlignedCells = 4_000_000

    /// The steps turning `old` into `new` along a longest common subsequence of lines.
    private static func align(_ old: [String], _ new: [String]) -> [Step] {
        let rows = old.count
        let columns = new.count
        // lengths[i][j]: the length of a longest common subsequence of old[i...] and new[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, old[i] == new[j] {
                steps.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < rows, j == columns || lengths[i + 1][j] >= lengths[i][j + 1] {
                steps.append(.removed(old[i]))
                i += 1
            } else {
                steps.append(.added(new[j]))
                j += 1
            }
        }
        return steps
    }

    /// Where the excerpt of a line of `length` characters starts so that `column` (0-based) is shown: at the
    /// start when the whole line fits, otherwise a third of the width before the column.
    private func windowStart(column: Int, length: Int) -> Int {
        length <= width ? 0 : max(0, column - width / 3)
    }

    /// At most ``width`` characters of `line` from `start`, with `…` where it is cut.
    func excerpt(of line: String, from start: Int) -> String {
        TextDiff.excerpt(of: line, from: start, width: width)
    }

    /// At most `width` characters of `line` from `start`, with `…` where it is cut.
    /// - Parameters:
    ///   - line: The line.
    ///   - start: The first character shown, 0-based.
    ///   - width: The most characters shown.
    /// - Returns: The excerpt.
    static func excerpt(of line: String, from start: Int, width: Int) -> String {
        let characters = Array(line)
        let lower = min(start, characters.count)
        let upper = min(characters.count, lower + width)
        return (lower > 0 ? "…" : "") + String(characters[lower..<upper]) + (upper < characters.count ? "…" : "")
    }

    /// The lines of `text` around the first occurrence of `needle`: the line, cut to a window, and a caret under
    /// the occurrence; `nil` when `text` does not contain it.
    /// - Parameters:
    ///   - needle: What to find.
    ///   - text: Where.
    ///   - width: The widest excerpt shown.
    /// - Returns: The 1-based line and column of the occurrence, and the two lines to show.
    static func locate(_ needle: String, in text: String, width: Int = 100)
        -> (line: Int, column: Int, excerpt: [String])?
    {
        guard !needle.isEmpty, let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let lineEnd = text[range.lowerBound...].firstIndex(of: "\n") ?? text.endIndex
        let line = String(text[lineStart..<lineEnd])
        let number = before.count(where: { $0 == "\n" }) + 1
        let column = text.distance(from: lineStart, to: range.lowerBound)
        let start = line.count <= width ? 0 : max(0, column - width / 3)
        let caret = String(repeating: " ", count: column - start + (start > 0 ? 1 : 0)) + "^"
        return (number, column + 1, [excerpt(of: line, from: start, width: width), caret])
    }

    /// The lines of a text, split at `\n`.
    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// How many characters two strings share at their start.
    private static func commonPrefixLength(_ first: String, _ second: String) -> Int {
        var count = 0
        for (a, b) in zip(first, second) {
            guard a == b else { break }
            count += 1
        }
        return count
    }
}
