public import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The completion marker of one cross-shard dedupe step (`DIR/_completions/…json`), written last, after every
/// output of the step has been committed.
///
/// ```json
/// {"identity":{"configuration_hash":"…","input_hash":"…","shard_count":4,"upstream":"…",…},
///  "results":{"documents":120,"content_hash":"…",…},"step":"signatures"}
/// ```
/// ``identity`` holds what the step's outputs depend on (the configuration and input hashes, the shard and task
/// counts, the method, the index, and a hash of the markers of the steps it read); a marker with the same identity
/// means the step is done and a rerun is a no-op. ``results`` holds counts and the content hash of the outputs,
/// which later steps fold into their own identity, so rewriting an earlier step's outputs invalidates the later ones.
public struct DedupeCompletionMarker: Sendable, Equatable {
    /// The step: `signatures`, `buckets` or `cluster`.
    public var step: String
    /// What the outputs depend on; equal identities mean equal outputs.
    public var identity: [String: JSONValue]
    /// Counts and content hashes.
    public var results: [String: JSONValue]

    /// Creates a marker.
    ///
    /// - Parameters:
    ///   - step: The step's name.
    ///   - identity: What the outputs depend on.
    ///   - results: Counts and content hashes.
    public init(step: String, identity: [String: JSONValue], results: [String: JSONValue]) {
        self.step = step
        self.identity = identity
        self.results = results
    }

    /// The marker as JSON.
    public var json: JSONValue {
        .object(["step": .string(step), "identity": .object(identity), "results": .object(results)])
    }

    /// What an existing marker says about a step about to run.
    public enum Check: Sendable, Equatable {
        /// No marker: run.
        case absent
        /// A marker with the same identity: the step is done.
        case complete(DedupeCompletionMarker)
        /// A marker for something else, with the reason.
        case mismatched(String)
    }

    /// Reads a marker.
    ///
    /// - Parameter path: The marker file.
    /// - Returns: The marker, or `nil` when the file does not exist.
    /// - Throws: ``CrossShardDedupeError`` (``CrossShardDedupeError/Code/malformedFile``) when it exists but is not a
    ///   marker.
    public static func read(path: String) throws(CrossShardDedupeError) -> DedupeCompletionMarker? {
        guard access(path, F_OK) == 0 else { return nil }
        let reader: DedupeLineReader
        var text: [UInt8] = []
        do {
            reader = try DedupeLineReader(path: path)
            while let line = try reader.next() { text += line }
        } catch {
            throw CrossShardDedupeError(.malformedFile, "cannot read the completion marker: \(error)", path: path)
        }
        guard let object = (try? JSONParser().parse(String(decoding: text, as: UTF8.self)))?.objectValue,
            let step = object["step"]?.stringValue, let identity = object["identity"]?.objectValue,
            let results = object["results"]?.objectValue
        else {
            throw CrossShardDedupeError(.malformedFile, "not a completion marker of a dedupe step", path: path)
        }
        return DedupeCompletionMarker(step: step, identity: identity, results: results)
    }

    /// Compares the marker at `path` with the identity of a step about to run.
    ///
    /// - Parameters:
    ///   - path: The marker file.
    ///   - step: The step's name.
    ///   - identity: The identity the step would record.
    /// - Returns: Absent, complete, or mismatched with the first difference (for example "the marker … was written
    ///   for another configuration").
    public static func check(path: String, step: String, identity: [String: JSONValue]) -> Check {
        let marker: DedupeCompletionMarker?
        do {
            marker = try read(path: path)
        } catch {
            return .mismatched("the marker \(path) is unreadable")
        }
        guard let marker else { return .absent }
        guard marker.step == step else { return .mismatched("the marker \(path) is for the \(marker.step) step") }
        let names = Set(identity.keys).union(marker.identity.keys).sorted()
        for name in names where marker.identity[name] != identity[name] {
            return .mismatched(
                "the marker \(path) was written for " + describe(name, marker.identity[name], identity[name])
            )
        }
        return .complete(marker)
    }

    /// Writes the marker atomically.
    ///
    /// - Parameter path: The marker file.
    /// - Throws: ``FileAccessError`` when it cannot be written.
    public func write(to path: String) throws(FileAccessError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(json.serialized() + "\n")
        try writer.commit()
    }

    /// A hash of several markers' results, for the identity of the step that reads their outputs.
    ///
    /// - Parameter markers: The markers read, in a fixed order.
    /// - Returns: FNV-1a 64 of their results, in hexadecimal.
    public static func upstreamHash(of markers: [DedupeCompletionMarker]) -> String {
        RunState.hash(markers.map { JSONValue.object($0.results).serialized() }.joined(separator: "\n"))
    }

    /// Words for one identity difference.
    private static func describe(_ name: String, _ old: JSONValue?, _ new: JSONValue?) -> String {
        switch name {
        case "configuration_hash": return "another configuration"
        case "input_hash": return "another input list"
        case "upstream": return "other outputs of the previous step (they were rewritten since)"
        default:
            let text = { (value: JSONValue?) in value.map { $0.serialized() } ?? "none" }
            return "another \(String(name.map { $0 == "_" ? " " : $0 })) (\(text(old)), not \(text(new)))"
        }
    }
}
