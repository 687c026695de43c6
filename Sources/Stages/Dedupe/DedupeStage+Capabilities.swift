public import Pipeline

/// A dedupe stage with an `index` writes that SQLite file (rows keyed by id, so it is not fingerprinted for
/// resume; a shard writes its own part), and in a stream it deduplicates within the stream without the index.
extension DedupeStage: FileOutputStage, StreamModeStage {
    /// The persistent index, if the stage has one.
    public var fileOutputs: [StageFileOutput] {
        options.index.map { [StageFileOutput(path: $0, resumption: .updatedInPlace)] } ?? []
    }

    /// The same stage with its index at `relocate(index)`.
    /// - Parameter relocate: Maps the index path to the one to use instead.
    /// - Returns: The relocated stage.
    public func relocatingFileOutputs(_ relocate: (String) -> String) -> DedupeStage {
        guard let index = options.index else { return self }
        var options = self.options
        options.index = relocate(index)
        return DedupeStage(options: options)
    }

    /// Unchanged without an index; with one, the same stage without it: a stream neither reads nor updates it.
    public func streamMode() -> StreamMode {
        guard options.index != nil else { return .unchanged }
        var options = self.options
        options.index = nil
        return .replaced(by: DedupeStage(options: options))
    }
}
