import Pipeline
import Testing

@Suite("Hashed word set and ids")
struct HashedWordTablesTests {
    @Test("the set finds its words by their lowercased hash and nothing else")
    func setMembership() {
        let set = HashedWordSet(["said", "Told", "according"])
        #expect(set.contains(FNV1a.hash("said")))
        #expect(set.contains(FNV1a.hash("told")))
        #expect(set.contains(FNV1a.hashLowercasingASCII("ACCORDING")))
        #expect(!set.contains(FNV1a.hash("Told")))
        #expect(!set.contains(FNV1a.hash("says")))
        #expect(!set.contains(0))
        #expect(HashedWordSet(hashes: [0, 7]).contains(0))
    }

    @Test("the set holds every member of a list larger than its first table")
    func setOfManyWords() {
        let words = (0..<1_000).map { "word\($0)" }
        let set = HashedWordSet(words)
        #expect(words.allSatisfy { set.contains(FNV1a.hash($0)) })
        #expect((1_000..<2_000).filter { set.contains(FNV1a.hash("word\($0)")) }.isEmpty)
    }

    @Test("a union holds the members of every set it joins, the zero hash included, and nothing else")
    func union() {
        let verbs = HashedWordSet((0..<300).map { "verb\($0)" })
        let union = HashedWordSet(union: [verbs, HashedWordSet(["said", "told"]), HashedWordSet(hashes: [0])])
        #expect((0..<300).allSatisfy { union.contains(FNV1a.hash("verb\($0)")) })
        #expect(union.contains(FNV1a.hash("said")) && union.contains(FNV1a.hash("told")) && union.contains(0))
        #expect((300..<600).filter { union.contains(FNV1a.hash("verb\($0)")) }.isEmpty)
        #expect(!HashedWordSet(union: [verbs]).contains(0))
    }

    @Test("ids are dense in first-seen order, stable across growth, and reset by removeAll")
    func denseIDs() {
        var ids = HashedWordIDs(expectedCount: 2)
        let hashes = (0..<500).map { FNV1a.hash("term\($0)") }
        let first = hashes.map { ids.id(for: $0) }
        #expect(first.map(\.id) == (0..<500).map(Int32.init))
        #expect(first.allSatisfy { $0.isNew })
        let again = hashes.map { ids.id(for: $0) }
        #expect(again.map(\.id) == (0..<500).map(Int32.init))
        #expect(again.allSatisfy { !$0.isNew })
        #expect(ids.count == 500)
        let zero = ids.id(for: 0)
        #expect(zero.id == 500 && zero.isNew)
        ids.removeAll()
        #expect(ids.count == 0)
        let reused = ids.id(for: hashes[42])
        #expect(reused.id == 0 && reused.isNew)
    }
}
