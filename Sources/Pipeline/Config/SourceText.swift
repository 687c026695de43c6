/// The lines of a configuration file, to show the offending line under an error.
///
/// Lines are split the way libyaml counts them: at `\n`, `\r\n`, `\r`, U+0085, U+2028 and U+2029.
public struct SourceText: Sendable {
    private let file: String
    private let lines: [String]

    /// Splits a file's text into lines.
    ///
    /// - Parameters:
    ///   - text: The file's full text.
    ///   - file: The file name used in the locations of its errors.
    public init(_ text: String, file: String) {
        self.file = file
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            switch scalar {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        lines.append(String(current))
        self.lines = lines
    }

    /// The text of a line, without its line break.
    ///
    /// - Parameter number: A 1-based line number.
    /// - Returns: The line, or `nil` when the file has no such line.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Fills in an error's source line when the error is located in this file.
    ///
    /// - Parameter error: An error, possibly located in this file.
    /// - Returns: The error with ``ConfigurationError/sourceLine`` set, or unchanged when it is located elsewhere
    ///   or already has a source line.
    public func attach(to error: ConfigurationError) -> ConfigurationError {
        guard error.sourceLine == nil, let location = error.location, location.file == file,
            let text = line(location.line)
        else { return error }
        var error = error
        error.sourceLine = text
        return error
    }

    /// Fills in the source lines of every error located in this file.
    ///
    /// - Parameter errors: Errors, possibly located in this file.
    /// - Returns: The errors, each passed through ``attach(to:)-(ConfigurationError)``.
    public func attach(to errors: ConfigurationErrors) -> ConfigurationErrors {
        ConfigurationErrors(errors.errors.map { attach(to: $0) })
    }
}
