import Foundation

/// Compiles a pipeline file into a ``PipelinePlan``: parses the YAML, interpolates `${VAR}`, decodes every section
/// and builds every stage, collecting all configuration errors before failing.
///
/// ```
/// news.yaml ─▶ YAMLParser ─▶ YAMLNode ─▶ ${VAR} ─▶ sections + StageRegistry.makeStage ─▶ PipelinePlan
/// ```
public struct PipelineLoader: Sendable {
    /// The stage types the file may use.
    public var registry: StageRegistry
    /// The variables `${VAR}` reads.
    public var environment: [String: String]

    /// The keys every stage entry may have besides its options (``StageEntryOptions/reservedKeys``).
    public static var commonStageKeys: Set<String> { StageEntryOptions.reservedKeys }
    /// The top-level keys of a pipeline file.
    public static let topLevelKeys = ["name", "input", "stages", "output"]

    /// Creates a loader.
    /// - Parameters:
    ///   - registry: The stage types available.
    ///   - environment: The variables for `${VAR}` (default: the process environment).
    public init(registry: StageRegistry, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.registry = registry
        self.environment = environment
    }

    /// Reads a pipeline file and parses it into an interpolated YAML tree.
    /// - Parameter path: The file's path.
    /// - Returns: The root node and the file's text (for diagnostics).
    /// - Throws: ``ConfigurationErrors`` when the file cannot be read or parsed.
    public func parse(contentsOf path: String) throws(ConfigurationErrors) -> (root: YAMLNode, source: SourceText) {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigurationErrors([
                    ConfigurationError(
                        code: .syntax,
                        message: "the file is not valid UTF-8",
                        location: SourceLocation(file: path, line: 1, column: 1),
                        keyPath: ""
                    )
                ])
            }
            text = decoded
        } catch let error as ConfigurationErrors {
            throw error
        } catch {
            throw ConfigurationErrors([
                ConfigurationError(
                    code: .syntax,
                    message: "cannot read the pipeline file: \(FileAccessError.reason(of: error))",
                    location: nil,
                    keyPath: "",
                    hint: "check the path '\(path)'"
                )
            ])
        }
        return try parse(text: text, file: path)
    }

    /// Parses pipeline text into an interpolated YAML tree.
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The file name used in error locations.
    /// - Returns: The root node and the text (for diagnostics).
    /// - Throws: ``ConfigurationErrors`` for syntax errors and interpolation problems.
    public func parse(text: String, file: String) throws(ConfigurationErrors) -> (root: YAMLNode, source: SourceText) {
        let source = SourceText(text, file: file)
        do {
            guard let root = try YAMLParser().parse(text, file: file) else {
                throw ConfigurationError(
                    code: .missingKey,
                    message: "the pipeline file is empty",
                    location: SourceLocation(file: file, line: 1, column: 1),
                    keyPath: "",
                    hint: "a pipeline needs at least 'input' and 'stages'"
                )
            }
            do {
                return (try root.interpolatingEnvironment(environment), source)
            } catch {
                throw ConfigurationErrors(error.errors.map(source.attach(to:)))
            }
        } catch let error as ConfigurationError {
            throw ConfigurationErrors([source.attach(to: error)])
        } catch let errors as ConfigurationErrors {
            throw errors
        } catch {
            throw ConfigurationErrors([
                ConfigurationError(code: .syntax, message: "\(error)", location: nil, keyPath: "")
            ])
        }
    }

    /// Reads, parses and compiles a pipeline file.
    /// - Parameter path: The file's path.
    /// - Returns: The plan.
    /// - Throws: ``ConfigurationErrors`` with every problem found.
    public func load(contentsOf path: String) throws(ConfigurationErrors) -> PipelinePlan {
        let (root, source) = try parse(contentsOf: path)
        return try plan(from: root, source: source)
    }

    /// Compiles a parsed pipeline into a plan.
    /// - Parameters:
    ///   - root: The file's root node.
    ///   - source: The file's text, to show offending lines.
    /// - Returns: The plan.
    /// - Throws: ``ConfigurationErrors`` with every problem found.
    public func plan(from root: YAMLNode, source: SourceText) throws(ConfigurationErrors) -> PipelinePlan {
        var errors: [ConfigurationError] = []
        let decoder = YAMLNodeDecoder()
        let file = root.location.file
        guard let mapping = root.mapping else {
            throw ConfigurationErrors([
                source.attach(
                    to: ConfigurationError(
                        code: .typeMismatch,
                        message: "expected a mapping with 'input' and 'stages', found \(root.kindDescription)",
                        location: root.location,
                        keyPath: ""
                    )
                )
            ])
        }
        for entry in mapping {
            let key = entry.key.scalar?.value ?? ""
            if !Self.topLevelKeys.contains(key) {
                errors.append(
                    ConfigurationError(
                        code: .unknownKey,
                        message: "unknown key '\(key)'",
                        location: entry.key.location,
                        keyPath: "",
                        hint: NameSuggestion.didYouMean(key, among: Self.topLevelKeys)
                            ?? "valid keys: \(Self.topLevelKeys.joined(separator: ", "))"
                    )
                )
            }
        }

        var name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if let node = root["name"] {
            do { name = try decoder.decode(String.self, from: node, keyPath: "name") } catch { errors.append(error) }
        }

        var input = InputOptions(paths: [])
        if let node = root["input"] {
            do { input = try InputOptions(node: node, keyPath: "input") } catch { errors += error.errors }
        } else {
            errors.append(
                ConfigurationError(
                    code: .missingKey,
                    message: "missing required key 'input'",
                    location: root.location,
                    keyPath: "",
                    hint: "add 'input:' with a 'path:' (a folder, JSON Lines files, or - for stdin)"
                )
            )
        }

        var output = OutputOptions()
        if let node = root["output"] {
            do { output = try OutputOptions(node: node, keyPath: "output") } catch { errors += error.errors }
        }

        var stages: [PipelinePlan.PlannedStage] = []
        if let node = root["stages"] {
            if let entries = node.sequence, !entries.isEmpty {
                var usedNames: [String: Int] = [:]
                for (index, entry) in entries.enumerated() {
                    do throws(ConfigurationErrors) {
                        var stage = try planStage(entry, keyPath: "stages[\(index)]")
                        if let earlier = usedNames[stage.name] {
                            if entry["name"] != nil {
                                throw ConfigurationErrors([
                                    ConfigurationError(
                                        code: .invalidValue,
                                        message: "duplicate stage name '\(stage.name)' (also stages[\(earlier)])",
                                        location: entry["name"]?.location,
                                        keyPath: "stages[\(index)].name",
                                        hint: "give each stage a unique name"
                                    )
                                ])
                            }
                            stage = stage.renamed("\(stage.name)#\(index)")
                        }
                        usedNames[stage.name] = index
                        stages.append(stage)
                    } catch {
                        errors += error.errors
                    }
                }
            } else {
                errors.append(
                    ConfigurationError(
                        code: .typeMismatch,
                        message: "expected a non-empty list of stages, found \(node.kindDescription)",
                        location: node.location,
                        keyPath: "stages",
                        hint: "each entry is a mapping with 'type:'"
                    )
                )
            }
        } else {
            errors.append(
                ConfigurationError(
                    code: .missingKey,
                    message: "missing required key 'stages'",
                    location: root.location,
                    keyPath: "",
                    hint: "known stage types: \(registry.typeNames.joined(separator: ", "))"
                )
            )
        }

        guard errors.isEmpty else {
            let sorted = errors.enumerated().sorted {
                ($0.element.location?.line ?? 0, $0.element.location?.column ?? 0, $0.offset)
                    < ($1.element.location?.line ?? 0, $1.element.location?.column ?? 0, $1.offset)
            }
            throw ConfigurationErrors(sorted.map { source.attach(to: $0.element) })
        }
        return PipelinePlan(
            name: name,
            input: input,
            output: output,
            stages: stages,
            inputFormats: registry.inputFormats
        )
    }

    /// Compiles one stage entry, collecting every problem of its common keys and its options.
    private func planStage(_ entry: YAMLNode, keyPath: String) throws(ConfigurationErrors) -> PipelinePlan.PlannedStage
    {
        let decoder = YAMLNodeDecoder()
        guard entry.mapping != nil else {
            throw ConfigurationErrors([
                ConfigurationError(
                    code: .typeMismatch,
                    message: "expected a stage mapping with 'type:', found \(entry.kindDescription)",
                    location: entry.location,
                    keyPath: keyPath
                )
            ])
        }
        var errors: [ConfigurationError] = []
        var typeName: String?
        if let typeNode = entry["type"] {
            do { typeName = try decoder.decode(String.self, from: typeNode, keyPath: keyPath + ".type") } catch {
                errors.append(error)
            }
        } else {
            errors.append(
                ConfigurationError(
                    code: .missingKey,
                    message: "missing required key 'type'",
                    location: entry.location,
                    keyPath: keyPath,
                    hint: "known stage types: \(registry.typeNames.joined(separator: ", "))"
                )
            )
        }
        // The common keys, decoded from their declarations; the stage's own keys are its options' business.
        var common = StageEntryOptions()
        do {
            let entryKeys = Set(entry.mapping?.compactMap { $0.key.scalar?.value } ?? [])
            common = try StageEntryOptions(
                node: entry,
                keyPath: keyPath,
                ignoredKeys: entryKeys.subtracting(StageEntryOptions.keys)
            )
        } catch {
            errors += error.errors
        }
        var stage: (any Stage)?
        if let typeName {
            do {
                stage = try registry.makeStage(
                    typeName: typeName,
                    options: entry,
                    keyPath: keyPath,
                    commonKeys: Self.commonStageKeys
                )
            } catch {
                errors += ConfigurationErrors.collecting(error, at: entry.location, keyPath: keyPath)
            }
        }
        guard errors.isEmpty, let typeName, let stage else { throw ConfigurationErrors(errors) }
        return PipelinePlan.PlannedStage(
            name: common.name ?? typeName,
            typeName: typeName,
            concurrency: common.concurrency,
            errorPolicy: common.errorPolicy,
            stage: stage,
            location: entry.location
        )
    }
}
