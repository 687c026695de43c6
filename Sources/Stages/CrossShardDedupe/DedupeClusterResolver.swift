/// The decisions of the cluster step: which documents of the buckets are duplicates, by ``DedupeClusterMethod``.
///
/// Input: every document that appears in a bucket (index documents and current ones), sorted by global key, with
/// its id and signature; and the buckets, as lists of member positions. A bucket of the exact band holds documents
/// with equal exact hashes; an LSH bucket holds candidates, which are verified (at least
/// ``Deduplicator/requiredMatches`` equal MinHash values) before they count.
///
/// `keep-first` replays ``DedupeIndex/decide(id:signature:)`` in key order: for each current document, the smallest
/// kept document of its exact bucket; else the kept document sharing an LSH bucket with the most equal values
/// (ties: smallest key); else it is kept. Index documents are kept without a decision, as a ``DedupeIndex`` loads
/// them. A document whose original has its own id is "seen before": neither removed nor kept. A document in no
/// bucket is kept in a single-machine run too (nothing earlier shares a band or its exact hash), so deciding only
/// the documents of the buckets gives the single-machine result exactly.
///
/// # Thread safety
/// An immutable `Sendable` value.
struct DedupeClusterResolver: Sendable {
    /// A document of the buckets.
    struct Member: Sendable, Equatable {
        /// Its global key.
        var key: DedupeGlobalKey
        /// Its id.
        var id: String
        /// Its signature.
        var signature: DedupeSignature
    }

    /// A bucket: its band and its members' positions (ascending).
    struct Group: Sendable, Equatable {
        /// The band number.
        var band: Int
        /// The positions of the members in the member list, ascending.
        var members: [Int32]
    }

    /// The decisions.
    struct Resolution: Sendable, Equatable {
        /// The removed documents, in key order.
        var entries: [DedupeRemoveList.Entry] = []
        /// The counts (``DedupeClusterSummary/removeListHash`` not set).
        var summary = DedupeClusterSummary()
    }

    /// The deduplicator of the pipeline's `dedupe` stage.
    let deduplicator: Deduplicator
    /// The method.
    let method: DedupeClusterMethod

    /// Decides.
    ///
    /// - Parameters:
    ///   - members: Every document of the buckets, sorted by key, keys distinct.
    ///   - groups: The buckets.
    /// - Returns: The removed documents and the counts.
    func resolve(members: [Member], groups: [Group]) -> Resolution {
        var resolution = Resolution()
        resolution.summary.method = method
        resolution.summary.buckets = groups.count
        for member in members {
            if member.key.isIndexEntry {
                resolution.summary.indexDocuments += 1
            } else {
                resolution.summary.documents += 1
            }
        }
        switch method {
        case .keepFirst: keepFirst(members: members, groups: groups, into: &resolution)
        case .unionFind: unionFind(members: members, groups: groups, into: &resolution)
        }
        resolution.summary.kept =
            resolution.summary.documents - resolution.summary.removed - resolution.summary.seenBefore
        return resolution
    }

    /// The similarity of `matches` equal values, as the `dedupe` stage computes it.
    private func similarity(_ matches: Int) -> Double {
        Double(matches) / Double(deduplicator.configuration.permutationCount)
    }

    /// Records the decision for a duplicate: an entry, or "seen before" when the original has the same id.
    private func record(
        _ member: Member,
        original: Member,
        similarity: Double,
        kind: DedupeRemoveList.Kind,
        into resolution: inout Resolution
    ) {
        guard original.id != member.id else {
            resolution.summary.seenBefore += 1
            return
        }
        resolution.entries.append(
            DedupeRemoveList.Entry(
                key: member.key,
                id: member.id,
                duplicateOf: original.id,
                similarity: similarity,
                kind: kind
            )
        )
        switch kind {
        case .exact: resolution.summary.exactDuplicates += 1
        case .near: resolution.summary.nearDuplicates += 1
        }
    }

    /// Keep-first: the single-machine rule, in key order.
    private func keepFirst(members: [Member], groups: [Group], into resolution: inout Resolution) {
        let exactBand = deduplicator.exactBand
        let required = deduplicator.requiredMatches
        let groupsOf = Self.groupsOfMembers(count: members.count, groups: groups)
        // Exact buckets: the first kept member. LSH buckets: the kept members so far, in key order.
        var firstKept = [Int32](repeating: -1, count: groups.count)
        var kept = [[Int32]](repeating: [], count: groups.count)
        var lastVisit = [Int32](repeating: -1, count: members.count)

        func keep(_ position: Int32) {
            for group in groupsOf[Int(position)] {
                if groups[Int(group)].band == exactBand {
                    if firstKept[Int(group)] < 0 { firstKept[Int(group)] = position }
                } else {
                    kept[Int(group)].append(position)
                }
            }
        }

        for position in members.indices {
            let member = members[position]
            if member.key.isIndexEntry {
                keep(Int32(position))
                continue
            }
            let exact = groupsOf[position].first { groups[Int($0)].band == exactBand && firstKept[Int($0)] >= 0 }
            if let exact {
                let original = members[Int(firstKept[Int(exact)])]
                record(member, original: original, similarity: 1.0, kind: .exact, into: &resolution)
                continue
            }
            var best: (position: Int32, matches: Int)?
            if deduplicator.isBanded(member.signature) {
                for group in groupsOf[position] where groups[Int(group)].band != exactBand {
                    for candidate in kept[Int(group)] where lastVisit[Int(candidate)] != Int32(position) {
                        lastVisit[Int(candidate)] = Int32(position)
                        let matches = Deduplicator.matches(
                            member.signature.minHashes,
                            members[Int(candidate)].signature.minHashes
                        )
                        resolution.summary.pairsVerified += 1
                        guard matches >= required else {
                            resolution.summary.pairsRejected += 1
                            continue
                        }
                        if let current = best,
                            current.matches > matches || current.matches == matches && current.position < candidate
                        {
                            continue
                        }
                        best = (candidate, matches)
                    }
                }
            }
            if let best {
                let original = members[Int(best.position)]
                record(member, original: original, similarity: similarity(best.matches), kind: .near, into: &resolution)
            } else {
                keep(Int32(position))
            }
        }
    }

    /// Union-find: connected components of verified pairs, the smallest key of each kept.
    private func unionFind(members: [Member], groups: [Group], into resolution: inout Resolution) {
        let exactBand = deduplicator.exactBand
        let required = deduplicator.requiredMatches
        var parent = (0..<members.count).map { Int32($0) }

        func find(_ position: Int32) -> Int32 {
            var current = position
            while parent[Int(current)] != current {
                parent[Int(current)] = parent[Int(parent[Int(current)])]
                current = parent[Int(current)]
            }
            return current
        }

        // The root of a component is always its smallest position, so the survivor is its smallest key.
        func unite(_ first: Int32, _ second: Int32) {
            let (a, b) = (find(first), find(second))
            guard a != b else { return }
            if a < b { parent[Int(b)] = a } else { parent[Int(a)] = b }
        }

        for group in groups {
            if group.band == exactBand {
                for member in group.members.dropFirst() { unite(group.members[0], member) }
                continue
            }
            for (offset, first) in group.members.enumerated() {
                for second in group.members[(offset + 1)...] where find(first) != find(second) {
                    let matches = Deduplicator.matches(
                        members[Int(first)].signature.minHashes,
                        members[Int(second)].signature.minHashes
                    )
                    resolution.summary.pairsVerified += 1
                    if matches >= required {
                        unite(first, second)
                    } else {
                        resolution.summary.pairsRejected += 1
                    }
                }
            }
        }
        for position in members.indices where !members[position].key.isIndexEntry {
            let root = Int(find(Int32(position)))
            guard root != position else { continue }
            let member = members[position]
            let survivor = members[root]
            if member.signature.exactHash == survivor.signature.exactHash {
                record(member, original: survivor, similarity: 1.0, kind: .exact, into: &resolution)
            } else {
                let matches = Deduplicator.matches(member.signature.minHashes, survivor.signature.minHashes)
                record(member, original: survivor, similarity: similarity(matches), kind: .near, into: &resolution)
            }
        }
    }

    /// For each member, the groups it belongs to.
    private static func groupsOfMembers(count: Int, groups: [Group]) -> [[Int32]] {
        var groupsOf = [[Int32]](repeating: [], count: count)
        for (index, group) in groups.enumerated() {
            for member in group.members { groupsOf[Int(member)].append(Int32(index)) }
        }
        return groupsOf
    }
}
