/// A coding key for any member name of a mapping, for the test file's free-form parts (input documents, expected
/// fields) and for keys spelt by another declaration (an annotation key's name).
struct MemberKey: CodingKey, Hashable {
    /// The member name.
    var stringValue: String
    /// Always `nil`.
    var intValue: Int? { nil }
    /// A key for a member name.
    /// - Parameter stringValue: The member name.
    init(stringValue: String) { self.stringValue = stringValue }
    /// Members are never numbered.
    /// - Parameter intValue: Ignored.
    init?(intValue: Int) { nil }
}
