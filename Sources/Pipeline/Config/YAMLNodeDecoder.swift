/// Decodes `Decodable` values from a ``YAMLNode``, with errors that point into the file.
///
/// Typing is strict: a quoted scalar is always a string, `yes`/`no` are not booleans, integers are range-checked
/// for their type, and null (`null`, `~` or nothing) decodes only as `nil`. Every mapping decoded through a keyed
/// container must use all its keys: after decoding, the first unrequested key in file order is reported as
/// `.unknownKey` with a suggestion.
///
/// ```swift
/// struct Options: Decodable { var threshold: Double }
/// let options = try YAMLNodeDecoder().decode(Options.self, from: node, keyPath: "stages[1]", ignoredKeys: ["type"])
/// ```
///
/// Errors thrown by `init(from:)` implementations, including `DecodingError`s, become ``ConfigurationError``s
/// located at the offending node. Use ``KeyedDecodingContainer/decode(_:forKey:in:)`` for range checks and
/// ``ConfigurationEnum`` for string enums to get precise messages.
public struct YAMLNodeDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a value from a node.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - node: The node holding the value.
    ///   - keyPath: The key path of `node` in its file, such as `stages[2]`; prefixes the key paths of errors.
    ///   - ignoredKeys: Keys of the top-level mapping that belong to the caller (for example `type` or `name`) and
    ///     must not be reported as unknown.
    /// - Returns: The decoded value.
    /// - Throws: ``ConfigurationError`` for the first problem found: `.typeMismatch`, `.missingKey`,
    ///   `.unknownKey`, `.invalidValue` or `.outOfRange`.
    public func decode<T: Decodable>(
        _ type: T.Type,
        from node: YAMLNode,
        keyPath: String = "",
        ignoredKeys: Set<String> = []
    ) throws(ConfigurationError) -> T {
        let requests = KeyRequests()
        let decoder = NodeDecoder(node: node, codingPath: [], path: [], requests: requests)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as ConfigurationError {
            throw error
        } catch let error as ConfigurationErrors where !error.errors.isEmpty {
            throw error.errors[0]
        } catch let error as DecodingError {
            throw Self.configurationError(for: error, root: node, keyPath: keyPath)
        } catch {
            throw ConfigurationError(
                code: .invalidValue,
                message: String(describing: error),
                location: node.location,
                keyPath: keyPath
            )
        }
        if let unknown = requests.firstUnknownKey(keyPath: keyPath, ignoredKeys: ignoredKeys) {
            throw unknown
        }
        return value
    }

    /// What went wrong, carried in a `DecodingError`'s underlying error so the message survives the trip.
    struct Issue: Error {
        var code: ConfigurationError.Code
        var message: String
        var hint: String?
    }

    /// One step of a path through the tree.
    enum PathComponent: Hashable {
        case key(String)
        case index(Int)
    }

    /// A coding key for mapping keys and sequence indices.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String) {
            self.stringValue = stringValue
            self.intValue = nil
        }

        init(intValue: Int) {
            self.stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    /// The keys each keyed container asked about, to find the ones nobody asked about.
    final class KeyRequests {
        private struct Record {
            var node: YAMLNode
            var requested: [String] = []
            var requestedSet: Set<String> = []
        }

        private var records: [[PathComponent]: Record] = [:]
        private var order: [[PathComponent]] = []

        /// Notes that a keyed container was made for the mapping at `path`.
        func register(_ node: YAMLNode, at path: [PathComponent]) {
            guard records[path] == nil else { return }
            records[path] = Record(node: node)
            order.append(path)
        }

        /// Notes that the keyed container at `path` asked about `key`.
        func request(_ key: String, at path: [PathComponent]) {
            guard records[path]?.requestedSet.insert(key).inserted == true else { return }
            records[path]?.requested.append(key)
        }

        /// The first key, in file order, that no container asked about.
        func firstUnknownKey(keyPath prefix: String, ignoredKeys: Set<String>) -> ConfigurationError? {
            var first: (entry: YAMLMappingEntry, path: [PathComponent], valid: [String])?
            for path in order {
                guard let record = records[path], let entries = record.node.mapping else { continue }
                let ignored = path.isEmpty ? ignoredKeys : []
                for entry in entries {
                    let key = entry.key.scalar?.value ?? ""
                    guard !record.requestedSet.contains(key), !ignored.contains(key) else { continue }
                    let location = entry.key.location
                    if let current = first?.entry.key.location,
                        (current.line, current.column) <= (location.line, location.column)
                    {
                        continue
                    }
                    first = (entry, path, record.requested + ignored.sorted())
                }
            }
            guard let (entry, path, valid) = first else { return nil }
            let key = entry.key.scalar?.value ?? ""
            return ConfigurationError.unknownKey(
                key,
                at: entry.key.location,
                keyPath: YAMLNodeDecoder.format(path + [.key(key)], prefix: prefix),
                validKeys: valid
            )
        }
    }

    /// Formats a path like `stages[1].threshold`, after `prefix`.
    static func format(_ path: [PathComponent], prefix: String) -> String {
        var text = prefix
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Follows a coding path from the root as far as the tree allows.
    ///
    /// - Returns: The deepest node reached and the path to it, then the rest of the coding path as best guessed.
    static func walk(
        _ codingPath: [any CodingKey],
        from root: YAMLNode
    ) -> (node: YAMLNode, resolved: [PathComponent], unresolved: [PathComponent]) {
        var node = root
        var resolved: [PathComponent] = []
        for (position, key) in codingPath.enumerated() {
            if let elements = node.sequence, let index = key.intValue, elements.indices.contains(index) {
                node = elements[index]
                resolved.append(.index(index))
            } else if node.mapping != nil, let value = node[key.stringValue] {
                node = value
                resolved.append(.key(key.stringValue))
            } else {
                let rest = codingPath[position...].map { key -> PathComponent in
                    if let index = key.intValue, key.stringValue == "\(index)" { return .index(index) }
                    return .key(key.stringValue)
                }
                return (node, resolved, rest)
            }
        }
        return (node, resolved, [])
    }

    /// Turns a `DecodingError` into a located ``ConfigurationError``, keeping sensitive values out of the message.
    static func configurationError(for error: DecodingError, root: YAMLNode, keyPath prefix: String)
        -> ConfigurationError
    {
        var converted = unredactedError(for: error, root: root, keyPath: prefix)
        let codingPath: [any CodingKey]
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
            .dataCorrupted(let context):
            codingPath = context.codingPath
        @unknown default:
            codingPath = []
        }
        let (node, _, _) = walk(codingPath, from: root)
        if let scalar = node.scalar, scalar.isSensitive {
            converted.message = redacting(scalar.value, in: converted.message)
            converted.hint = converted.hint.map { redacting(scalar.value, in: $0) }
        }
        return converted
    }

    /// `message` with what follows its last ", found " replaced, and any other copy of a long enough `value` hidden.
    private static func redacting(_ value: String, in message: String) -> String {
        var message = message
        if let found = message.ranges(of: ", found ").last {
            message = message[..<found.upperBound] + "a redacted value"
        }
        if value.count >= 4 {
            message = message.replacing(value, with: "<redacted>")
        }
        return message
    }

    private static func unredactedError(
        for error: DecodingError,
        root: YAMLNode,
        keyPath prefix: String
    ) -> ConfigurationError {
        switch error {
        case .keyNotFound(let key, let context):
            let (node, resolved, _) = walk(context.codingPath, from: root)
            let issue = context.underlyingError as? Issue
            return ConfigurationError(
                code: issue?.code ?? .missingKey,
                message: issue?.message ?? "missing required key '\(key.stringValue)'",
                location: node.location,
                keyPath: format(resolved, prefix: prefix),
                hint: issue?.hint
            )
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (node, resolved, unresolved) = walk(context.codingPath, from: root)
            let issue = context.underlyingError as? Issue
            return ConfigurationError(
                code: issue?.code ?? .typeMismatch,
                message: issue?.message ?? "expected \(expectation(for: type)), found \(node.foundDescription)",
                location: node.location,
                keyPath: format(resolved + unresolved, prefix: prefix),
                hint: issue?.hint
            )
        case .dataCorrupted(let context):
            let (node, resolved, unresolved) = walk(context.codingPath, from: root)
            let issue = context.underlyingError as? Issue
            return ConfigurationError(
                code: issue?.code ?? .invalidValue,
                message: issue?.message ?? context.debugDescription,
                location: node.location,
                keyPath: format(resolved + unresolved, prefix: prefix),
                hint: issue?.hint
            )
        @unknown default:
            return ConfigurationError(
                code: .invalidValue,
                message: String(describing: error),
                location: root.location,
                keyPath: prefix
            )
        }
    }

    /// How messages name what a type expects: `a string`, `an integer`, `true or false`...
    static func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type, is Character.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type: return "an integer"
        case is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        default:
            if type is any Collection.Type { return "a sequence" }
            return "a value of type \(type)"
        }
    }
}
