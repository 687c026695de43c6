import Foundation
import Testing

@testable import Stages

/// The two seed articles cleaned exactly as their hand-written golden fixtures say.
@Suite("Clean: seed articles")
struct CleanSeedGoldenTests {
    /// Reads a fixture next to this file.
    static func fixture(_ name: String) throws -> String {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent("Clean")
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("seed 000: ad markers, Close the window, Recommended item and the placeholder e-mail go")
    func seed000() throws {
        let cleaner = try ArticleTextCleaner()
        let result = cleaner.clean(try Self.fixture("seed-000-dirty.txt"))
        #expect(result.text == (try Self.fixture("seed-000-clean.txt")))
        #expect(!result.isTooShort)
        #expect(result.report.removed[.markers] == CleanRemovalCount(lines: 3, characters: 28))
        #expect(result.report.removed[.teasers]?.lines == 1)
        #expect(result.report.removed[.contact] == CleanRemovalCount(lines: 0, characters: 18))
        #expect(
            result.text.hasPrefix("Diplomatic authorities are aware of the results of the US presidential elections.")
        )
        #expect(result.text.hasSuffix("\n\nKijae Han, Reporter Kwon Ohhyuk"))
    }

    @Test("seed 002: newsletter prompt and the You May Also Like block with its teasers go")
    func seed002() throws {
        let cleaner = try ArticleTextCleaner()
        let result = cleaner.clean(try Self.fixture("seed-002-dirty.txt"))
        #expect(result.text == (try Self.fixture("seed-002-clean.txt")))
        #expect(result.report.removed[.callsToAction]?.lines == 2)
        #expect(result.report.removed[.teasers]?.lines == 8)
        #expect(result.report.removed[.phrases]?.lines == 1)
        #expect(result.text.hasPrefix("US north korea\n\nWith only one month to go before 2020"))
    }

    @Test("with the line model on, seed 002's subheading between two paragraphs stays")
    func seed002WithTheModel() throws {
        let cleaner = try ArticleTextCleaner(
            configuration: CleanConfiguration(ruleGroups: Set(CleanRuleGroup.allCases))
        )
        let result = cleaner.clean(try Self.fixture("seed-002-dirty.txt"))
        #expect(result.text == (try Self.fixture("seed-002-clean.txt")))
        #expect(result.text.contains("\n\nIt is difficult to break the deadlock in the US-DPRK negotiations\n\n"))
    }

    @Test("cleaning is deterministic when run from many tasks at once", .timeLimit(.minutes(5)))
    func concurrentCleaningIsDeterministic() async throws {
        let cleaner = try ArticleTextCleaner()
        let inputs = [try Self.fixture("seed-000-dirty.txt"), try Self.fixture("seed-002-dirty.txt")]
        let expected = inputs.map { cleaner.clean($0).text }
        let outputs = await withTaskGroup(of: (Int, String).self) { group in
            for round in 0..<16 {
                group.addTask { (round % 2, cleaner.clean(inputs[round % 2]).text) }
            }
            var collected: [(Int, String)] = []
            for await output in group { collected.append(output) }
            return collected
        }
        for (index, text) in outputs { #expect(text == expected[index]) }
    }
}
