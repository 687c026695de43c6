import Pipeline

/// Command-line overrides applied to a pipeline file's tree before it is compiled, so overridden values are
/// validated like the file's own. (`--output` is applied to the compiled plan instead, through the stages'
/// capabilities: ``PipelinePlan/directingDocuments(to:defaultSink:)``.)
struct PipelineOverrides {
    /// Replaces `input.path` when not empty.
    var inputPaths: [String]

    /// The tree with the overrides applied.
    func apply(to root: YAMLNode) -> YAMLNode {
        guard case .mapping(var entries) = root.content else { return root }
        let here = root.location
        func scalar(_ value: String) -> YAMLNode {
            YAMLNode(.scalar(YAMLScalar(value: value, style: .doubleQuoted)), location: here)
        }
        func key(_ name: String) -> YAMLNode { scalar(name) }

        if !inputPaths.isEmpty {
            let paths = YAMLNode(.sequence(inputPaths.map(scalar)), location: here)
            if let index = entries.firstIndex(where: { $0.key.scalar?.value == "input" }),
                case .mapping(var inputEntries) = entries[index].value.content
            {
                inputEntries.removeAll { $0.key.scalar?.value == "path" }
                inputEntries.append(YAMLMappingEntry(key: key("path"), value: paths))
                entries[index].value.content = .mapping(inputEntries)
            } else {
                entries.removeAll { $0.key.scalar?.value == "input" }
                let mapping = YAMLNode(.mapping([YAMLMappingEntry(key: key("path"), value: paths)]), location: here)
                entries.append(YAMLMappingEntry(key: key("input"), value: mapping))
            }
        }

        var result = root
        result.content = .mapping(entries)
        return result
    }
}
