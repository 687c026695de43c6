/// A typed annotation of a ``Document``, stored in its `fields` under a fixed name.
///
/// Stages declare one key per annotation they write, so readers and writers agree on the field name and shape:
///
/// ```swift
/// enum SummaryText: AnnotationKey {
///     static let name = "summary"
///     typealias Value = String
/// }
/// document[SummaryText.self] = "Two sentences."
/// ```
///
/// # Requirements
/// `name` is the JSON member name; it must not be `id` or `text`.
public protocol AnnotationKey {
    /// The value's type.
    associatedtype Value: JSONRepresentable
    /// The field name in the document's JSON.
    static var name: String { get }
}

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
    public var json: JSONValue { .array(map(\.json)) }
}
