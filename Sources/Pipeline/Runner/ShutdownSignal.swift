import Synchronization

/// A request to stop a run gracefully: stop reading input, let in-flight documents finish, flush outputs.
///
/// The CLI requests it on SIGINT/SIGTERM; tests and embedders call ``request(reason:)`` directly.
public final class ShutdownSignal: Sendable {
    private let state = Mutex<String?>(nil)

    /// Creates a signal that has not been requested.
    public init() {}

    /// Requests a graceful stop. Later requests keep the first reason.
    /// - Parameter reason: Why, e.g. "SIGTERM".
    public func request(reason: String) {
        state.withLock { if $0 == nil { $0 = reason } }
    }

    /// Whether a stop has been requested.
    public var isRequested: Bool { state.withLock { $0 != nil } }

    /// Why the stop was requested, if it was.
    public var reason: String? { state.withLock { $0 } }
}
