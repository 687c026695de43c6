import Synchronization

/// Named counters a stage adds to while it runs ("exact duplicates", "characters removed"...), shared safely
/// between the stage's concurrent tasks.
public final class StageCounters: Sendable {
    private let values = Mutex<[String: Int]>([:])

    /// Creates an empty set of counters.
    public init() {}

    /// Adds `amount` to the counter `name`, creating it at zero first.
    /// - Parameters:
    ///   - amount: The amount to add (default 1).
    ///   - name: The counter's name, in snake_case (it becomes a JSON key).
    public func add(_ amount: Int = 1, to name: String) {
        values.withLock { $0[name, default: 0] += amount }
    }

    /// Sets the counter `name` to `value` (for gauges such as an index size).
    /// - Parameters:
    ///   - value: The value.
    ///   - name: The counter's name.
    public func set(_ value: Int, for name: String) {
        values.withLock { $0[name] = value }
    }

    /// The current values.
    public var snapshot: [String: Int] {
        values.withLock { $0 }
    }
}
