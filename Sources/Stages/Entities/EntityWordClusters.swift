import Pipeline

/// Distributional word clusters learned from unlabelled news by `scripts/build-word-clusters.py`: each of 40,000
/// frequent words has a coarse (64) and a fine (512) cluster of words used like it.
///
/// Clusters are what lets the tagger carry over to words the labelled training set never had: an outlet or a
/// surname unseen in CoNLL-2003 still shares a cluster with outlets or surnames it has seen ("Newsweek" with other
/// publications, "Erdogan" with other leaders' surnames). Loaded from the `entities-clusters.tsv` resource
/// (`word<TAB>coarse<TAB>fine`); looked up by the lower-cased word hash the document context computes anyway.
///
/// # Thread safety
/// An immutable value.
struct EntityWordClusters: Sendable {
    /// No clusters (every word unknown): for tests and tools that run without the resource.
    static let none = EntityWordClusters(tsv: "")

    /// Packed `coarse << 16 | fine` (each + 1) per lower-cased word hash.
    private let index: EntityHashIndex

    /// Parses `word<TAB>coarse<TAB>fine` lines.
    init(tsv: String) {
        let lines = tsv.split(separator: "\n")
        var index = EntityHashIndex(minimumCapacity: lines.count + 8)
        for line in lines {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let coarse = Int32(fields[1]), let fine = Int32(fields[2]) else { continue }
            index.set((coarse + 1) << 16 | (fine + 1), for: FNV1a.hashLowercasingASCII(String(fields[0])))
        }
        self.index = index
    }

    /// The packed clusters of a word hash (`(coarse + 1) << 16 | (fine + 1)`), or 0 when the word has none.
    @inline(__always)
    func clusters(of hash: UInt64) -> UInt32 {
        let value = index.value(for: hash)
        return value < 0 ? 0 : UInt32(value)
    }
}
