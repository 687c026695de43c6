extension Document {
    /// Appends the document as one compact JSON object (no newline): `id`, `text`, then `fields` sorted by key.
    /// - Parameter output: The buffer to append to.
    public func writeJSON(to output: inout [UInt8]) {
        output.append(contentsOf: "{\"id\":".utf8)
        JSONValue.writeString(id, to: &output)
        output.append(contentsOf: ",\"text\":".utf8)
        JSONValue.writeString(text, to: &output)
        for member in JSONValue.sortedByKey(fields) where member.key != "id" && member.key != "text" {
            output.append(UInt8(ascii: ","))
            JSONValue.writeString(member.key, to: &output)
            output.append(UInt8(ascii: ":"))
            member.value.write(to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// The document as a JSON object, as ``writeJSON(to:)`` writes it.
    public var json: JSONValue {
        var members = fields
        members["id"] = .string(id)
        members["text"] = .string(text)
        return .object(members)
    }
}
