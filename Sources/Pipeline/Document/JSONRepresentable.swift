/// A value that converts to and from ``JSONValue`` without loss.
public protocol JSONRepresentable: Sendable {
    /// Reads the value from JSON, or returns `nil` when the JSON does not have the expected shape.
    init?(json: JSONValue)
    /// The value as JSON.
    var json: JSONValue { get }
}

extension String: JSONRepresentable {
    /// Reads a JSON string.
    public init?(json: JSONValue) {
        guard case .string(let value) = json else { return nil }
        self = value
    }
    /// The string as JSON.
    public var json: JSONValue { .string(self) }
}

extension Int: JSONRepresentable {
    /// Reads a JSON integer.
    public init?(json: JSONValue) {
        guard let value = json.integerValue else { return nil }
        self = value
    }
    /// The integer as JSON.
    public var json: JSONValue { .integer(Int64(self)) }
}

extension Double: JSONRepresentable {
    /// Reads a JSON number.
    public init?(json: JSONValue) {
        guard let value = json.doubleValue else { return nil }
        self = value
    }
    /// The number as JSON.
    public var json: JSONValue { .double(self) }
}

extension Bool: JSONRepresentable {
    /// Reads a JSON boolean.
    public init?(json: JSONValue) {
        guard case .bool(let value) = json else { return nil }
        self = value
    }
    /// The boolean as JSON.
    public var json: JSONValue { .bool(self) }
}

extension JSONValue: JSONRepresentable {
    /// Wraps any JSON value.
    public init?(json: JSONValue) { self = json }
    /// The value itself.
    public var json: JSONValue { self }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    /// Reads a JSON array whose every element has the expected shape.
    public init?(json: JSONValue) {
        guard case .array(let elements) = json else { return nil }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let value = Element(json: element) else { return nil }
            result.append(value)
        }
        self = result
    }
    /// The array as JSON.
    public var json: JSONValue { .array(map { $0.json }) }  // a closure: a key path is projected at run time
}

extension Optional: JSONRepresentable where Wrapped: JSONRepresentable {
    /// Reads JSON `null` as `nil`, anything else as the wrapped type (failing when it does not have that shape).
    public init?(json: JSONValue) {
        if case .null = json {
            self = .none
            return
        }
        guard let value = Wrapped(json: json) else { return nil }
        self = .some(value)
    }
    /// The wrapped value as JSON, or `null`.
    public var json: JSONValue { self?.json ?? .null }
}
