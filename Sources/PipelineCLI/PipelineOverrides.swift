import Pipeline

/// Command-line overrides applied to a pipeline file's tree before it is compiled, so overridden values are
/// validated like the file's own.
struct PipelineOverrides {
    /// Replaces `input.path` when not empty.
    var inputPaths: [String]
    /// Replaces the `path` of the last JSON Lines or CSV `export` stage, or adds a JSON Lines export when there is
    /// none; when `nil` and the pipeline has no JSON Lines or CSV export stage, a JSON Lines export to standard output
    /// is added, unless the pipeline exports to PostgreSQL (the database is then its output).
    var outputPath: String?

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

        if let stagesIndex = entries.firstIndex(where: { $0.key.scalar?.value == "stages" }),
            case .sequence(var stages) = entries[stagesIndex].value.content
        {
            let exportIndex = stages.lastIndex {
                $0["type"]?.scalar?.value == "export"
                    && !["sqlite", "postgres"].contains($0["format"]?.scalar?.value ?? "jsonl")
            }
            if let exportIndex, let outputPath, case .mapping(var stageEntries) = stages[exportIndex].content {
                stageEntries.removeAll { $0.key.scalar?.value == "path" }
                stageEntries.append(YAMLMappingEntry(key: key("path"), value: scalar(outputPath)))
                stages[exportIndex].content = .mapping(stageEntries)
            } else if exportIndex == nil,
                outputPath != nil
                    || !stages.contains(where: {
                        $0["type"]?.scalar?.value == "export" && $0["format"]?.scalar?.value == "postgres"
                    })
            {
                let export = YAMLNode(
                    .mapping([
                        YAMLMappingEntry(key: key("type"), value: scalar("export")),
                        YAMLMappingEntry(key: key("format"), value: scalar("jsonl")),
                        YAMLMappingEntry(key: key("path"), value: scalar(outputPath ?? "-")),
                    ]),
                    location: here
                )
                stages.append(export)
            }
            entries[stagesIndex].value.content = .sequence(stages)
        }
        var result = root
        result.content = .mapping(entries)
        return result
    }
}
