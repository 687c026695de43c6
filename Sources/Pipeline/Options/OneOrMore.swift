/// An option that takes one value or a list of them: `path: a.txt` or `path: [a.txt, b.txt]`.
///
/// ```swift
/// var paths = OneOrMore<String>([])
/// static let declarations: [OptionDeclaration<Self>] = [
///     .required("path", \.paths, help: "A file or a list of files."),
/// ]
/// ```
public struct OneOrMore<Element: OptionValue>: OptionValue {
    /// The values, in order; one when the file wrote a single value.
    public var values: [Element]

    /// Wraps values.
    /// - Parameter values: The values.
    public init(_ values: [Element]) {
        self.values = values
    }

    /// `X or list of Xs`.
    public static var optionType: OptionType { .oneOrList(Element.optionType) }

    /// Reads a sequence of values, or one value.
    public init(option node: YAMLNode, keyPath: String) throws {
        if node.sequence != nil {
            values = try [Element](option: node, keyPath: keyPath)
        } else {
            values = [try Element(option: node, keyPath: keyPath)]
        }
    }

    /// The values, as a JSON array.
    public var optionJSON: JSONValue? { values.optionJSON }
}

extension OneOrMore: Equatable where Element: Equatable {}
extension OneOrMore: Hashable where Element: Hashable {}
