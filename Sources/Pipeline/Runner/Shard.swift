/// Which part of the input a process handles when one job is split across processes: shard `index` of `count`.
///
/// Files are assigned by position in the byte-sorted input list (file k goes to shard k mod count); with
/// `input.split: record`, every shard reads every file and keeps the records whose id hashes to it.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The 0-based shard number.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// The whole input in one process.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    /// Why a shard specification is invalid.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Creates a shard, checking that `0 <= index < count`.
    /// - Throws: ``Invalid`` when the index is out of range or the count is not positive.
    public init(index: Int, count: Int) throws(Invalid) {
        guard count >= 1 else { throw Invalid(description: "the shard count must be at least 1, found \(count)") }
        guard (0..<count).contains(index) else {
            throw Invalid(description: "shard index \(index) is out of range for \(count) shards (0...\(count - 1))")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Parses `i/N`.
    /// - Throws: ``Invalid`` when the text is not `i/N` with `0 <= i < N`.
    public init(parsing text: String) throws(Invalid) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw Invalid(description: "expected a shard as i/N (for example 2/8), found \"\(text)\"")
        }
        try self.init(index: index, count: count)
    }

    /// `i/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether this shard takes the file at `position` of the sorted input list.
    public func takesFile(at position: Int) -> Bool {
        position % count == index
    }

    /// Whether this shard takes the record with this id (`split: record`): FNV-1a 64 of the id, modulo the count.
    public func takesRecord(id: String) -> Bool {
        guard count > 1 else { return true }
        return Int(FNV1a.hash(id) % UInt64(count)) == index
    }

    /// The file name of this shard's part of an output: `part-00002-of-00008.jsonl`.
    /// - Parameter fileExtension: The extension, without the dot (empty for none).
    public func partName(extension fileExtension: String) -> String {
        func padded(_ value: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        }
        let base = "part-\(padded(index))-of-\(padded(count))"
        return fileExtension.isEmpty ? base : base + "." + fileExtension
    }

    /// The completion marker's file name: `00002-of-00008.json`.
    public var markerName: String {
        String(partName(extension: "json").dropFirst("part-".count))
    }

    /// Where this shard writes an output configured at `path`: `out/news.jsonl` → `out/news/part-00002-of-00008.jsonl`.
    public func partPath(for path: String) -> String {
        guard count > 1, path != "-" else { return path }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let stem: String
        let fileExtension: String
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            fileExtension = String(name[name.index(after: dot)...])
        } else {
            stem = name
            fileExtension = ""
        }
        return directory + stem + "/" + partName(extension: fileExtension)
    }
}
