/// How much one rule group removed from one document.
struct CleanRemovalCount: Sendable, Equatable, Hashable {
    /// Whole lines removed (always 0 for character-level groups such as `unicode` and `markup`).
    var lines: Int
    /// Unicode scalars removed, counting the removed lines' text or the removed characters and tags.
    var characters: Int

    /// Creates a count.
    /// - Parameters:
    ///   - lines: whole lines removed.
    ///   - characters: Unicode scalars removed.
    init(lines: Int = 0, characters: Int = 0) {
        self.lines = lines
        self.characters = characters
    }
}
