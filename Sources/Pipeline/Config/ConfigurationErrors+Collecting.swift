extension ConfigurationErrors {
    /// The configuration errors `error` stands for, so a validator can collect every problem of a file: a
    /// ``ConfigurationError`` is itself, ``ConfigurationErrors`` are their errors, and any other error becomes an
    /// `.invalidValue` error with its description, at `location`.
    ///
    /// - Parameters:
    ///   - error: What a decoding step threw.
    ///   - location: Where the value being decoded is, for errors that do not say.
    ///   - keyPath: The value's key path, for errors that do not say.
    /// - Returns: One or more errors.
    static func collecting(_ error: any Error, at location: SourceLocation?, keyPath: String) -> [ConfigurationError] {
        switch error {
        case let error as ConfigurationError:
            return [error]
        case let error as ConfigurationErrors:
            return error.errors
        default:
            return [
                ConfigurationError(
                    code: .invalidValue,
                    message: String(describing: error),
                    location: location,
                    keyPath: keyPath
                )
            ]
        }
    }
}
