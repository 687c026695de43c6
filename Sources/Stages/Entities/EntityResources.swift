import Foundation

/// The model and gazetteer shipped as resources of this module, loaded once per process.
///
/// The module's target must declare both files as resources, e.g. for module `Stages`:
/// `resources: [.copy("Entities/Resources/entities-model.bin"), .copy("Entities/Resources/entities-gazetteer.tsv")]`
/// (without them SwiftPM generates no `Bundle.module`).
struct EntityResources: Sendable {
    /// The trained tagger weights.
    let model: EntityModel
    /// The built-in gazetteer.
    let gazetteer: EntityGazetteer

    /// The model resource's file name.
    static let modelFileName = "entities-model.bin"
    /// The gazetteer resource's file name.
    static let gazetteerFileName = "entities-gazetteer.tsv"

    /// The bundled resources, loaded on first use (immutable afterwards).
    static let bundled: Result<EntityResources, EntityModel.LoadError> = Result {
        () throws(EntityModel.LoadError) -> EntityResources in try loadBundled()
    }

    /// Loads the gazetteer alone from the bundle (the trainer needs it before any model exists).
    static func loadBundledGazetteer() throws(EntityModel.LoadError) -> EntityGazetteer {
        guard let url = Bundle.module.url(forResource: "entities-gazetteer", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw EntityModel.LoadError(description: "missing resource \(gazetteerFileName)") }
        return EntityGazetteer(tsv: text)
    }

    private static func loadBundled() throws(EntityModel.LoadError) -> EntityResources {
        let gazetteer = try loadBundledGazetteer()
        guard let url = Bundle.module.url(forResource: "entities-model", withExtension: "bin"),
            let data = try? Data(contentsOf: url)
        else { throw EntityModel.LoadError(description: "missing resource \(modelFileName)") }
        let model = try EntityModel(bytes: [UInt8](data))
        return EntityResources(model: model, gazetteer: gazetteer)
    }
}
