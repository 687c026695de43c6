import Foundation
import Pipeline

/// The identity of a pipeline configuration, for run states and completion markers: a hash of the file's text, the
/// command-line overrides, and the value of every environment variable the file interpolates (`${VAR}`,
/// `${VAR:-default}`), so two runs of one file in different environments (a `threshold: ${T}` set differently) do not
/// pass for the same configuration.
enum ConfigurationHash {
    /// The hash.
    /// - Parameters:
    ///   - file: The pipeline file.
    ///   - overrides: Command-line values that change the configuration (input paths, output...).
    ///   - environment: The environment the file was interpolated with.
    ///   - salt: Distinguishes identities of different kinds (e.g. the cross-shard dedupe steps).
    /// - Returns: The hash, as hexadecimal text.
    /// - Throws: ``FileAccessError`` when the file cannot be read.
    static func of(
        file: String,
        overrides: [String],
        environment: [String: String],
        salt: String = ""
    ) throws -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw FileAccessError.fromErrno(path: file, operation: "read")
        }
        let variables = referencedVariables(in: text).map { name in
            environment[name].map { "\(name)=\($0)" } ?? "\(name) unset"
        }
        return RunState.hash(
            ([salt, text] + overrides + variables).joined(separator: "\u{0}")
        )
    }

    /// The names of the environment variables a pipeline text interpolates, sorted, each once (see
    /// ``YAMLNode/referencedVariableNames(in:)``).
    /// - Parameter text: The pipeline file's text.
    /// - Returns: The names.
    static func referencedVariables(in text: String) -> [String] {
        YAMLNode.referencedVariableNames(in: text).sorted()
    }
}
