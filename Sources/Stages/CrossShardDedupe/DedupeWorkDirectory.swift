public import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The layout of the folder the cross-shard dedupe steps share (`--dir DIR`).
///
/// ```
/// DIR/signatures/part-00002-of-00008.tsv          shard 2's signatures (key, id, exact hash, shingles, MinHash)
/// DIR/bands/band-00007/part-00002-of-00008.tsv    shard 2's keys of LSH band 7, sorted (band key, global key)
/// DIR/bands/band-00026/part-00002-of-00008.tsv    … of the exact "band" (number = bands), keyed by exact hash
/// DIR/dead-letters/part-00002-of-00008.jsonl      documents the stages before dedupe dead-lettered
/// DIR/buckets/part-00001-of-00004.tsv             task 1's groups: band, band key, ≥ 2 member keys
/// DIR/remove-list.tsv                             the documents to remove, sorted by key
/// DIR/cluster-summary.json                        counts of the cluster step
/// DIR/_completions/signatures-00002-of-00008.json completion markers, each written last
/// DIR/_completions/buckets-00001-of-00004.json
/// DIR/_completions/cluster.json
/// ```
public struct DedupeWorkDirectory: Sendable, Hashable {
    /// The folder, without a trailing slash.
    public let path: String

    /// Creates the layout of a folder.
    ///
    /// - Parameter path: The folder (`--dir`).
    public init(path: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.path = path.isEmpty ? "." : path
    }

    /// A path inside the folder.
    private func inside(_ relative: String) -> String { path + "/" + relative }

    /// A shard's signature file.
    public func signaturesPath(_ shard: Shard) -> String {
        inside("signatures/" + shard.partName(extension: "tsv"))
    }

    /// A shard's file of one band (LSH band, or the exact band).
    public func bandPath(band: Int, _ shard: Shard) -> String {
        inside("bands/band-\(Self.padded(band))/" + shard.partName(extension: "tsv"))
    }

    /// A shard's dead letters from the stages before `dedupe`.
    public func deadLetterPath(_ shard: Shard) -> String {
        inside("dead-letters/" + shard.partName(extension: "jsonl"))
    }

    /// A buckets task's groups (`task` is `j/M`).
    public func bucketsPath(_ task: Shard) -> String {
        inside("buckets/" + task.partName(extension: "tsv"))
    }

    /// The remove list.
    public var removeListPath: String { inside("remove-list.tsv") }

    /// The cluster step's summary.
    public var summaryPath: String { inside("cluster-summary.json") }

    /// The folder of the completion markers.
    public var completionsPath: String { inside("_completions") }

    /// The marker of a shard's signatures.
    public func signaturesMarkerPath(_ shard: Shard) -> String {
        completionsPath + "/signatures-" + shard.markerName
    }

    /// The marker of a buckets task.
    public func bucketsMarkerPath(_ task: Shard) -> String {
        completionsPath + "/buckets-" + task.markerName
    }

    /// The marker of the cluster step.
    public var clusterMarkerPath: String { completionsPath + "/cluster.json" }

    /// The parts whose markers of a step exist: `(index, count)` parsed from `STEP-00002-of-00008.json`.
    ///
    /// - Parameter step: `signatures` or `buckets`.
    /// - Returns: The parts found, sorted by count then index; empty when the folder does not exist.
    public func completedParts(of step: String) -> [(index: Int, count: Int)] {
        guard let handle = opendir(completionsPath) else { return [] }
        defer { closedir(handle) }
        var parts: [(index: Int, count: Int)] = []
        let prefix = step + "-"
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix), name.hasSuffix(".json") else { continue }
            let middle = name.dropFirst(prefix.count).dropLast(".json".count)
            let numbers = middle.split(separator: "-of-", omittingEmptySubsequences: false)
            guard numbers.count == 2, let index = Int(numbers[0]), let count = Int(numbers[1]),
                (0..<count).contains(index)
            else { continue }
            parts.append((index, count))
        }
        return parts.sorted { ($0.count, $0.index) < ($1.count, $1.index) }
    }

    /// A number as five digits at least, like shard part names.
    static func padded(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
