#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file could not be read or written: which file, what was being done, and the system's reason.
public struct FileAccessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// What was being done: "open", "read", "write", "rename"...
    public var operation: String
    /// The system's reason, e.g. "No space left on device".
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - operation: What was being done.
    ///   - reason: Why it failed.
    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// Creates an error from the current `errno`.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - operation: What was being done.
    public static func fromErrno(path: String, operation: String) -> FileAccessError {
        FileAccessError(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    /// "cannot write 'out/x.jsonl': No space left on device".
    public var description: String { "cannot \(operation) '\(path)': \(reason)" }

    /// A short reason for any error thrown by file APIs.
    static func reason(of error: any Error) -> String {
        if let error = error as? FileAccessError { return error.reason }
        return "\(error)"
    }
}
