extension ConfigurationError {
    /// The error for a mapping key that is not one of `validKeys`, with the closest valid key as a hint, or else the
    /// list of them: `unknown key 'formatt'` / `did you mean 'format'?`.
    ///
    /// - Parameters:
    ///   - key: The key the file gave.
    ///   - location: Where the key is.
    ///   - keyPath: The key's path, such as `stages[0].formatt`.
    ///   - validKeys: The keys the mapping takes, in the order ties between suggestions are broken.
    /// - Returns: The error, code `.unknownKey`.
    static func unknownKey(
        _ key: String,
        at location: SourceLocation,
        keyPath: String,
        validKeys: [String]
    ) -> ConfigurationError {
        let hint: String
        if let suggestion = NameSuggestion.didYouMean(key, among: validKeys) {
            hint = suggestion
        } else if validKeys.isEmpty {
            hint = "this mapping takes no keys"
        } else {
            hint = "valid keys: " + validKeys.joined(separator: ", ")
        }
        return ConfigurationError(
            code: .unknownKey,
            message: "unknown key '\(key)'",
            location: location,
            keyPath: keyPath,
            hint: hint
        )
    }
}
