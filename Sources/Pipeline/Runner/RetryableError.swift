#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error that says whether retrying the same work may succeed.
///
/// The command-line tool exits with 75 ("temporary failure") for a transient cause, so a scheduler retries the task,
/// and with 1 for a permanent one (a path that cannot be used as configured), which no retry fixes. Conform the
/// errors of your own stages whose cause lies outside the input.
public protocol RetryableError: Error {
    /// `true` when the cause may go away by itself: a full disk or quota, an I/O error, a lock held by another
    /// process, an interrupted or timed-out call on a network file system. `false` when it is permanent: a
    /// permission, a read-only file system, a folder where a file must go, a file in another format.
    var isTransient: Bool { get }
}

extension FileAccessError: RetryableError {
    /// The `errno` values of causes that may go away by themselves.
    static let transientErrorNumbers: Set<Int32> = [
        ENOSPC, EDQUOT, EIO, EINTR, EAGAIN, EBUSY, ETIMEDOUT, ESTALE, ENFILE, EMFILE, ENOMEM, ENOLCK,
    ]

    /// Transient unless the system's error number says the cause is permanent; an error without one (a short
    /// write, a failure reported without `errno`) counts as transient, since a retry costs little.
    public var isTransient: Bool {
        guard let errorNumber else { return true }
        return Self.transientErrorNumbers.contains(errorNumber)
    }
}
