/// A configuration error located in a file, printed like a compiler diagnostic.
///
/// ```
/// pipelines/news.yaml:7:16: error: stages[1].threshold: expected a number between 0 and 1, found 1.5
///     threshold: 1.5
///                ^
///   hint: did you mean 'threshold'?
/// ```
///
/// The source line and caret appear only when ``sourceLine`` is set (see ``SourceText/attach(to:)``), the hint only
/// when there is one.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem an error reports.
    ///
    /// New codes may be added; switch over them with a `default` case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case syntax, duplicateKey, tooDeep, aliasExpansion, tooLarge, typeMismatch, missingKey, unknownKey
            case invalidValue, outOfRange, undefinedVariable, invalidInterpolation, multipleDocuments
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The file is not valid YAML.
        public static let syntax = Code(.syntax)
        /// A mapping has the same key twice.
        public static let duplicateKey = Code(.duplicateKey)
        /// The document nests deeper than the parser's limit.
        public static let tooDeep = Code(.tooDeep)
        /// Aliases expand to more nodes than the parser's limit.
        public static let aliasExpansion = Code(.aliasExpansion)
        /// The input is larger than the parser's limit.
        public static let tooLarge = Code(.tooLarge)
        /// A value has the wrong kind, such as a string where a number is expected.
        public static let typeMismatch = Code(.typeMismatch)
        /// A required key is absent.
        public static let missingKey = Code(.missingKey)
        /// A key is not one the configuration understands.
        public static let unknownKey = Code(.unknownKey)
        /// A value has the right kind but is not acceptable.
        public static let invalidValue = Code(.invalidValue)
        /// A number is outside its allowed range.
        public static let outOfRange = Code(.outOfRange)
        /// `${VAR}` names an unset variable and gives no default.
        public static let undefinedVariable = Code(.undefinedVariable)
        /// A `${...}` reference is malformed or yields a value that is not allowed.
        public static let invalidInterpolation = Code(.invalidInterpolation)
        /// The file holds more than one YAML document.
        public static let multipleDocuments = Code(.multipleDocuments)

        /// The code's name, such as `unknownKey`.
        public var description: String {
            base.rawValue
        }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What is wrong, for example `expected a number between 0 and 1, found 1.5`.
    public var message: String
    /// Where the problem is, when known.
    public var location: SourceLocation?
    /// The path of the offending value, such as `stages[1].threshold`; empty for the root.
    public var keyPath: String
    /// A suggestion for fixing the problem, such as `did you mean 'threshold'?`.
    public var hint: String?
    /// The text of the offending line, shown with a caret under ``location``'s column.
    public var sourceLine: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of problem this is.
    ///   - message: What is wrong.
    ///   - location: Where the problem is.
    ///   - keyPath: The path of the offending value; empty for the root.
    ///   - hint: A suggestion for fixing the problem.
    ///   - sourceLine: The text of the offending line.
    public init(
        code: Code,
        message: String,
        location: SourceLocation? = nil,
        keyPath: String,
        hint: String? = nil,
        sourceLine: String? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.keyPath = keyPath
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// The error as a compiler-style diagnostic: a `file:line:column: error:` line, then the source line with a
    /// caret when known, then the hint when there is one.
    ///
    /// Tabs before the column are repeated in the caret line so the caret lines up with the source.
    public var description: String {
        var text = ""
        if let location {
            text += "\(location): "
        }
        text += "error: "
        if !keyPath.isEmpty {
            text += "\(keyPath): "
        }
        text += message
        if let sourceLine, let location {
            text += "\n" + sourceLine + "\n"
            var padding = 0
            for scalar in sourceLine.unicodeScalars {
                guard padding < location.column - 1 else { break }
                text.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
                padding += 1
            }
            if padding < location.column - 1 {
                text += String(repeating: " ", count: location.column - 1 - padding)
            }
            text += "^"
        }
        if let hint {
            text += "\n  hint: \(hint)"
        }
        return text
    }
}
