public import Pipeline

extension StageRegistry {
    /// The registry of built-in stages, the one `pipeline-run` uses.
    public static var builtIn: StageRegistry {
        var registry = StageRegistry()
        registry.register(CleanStage.self)
        registry.register(DedupeStage.self)
        registry.register(EntitiesStage.self)
        registry.register(ExportStage.self)
        registry.register(ExtractStage.self)
        registry.register(SummarizeStage.self)
        registry.register(inputFormat: HTMLFileFormat())
        registry.register(inputFormat: WARCFileFormat())
        return registry
    }
}
