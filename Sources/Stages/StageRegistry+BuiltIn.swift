public import Pipeline

extension StageRegistry {
    /// The registry of built-in stages, the one `pipeline-run` uses.
    public static var builtIn: StageRegistry {
        var registry = StageRegistry()
        do {
            try registry.register(CleanStage.self)
            try registry.register(DedupeStage.self)
            try registry.register(EntitiesStage.self)
            try registry.register(ExportStage.self)
            try registry.register(ExtractStage.self)
            try registry.register(SummarizeStage.self)
        } catch {
            preconditionFailure("the built-in stages have distinct type names: \(error)")
        }
        registry.register(
            defaultSink: DefaultDocumentSink(typeName: ExportStage.typeName) { path in
                var options = ExportStage.Options()
                options.path = path
                return ExportStage(options: options)
            }
        )
        registry.register(inputFormat: HTMLFileFormat())
        registry.register(inputFormat: WARCFileFormat())
        return registry
    }
}
