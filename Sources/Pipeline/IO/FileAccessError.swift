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
    /// The system's error number (`errno`), when the failure came from a system call.
    public var errorNumber: Int32?

    /// Creates an error.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - operation: What was being done.
    ///   - reason: Why it failed.
    ///   - errorNumber: The system's error number, if the failure came from a system call.
    public init(path: String, operation: String, reason: String, errorNumber: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.errorNumber = errorNumber
    }

    /// Creates an error from the current `errno`.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - operation: What was being done.
    public static func fromErrno(path: String, operation: String) -> FileAccessError {
        let number = errno
        return FileAccessError(
            path: path,
            operation: operation,
            reason: String(cString: strerror(number)),
            errorNumber: number
        )
    }

    /// "cannot write 'out/x.jsonl': No space left on device".
    public var description: String { "cannot \(operation) '\(path)': \(reason)" }

    /// A short reason for any error thrown by file APIs.
    static func reason(of error: any Error) -> String {
        if let error = error as? FileAccessError { return error.reason }
        return "\(error)"
    }
}
