import Pipeline

/// A ``JSONValue`` decoded from any YAML value: a mapping becomes an object, a sequence an array, and a scalar null,
/// a boolean, an integer, a number or a string, by the strict typing of ``YAMLNodeDecoder`` (a quoted scalar is
/// always a string).
///
/// Used where a test file or a default holds free-form values, such as the expected `fields` of a document.
struct DecodedJSONValue: Decodable, Sendable, Hashable {
    /// The value.
    var value: JSONValue

    /// Wraps a value.
    /// - Parameter value: The value.
    init(_ value: JSONValue) {
        self.value = value
    }

    /// Decodes whatever the node holds.
    /// - Parameter decoder: The decoder.
    /// - Throws: Only what the decoder throws for members of a mapping or elements of a sequence.
    init(from decoder: any Decoder) throws {
        if let members = try? decoder.container(keyedBy: MemberKey.self) {
            var object: [String: JSONValue] = [:]
            for key in members.allKeys {
                object[key.stringValue] = try members.decode(DecodedJSONValue.self, forKey: key).value
            }
            value = .object(object)
            return
        }
        if var elements = try? decoder.unkeyedContainer() {
            var array: [JSONValue] = []
            while !elements.isAtEnd {
                array.append(try elements.decode(DecodedJSONValue.self).value)
            }
            value = .array(array)
            return
        }
        let scalar = try decoder.singleValueContainer()
        if scalar.decodeNil() {
            value = .null
        } else if let bool = try? scalar.decode(Bool.self) {
            value = .bool(bool)
        } else if let integer = try? scalar.decode(Int64.self) {
            value = .integer(integer)
        } else if let double = try? scalar.decode(Double.self) {
            value = .double(double)
        } else {
            value = .string(try scalar.decode(String.self))
        }
    }
}
