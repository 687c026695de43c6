import Foundation

/// The model, gazetteer and word clusters shipped as resources of this module, loaded once per process.
///
/// The module's target declares both files as resources:
/// `resources: [.copy("Entities/Resources/entities-model.bin"), .copy("Entities/Resources/entities-gazetteer.tsv"),
/// .copy("Entities/Resources/entities-clusters.tsv")]`, so SwiftPM copies them into the resource bundle `pipeline-run_Stages.resources` next to every executable it
/// builds (and the release tarball keeps it next to `bin/pipeline-run`). The bundle is looked up there, beside the
/// executable (symbolic links resolved) and beside the path it was started as, rather than through `Bundle.module`,
/// whose accessor stops the process when the bundle is missing: a binary copied away from its bundle gets a clear
/// configuration error from the entities stage instead.
struct EntityResources: Sendable {
    /// The trained tagger weights.
    let model: EntityModel
    /// The built-in gazetteer.
    let gazetteer: EntityGazetteer
    /// The word clusters learned from unlabelled news.
    let clusters: EntityWordClusters

    /// The model resource's file name.
    static let modelFileName = "entities-model.bin"
    /// The gazetteer resource's file name.
    static let gazetteerFileName = "entities-gazetteer.tsv"
    /// The word clusters resource's file name.
    static let clustersFileName = "entities-clusters.tsv"

    /// The bundled resources, loaded on first use (immutable afterwards).
    static let bundled: Result<EntityResources, EntityModel.LoadError> = Result {
        () throws(EntityModel.LoadError) -> EntityResources in try loadBundled()
    }

    /// The resource bundle's folder name.
    static let bundleName = "pipeline-run_Stages.resources"

    /// Where the resource bundle is looked for, in order.
    static var bundleCandidates: [URL] {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let started = CommandLine.arguments.first, started.contains("/") {
            folders.append(URL(fileURLWithPath: started).deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        var seen = Set<String>()
        return folders.map { $0.appendingPathComponent(bundleName) }.filter {
            seen.insert($0.standardized.path).inserted
        }
    }

    /// The path of a resource file in the first bundle that has it.
    /// - Parameter name: The file name.
    /// - Returns: The file's URL.
    /// - Throws: ``EntityModel/LoadError`` naming the places looked in.
    static func resourceURL(named name: String) throws(EntityModel.LoadError) -> URL {
        let candidates = bundleCandidates
        for bundle in candidates {
            let url = bundle.appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: url.path) { return url }
        }
        throw EntityModel.LoadError(
            description: "missing resource \(name): the resource bundle \(bundleName) must stay next to the "
                + "executable (looked in \(candidates.map(\.path).joined(separator: ", ")))"
        )
    }

    /// Loads the gazetteer alone from the bundle (the trainer needs it before any model exists).
    static func loadBundledGazetteer() throws(EntityModel.LoadError) -> EntityGazetteer {
        let url = try resourceURL(named: gazetteerFileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EntityModel.LoadError(description: "cannot read \(url.path) as UTF-8 text")
        }
        return EntityGazetteer(tsv: text)
    }

    /// Loads the word clusters alone from the bundle (the trainer needs them before any model exists).
    static func loadBundledClusters() throws(EntityModel.LoadError) -> EntityWordClusters {
        let url = try resourceURL(named: clustersFileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EntityModel.LoadError(description: "cannot read \(url.path) as UTF-8 text")
        }
        return EntityWordClusters(tsv: text)
    }

    private static func loadBundled() throws(EntityModel.LoadError) -> EntityResources {
        let gazetteer = try loadBundledGazetteer()
        let clusters = try loadBundledClusters()
        let url = try resourceURL(named: modelFileName)
        guard let data = try? Data(contentsOf: url) else {
            throw EntityModel.LoadError(description: "cannot read \(url.path)")
        }
        let model = try EntityModel(bytes: [UInt8](data))
        return EntityResources(model: model, gazetteer: gazetteer, clusters: clusters)
    }
}
