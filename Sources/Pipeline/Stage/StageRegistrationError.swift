/// A stage type cannot be added to a ``StageRegistry``.
///
/// ```swift
/// do {
///     let registry = try StageRegistry.builtIn.registering(MyExportStage.self)   // typeName "export"
/// } catch {
///     // error.code == .duplicateTypeName, error.typeName == "export"
/// }
/// ```
public struct StageRegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case duplicateTypeName
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Another stage type is already registered under the same type name.
        public static let duplicateTypeName = Code(.duplicateTypeName)

        /// The code's name, such as `duplicateTypeName`.
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public let code: Code
    /// The type name, as written after `type:`.
    public let typeName: String
    /// The Swift type already registered under that name.
    public let registeredType: String
    /// The Swift type that was being added.
    public let addedType: String

    /// Creates the error.
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - typeName: The type name.
    ///   - registeredType: The Swift type already registered under it.
    ///   - addedType: The Swift type being added.
    public init(code: Code, typeName: String, registeredType: String, addedType: String) {
        self.code = code
        self.typeName = typeName
        self.registeredType = registeredType
        self.addedType = addedType
    }

    /// E.g. "cannot register MyExportStage as 'export': ExportStage is already registered under that name; give
    /// one of them another typeName".
    public var description: String {
        "cannot register \(addedType) as '\(typeName)': \(registeredType) is already registered under that name; "
            + "give one of them another typeName"
    }
}
