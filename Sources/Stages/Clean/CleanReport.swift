/// The audit of one cleaned document: what each rule group removed.
///
/// Groups that removed nothing are absent from ``removed``.
struct CleanReport: Sendable, Equatable {
    /// Lines and characters removed, per rule group.
    var removed: [CleanRuleGroup: CleanRemovalCount]

    /// Creates a report.
    /// - Parameter removed: the removal counts per group.
    init(removed: [CleanRuleGroup: CleanRemovalCount] = [:]) {
        self.removed = removed
    }

    /// Adds a removal to a group's count.
    /// - Parameters:
    ///   - group: the rule group that removed something.
    ///   - lines: whole lines removed.
    ///   - characters: Unicode scalars removed.
    mutating func record(_ group: CleanRuleGroup, lines: Int = 0, characters: Int) {
        guard lines > 0 || characters > 0 else { return }
        var count = removed[group] ?? CleanRemovalCount()
        count.lines += lines
        count.characters += characters
        removed[group] = count
    }

    /// Total lines removed over all groups.
    var totalLines: Int { removed.values.reduce(0) { $0 + $1.lines } }

    /// Total characters removed over all groups.
    var totalCharacters: Int { removed.values.reduce(0) { $0 + $1.characters } }
}
