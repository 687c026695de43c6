/// The BILOU tag set of the statistical recogniser: `O` plus begin/inside/last/unit for four entity types.
///
/// Tag `0` is `O`; tag `1 + type * 4 + position` is position `position` (0 B, 1 I, 2 L, 3 U) of type `type`
/// (0 person, 1 organisation, 2 location, 3 miscellaneous/NORP).
enum EntityTagSet {
    /// The number of tags.
    static let count = 17
    /// The number of entity types.
    static let typeCount = 4
    /// The "outside" tag.
    static let outside = 0

    /// The entity type of `tag` (0-3), or -1 for `O`.
    @inline(__always)
    static func type(of tag: Int) -> Int { tag == 0 ? -1 : (tag - 1) >> 2 }

    /// The BILOU position of `tag` (0 B, 1 I, 2 L, 3 U), or -1 for `O`.
    @inline(__always)
    static func position(of tag: Int) -> Int { tag == 0 ? -1 : (tag - 1) & 3 }

    /// The tag for `type` at `position`.
    @inline(__always)
    static func tag(type: Int, position: Int) -> Int { 1 + type * 4 + position }

    /// Whether the tag ends an entity or is outside one (so that a new entity may start after it).
    @inline(__always)
    static func isClosed(_ tag: Int) -> Bool { tag == 0 || position(of: tag) >= 2 }

    /// `allowed[previous * count + next]`: whether `next` may follow `previous` (a sequence starts after `O`).
    static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: count * count)
        for previous in 0..<count {
            for next in 0..<count {
                let nextPosition = position(of: next)
                if isClosed(previous) {
                    table[previous * count + next] = next == 0 || nextPosition == 0 || nextPosition == 3
                } else {
                    table[previous * count + next] =
                        type(of: next) == type(of: previous) && (nextPosition == 1 || nextPosition == 2)
                }
            }
        }
        return table
    }()

    /// The tags allowed after each tag, flattened: those after `p` are
    /// `successorTags[successorOffsets[p]..<successorOffsets[p + 1]]`.
    static let successorTags: [Int] = (0..<count).flatMap { p in (0..<count).filter { allowed[p * count + $0] } }
    /// Offsets into ``successorTags`` per tag (`count + 1` entries).
    static let successorOffsets: [Int] = {
        var offsets = [0]
        for p in 0..<count { offsets.append(offsets[p] + (0..<count).filter { allowed[p * count + $0] }.count) }
        return offsets
    }()
}
