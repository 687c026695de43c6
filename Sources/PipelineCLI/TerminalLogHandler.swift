import Logging
import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Logs human-readable lines to standard error: `12:00:01 warning [clean] message key=value`.
struct TerminalLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let stage = merged.removeValue(forKey: "stage").map { " [\($0)]" } ?? ""
        let details = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        StandardError.writeLine(
            "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) \(event.level)\(stage) \(event.message)\(details)"
        )
    }
}

/// Logs one JSON object per line to standard error: `{"level","time","message","label",...metadata}`.
struct JSONLinesLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var members: [String: JSONValue] = [:]
        for (key, value) in merged { members[key] = Self.json(value) }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        members["time"] = .double(Double(spec.tv_sec) + Double(spec.tv_nsec / 1_000_000) / 1000)
        members["level"] = .string(event.level.rawValue)
        members["message"] = .string("\(event.message)")
        members["label"] = .string(label)
        StandardError.writeLine(JSONValue.object(members).serialized())
    }

    private static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let string): return .string(string)
        case .stringConvertible(let convertible): return .string(convertible.description)
        case .array(let values): return .array(values.map(json))
        case .dictionary(let members): return .object(members.mapValues(json))
        }
    }
}
