/// The `Decoder` that walks a ``YAMLNode`` tree, and its containers.
extension YAMLNodeDecoder {
    /// Decodes one node; child decoders share the record of requested keys.
    struct NodeDecoder: Decoder {
        let node: YAMLNode
        let codingPath: [any CodingKey]
        let path: [PathComponent]
        let requests: KeyRequests

        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard let entries = node.mapping else {
                throw mismatch(KeyedDecodingContainer<Key>.self, expected: "a mapping")
            }
            requests.register(node, at: path)
            return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, entries: entries))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard let elements = node.sequence else { throw mismatch([YAMLNode].self, expected: "a sequence") }
            return UnkeyedContainer(decoder: self, elements: elements)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValueContainer(decoder: self)
        }

        /// A decoder for a child node.
        func child(_ node: YAMLNode, key: any CodingKey, component: PathComponent) -> NodeDecoder {
            NodeDecoder(node: node, codingPath: codingPath + [key], path: path + [component], requests: requests)
        }

        /// The error for a node of the wrong kind.
        func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
            let message = "expected \(expected), found \(node.foundDescription)"
            let context = DecodingError.Context(
                codingPath: codingPath,
                debugDescription: message,
                underlyingError: Issue(code: .typeMismatch, message: message)
            )
            return node.isNull ? .valueNotFound(type, context) : .typeMismatch(type, context)
        }

        /// The error for a number of the right kind that does not fit its type.
        func outOfRange(_ type: Any.Type, _ message: String) -> DecodingError {
            .dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: message,
                    underlyingError: Issue(code: .outOfRange, message: message)
                )
            )
        }

        /// The text of a scalar that may be read as null, a boolean or a number.
        var plainText: String? {
            node.isPlainTyped ? node.scalar?.value : nil
        }

        func decodeString() throws -> String {
            guard let scalar = node.scalar, !node.isNull else { throw mismatch(String.self, expected: "a string") }
            return scalar.value
        }

        func decodeBool() throws -> Bool {
            guard let text = plainText, let value = YAMLScalar.boolLiteral(text) else {
                throw mismatch(Bool.self, expected: "true or false")
            }
            return value
        }

        func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            guard let text = plainText, let parts = YAMLScalar.integerParts(text) else {
                throw mismatch(type, expected: "an integer")
            }
            let value = parts.radix == 10 ? T(text) : T(parts.digits, radix: parts.radix)
            guard let value else {
                throw outOfRange(type, "expected an integer between \(T.min) and \(T.max), found \(text)")
            }
            return value
        }

        func decodeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
            guard let text = plainText else { throw mismatch(type, expected: "a number") }
            if let special = YAMLScalar.specialFloat(text) {
                return T(special)
            }
            if let parts = YAMLScalar.integerParts(text), parts.radix != 10 {
                guard let integer = Int64(parts.digits, radix: parts.radix) else {
                    throw outOfRange(type, "expected a number that fits in \(type), found \(text)")
                }
                return T(integer)
            }
            guard YAMLScalar.isFloatLiteral(text), let value = T(text) else {
                throw mismatch(type, expected: "a number")
            }
            guard value.isFinite else {
                throw outOfRange(type, "expected a number that fits in \(type), found \(text)")
            }
            return value
        }
    }

    /// Reads the entries of a mapping, recording every key asked about.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: NodeDecoder
        let entries: [YAMLMappingEntry]
        private let values: [String: YAMLNode]

        init(decoder: NodeDecoder, entries: [YAMLMappingEntry]) {
            self.decoder = decoder
            self.entries = entries
            var values: [String: YAMLNode] = [:]
            for entry in entries {
                values[entry.key.scalar?.value ?? ""] = entry.value
            }
            self.values = values
        }

        var codingPath: [any CodingKey] { decoder.codingPath }

        var allKeys: [Key] {
            entries.compactMap { Key(stringValue: $0.key.scalar?.value ?? "") }
        }

        func contains(_ key: Key) -> Bool {
            request(key)
            return values[key.stringValue] != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            try childDecoder(for: key).node.isNull
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, forKey: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, forKey: key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, forKey: key) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try childDecoder(for: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try childDecoder(for: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            superDecoder(named: AnyKey(stringValue: "super"))
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            superDecoder(named: key)
        }

        private func superDecoder(named key: any CodingKey) -> any Decoder {
            decoder.requests.request(key.stringValue, at: decoder.path)
            let node =
                values[key.stringValue]
                ?? YAMLNode(.scalar(YAMLScalar(value: "")), location: decoder.node.location)
            return decoder.child(node, key: key, component: .key(key.stringValue))
        }

        private func request(_ key: Key) {
            decoder.requests.request(key.stringValue, at: decoder.path)
        }

        private func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: childDecoder(for: key))
        }

        private func childDecoder(for key: Key) throws -> NodeDecoder {
            request(key)
            guard let node = values[key.stringValue] else {
                let message = "missing required key '\(key.stringValue)'"
                let present = entries.compactMap { $0.key.scalar?.value }
                let hint = NameSuggestion.closest(to: key.stringValue, among: present).map {
                    "found '\($0)'; did you mean '\(key.stringValue)'?"
                }
                throw DecodingError.keyNotFound(
                    key,
                    DecodingError.Context(
                        codingPath: codingPath,
                        debugDescription: message,
                        underlyingError: Issue(code: .missingKey, message: message, hint: hint)
                    )
                )
            }
            return decoder.child(node, key: key, component: .key(key.stringValue))
        }
    }

    /// Reads the elements of a sequence in order.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: NodeDecoder
        let elements: [YAMLNode]
        private(set) var currentIndex = 0

        init(decoder: NodeDecoder, elements: [YAMLNode]) {
            self.decoder = decoder
            self.elements = elements
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        mutating func decodeNil() throws -> Bool {
            let child = try currentDecoder(Never?.self)
            guard child.node.isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
        mutating func decode(_ type: String.Type) throws -> String { try next(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            let container = try currentDecoder(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: type)
            currentIndex += 1
            return container
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let container = try currentDecoder([YAMLNode].self).unkeyedContainer()
            currentIndex += 1
            return container
        }

        mutating func superDecoder() throws -> any Decoder {
            let child = try currentDecoder((any Decoder).self)
            currentIndex += 1
            return child
        }

        private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
            let value = try T(from: currentDecoder(type))
            currentIndex += 1
            return value
        }

        private func currentDecoder(_ type: Any.Type) throws -> NodeDecoder {
            guard !isAtEnd else {
                let message = "expected \(currentIndex + 1) or more elements, found \(elements.count)"
                throw DecodingError.valueNotFound(
                    type,
                    DecodingError.Context(
                        codingPath: codingPath,
                        debugDescription: message,
                        underlyingError: Issue(code: .typeMismatch, message: message)
                    )
                )
            }
            return decoder.child(
                elements[currentIndex],
                key: AnyKey(intValue: currentIndex),
                component: .index(currentIndex)
            )
        }
    }

    /// Reads a node as a single value.
    struct SingleValueContainer: SingleValueDecodingContainer {
        let decoder: NodeDecoder

        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.node.isNull }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
        func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
        func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloatingPoint(type) }
        func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloatingPoint(type) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
    }
}
