/// The option values of the standard library: strings, booleans, numbers and their collections.
extension String: OptionValue {
    /// `string`.
    public static var optionType: OptionType { .string }
    /// The string.
    public var optionJSON: JSONValue? { .string(self) }
}

extension Bool: OptionValue {
    /// `boolean`.
    public static var optionType: OptionType { .boolean }
    /// The boolean.
    public var optionJSON: JSONValue? { .bool(self) }
}

extension Int: BoundedOptionValue {
    /// `integer`.
    public static var optionType: OptionType { .integer(nil) }
    /// `integer A...B`.
    public static func optionType(in range: ClosedRange<Int>?) -> OptionType { .integer(range) }
    /// The integer.
    public var optionJSON: JSONValue? { .integer(Int64(self)) }
}

extension Double: BoundedOptionValue {
    /// `number`.
    public static var optionType: OptionType { .number(nil) }
    /// `number A...B`.
    public static func optionType(in range: ClosedRange<Double>?) -> OptionType { .number(range) }
    /// The number.
    public var optionJSON: JSONValue? { .double(self) }
}

extension Optional: OptionValue where Wrapped: OptionValue {
    /// The wrapped type: an optional option is one that may be left out.
    public static var optionType: OptionType { Wrapped.optionType }

    /// Reads `nil` from a null node, the wrapped value otherwise.
    public init(option node: YAMLNode, keyPath: String) throws {
        self = node.isNull ? nil : try Wrapped(option: node, keyPath: keyPath)
    }

    /// The wrapped value's JSON, or `nil`.
    public var optionJSON: JSONValue? { self?.optionJSON ?? nil }

    /// The wrapped value's text, or `none`.
    public var optionText: String { self?.optionText ?? "none" }
}

extension Array: OptionValue where Element: OptionValue {
    /// `list of …`.
    public static var optionType: OptionType { .list(Element.optionType) }

    /// Reads a sequence, each element with `Element`'s rules (key path `path[i]`).
    public init(option node: YAMLNode, keyPath: String) throws {
        guard let elements = node.sequence else {
            throw ConfigurationError(
                code: .typeMismatch,
                message: "expected a sequence, found \(node.foundDescription)",
                location: node.location,
                keyPath: keyPath
            )
        }
        self = try elements.enumerated().map { index, element in
            try Element(option: element, keyPath: "\(keyPath)[\(index)]")
        }
    }

    /// The elements' JSON.
    public var optionJSON: JSONValue? { .array(map { $0.optionJSON ?? .null }) }
}

extension Set: OptionValue where Element: OptionValue & CaseIterable {
    /// `list of a, b, c`.
    public static var optionType: OptionType { .list(Element.optionType) }

    /// Reads a sequence of cases; repeats are allowed.
    public init(option node: YAMLNode, keyPath: String) throws {
        self = Set(try [Element](option: node, keyPath: keyPath))
    }

    /// The cases, in declaration order.
    public var optionJSON: JSONValue? {
        .array(Element.allCases.filter(contains).map { $0.optionJSON ?? .null })
    }

    /// `all` when every case is in the set, else the list.
    public var optionText: String {
        count == Element.allCases.count ? "all" : optionJSON.map(Self.flowText) ?? "[]"
    }
}

extension Dictionary: OptionValue where Key == String, Value: OptionValue {
    /// `mapping of key to …`.
    public static var optionType: OptionType { .mapping(key: "key", value: Value.optionType) }

    /// Reads a mapping, each value with `Value`'s rules (key path `path.key`).
    public init(option node: YAMLNode, keyPath: String) throws {
        guard let entries = node.mapping else {
            throw ConfigurationError(
                code: .typeMismatch,
                message: "expected a mapping, found \(node.foundDescription)",
                location: node.location,
                keyPath: keyPath
            )
        }
        var values: [String: Value] = [:]
        for entry in entries {
            let key = try String(option: entry.key, keyPath: keyPath)
            values[key] = try Value(option: entry.value, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)")
        }
        self = values
    }

    /// The members' JSON.
    public var optionJSON: JSONValue? { .object(mapValues { $0.optionJSON ?? .null }) }
}
