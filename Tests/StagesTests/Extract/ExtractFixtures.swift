import Foundation

/// Loads the extractor's fixture files from `Tests/…/Fixtures/Extract/`, relative to this source file.
enum ExtractFixtures {
    /// The fixture folder.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Extract")

    /// The path of a fixture file.
    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The bytes of a fixture file.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
