/// `${VAR}` interpolation of environment variables into scalar values.
extension YAMLNode {
    /// Replaces `${VAR}` and `${VAR:-default}` in scalar values (not keys) with values from `environment`.
    ///
    /// `$${` stands for a literal `${`. The default is used when the variable is unset or empty, as in the shell.
    /// Scalars keep their style, so `port: ${PORT}` still reads as a number.
    ///
    /// Every problem is collected before throwing:
    /// - an unset variable without a default is `.undefinedVariable`;
    /// - a substituted value containing a line break, or a malformed `${`, is `.invalidInterpolation`.
    ///
    /// When an enclosing mapping key contains `password`, `token`, `key` or `secret` (ignoring case), an interpolated
    /// scalar is marked ``YAMLScalar/isSensitive``; messages never include substituted values.
    ///
    /// - Parameters:
    ///   - environment: The variables, usually the process environment.
    ///   - keyPath: The key path of this node, used as the prefix of errors' key paths.
    /// - Returns: The node with every reference substituted.
    /// - Throws: ``ConfigurationErrors`` listing every problem, in file order.
    public func interpolatingEnvironment(
        _ environment: [String: String],
        keyPath: String = ""
    ) throws(ConfigurationErrors) -> YAMLNode {
        var errors: [ConfigurationError] = []
        let result = interpolating(environment, keyPath: keyPath, isUnderSecretKey: false, errors: &errors)
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        return result
    }

    private func interpolating(
        _ environment: [String: String],
        keyPath: String,
        isUnderSecretKey: Bool,
        errors: inout [ConfigurationError]
    ) -> YAMLNode {
        var node = self
        switch content {
        case .scalar(let scalar):
            node.content = .scalar(
                interpolating(
                    scalar,
                    environment,
                    keyPath: keyPath,
                    isUnderSecretKey: isUnderSecretKey,
                    errors: &errors
                )
            )
        case .sequence(let elements):
            node.content = .sequence(
                elements.enumerated().map { index, element in
                    element.interpolating(
                        environment,
                        keyPath: keyPath + "[\(index)]",
                        isUnderSecretKey: isUnderSecretKey,
                        errors: &errors
                    )
                }
            )
        case .mapping(let entries):
            node.content = .mapping(
                entries.map { entry in
                    let key = entry.key.scalar?.value ?? ""
                    var entry = entry
                    entry.value = entry.value.interpolating(
                        environment,
                        keyPath: keyPath.isEmpty ? key : keyPath + "." + key,
                        isUnderSecretKey: isUnderSecretKey || Self.looksSecret(key),
                        errors: &errors
                    )
                    return entry
                }
            )
        }
        return node
    }

    private func interpolating(
        _ scalar: YAMLScalar,
        _ environment: [String: String],
        keyPath: String,
        isUnderSecretKey: Bool,
        errors: inout [ConfigurationError]
    ) -> YAMLScalar {
        let input = Array(scalar.value.utf8)
        guard input.contains(UInt8(ascii: "$")) else { return scalar }
        let dollar = UInt8(ascii: "$")
        let openBrace = UInt8(ascii: "{")
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var substituted = false
        var index = 0

        func fail(_ code: ConfigurationError.Code, _ message: String, hint: String) {
            errors.append(
                ConfigurationError(code: code, message: message, location: location, keyPath: keyPath, hint: hint)
            )
        }

        while index < input.count {
            let byte = input[index]
            guard byte == dollar else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < input.count, input[index + 1] == dollar, input[index + 2] == openBrace {
                output += [dollar, openBrace]
                index += 3
                continue
            }
            guard index + 1 < input.count, input[index + 1] == openBrace else {
                output.append(byte)
                index += 1
                continue
            }
            guard let close = input[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                fail(
                    .invalidInterpolation,
                    "unterminated environment variable reference: '${' without a closing '}'",
                    hint: "close it with '}', or write '$${' for a literal '${'"
                )
                output += input[index...]
                break
            }
            let reference = input[(index + 2)..<close]
            index = close + 1
            guard let (name, fallback) = Self.parseReference(reference) else {
                fail(
                    .invalidInterpolation,
                    "invalid environment variable reference '${\(String(decoding: reference, as: UTF8.self))}'",
                    hint: "write ${NAME} or ${NAME:-default}, where NAME has letters, digits and '_' and does not "
                        + "start with a digit, or '$${' for a literal '${'"
                )
                continue
            }
            let value: String
            if let set = environment[name], !set.isEmpty || fallback == nil {
                value = set
                if value.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                    fail(
                        .invalidInterpolation,
                        "the value of environment variable '\(name)' contains a line break",
                        hint: "an interpolated value must be a single line"
                    )
                    continue
                }
            } else if let fallback {
                value = fallback
                if value.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                    fail(
                        .invalidInterpolation,
                        "the default value for environment variable '\(name)' contains a line break",
                        hint: "an interpolated value must be a single line"
                    )
                    continue
                }
            } else {
                fail(
                    .undefinedVariable,
                    "environment variable '\(name)' is not set",
                    hint: "set it or give a default: ${\(name):-value}"
                )
                continue
            }
            output += value.utf8
            substituted = true
        }
        var result = scalar
        result.value = String(decoding: output, as: UTF8.self)
        if substituted && isUnderSecretKey {
            result.isSensitive = true
        }
        return result
    }

    /// The names of the environment variables a pipeline text refers to with `${NAME}` or `${NAME:-default}`
    /// (`$${` is a literal and names nothing), by the same rules as ``interpolatingEnvironment(_:keyPath:)``: what a
    /// configuration's identity must include besides its text.
    ///
    /// - Parameter text: The pipeline file's text.
    /// - Returns: The names, each once.
    public static func referencedVariableNames(in text: String) -> Set<String> {
        let input = Array(text.utf8)
        var names = Set<String>()
        var index = 0
        while index + 1 < input.count {
            guard input[index] == UInt8(ascii: "$") else {
                index += 1
                continue
            }
            if input[index + 1] == UInt8(ascii: "$") {
                index += 2
                continue
            }
            guard input[index + 1] == UInt8(ascii: "{"),
                let close = input[(index + 2)...].firstIndex(of: UInt8(ascii: "}"))
            else {
                index += 1
                continue
            }
            if let (name, _) = parseReference(input[(index + 2)..<close]) { names.insert(name) }
            index = close + 1
        }
        return names
    }

    /// Splits the inside of `${...}` into a variable name and an optional default; `nil` when malformed.
    private static func parseReference(_ reference: ArraySlice<UInt8>) -> (name: String, fallback: String?)? {
        let colon = reference.firstIndex(of: UInt8(ascii: ":"))
        let name = reference[..<(colon ?? reference.endIndex)]
        guard let first = name.first, !UTF8Byte.isASCIIDigit(first),
            name.allSatisfy({ UTF8Byte.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "_") })
        else { return nil }
        guard let colon else { return (String(decoding: name, as: UTF8.self), nil) }
        let rest = reference[(colon + 1)...]
        guard rest.first == UInt8(ascii: "-") else { return nil }
        return (String(decoding: name, as: UTF8.self), String(decoding: rest.dropFirst(), as: UTF8.self))
    }

    /// Whether a mapping key names something secret.
    private static func looksSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["password", "token", "key", "secret"].contains { lowered.contains($0) }
    }
}
