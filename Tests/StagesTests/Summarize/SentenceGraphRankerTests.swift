import Pipeline
import Testing

@testable import Stages

@Suite("Sentence graph ranker")
struct SentenceGraphRankerTests {
    @Test("the postings graph and the pairwise-merge graph are bit-identical on a news story")
    func densePathEqualsMergedPath() throws {
        let text = SummarizeNewsArticles.pacquiaoReview
        let utf8 = Array(text.utf8)
        let sentences = utf8.withUnsafeBufferPointer { SentenceSplitter().splitBytes($0).sentences }
        try #require(sentences.count >= 12)
        utf8.withUnsafeBufferPointer { bytes in
            let table = SentenceTermTable(bytes: bytes, sentences: sentences[...], headline: nil)
            let ranker = SentenceGraphRanker(table: table)
            let dense = ranker.densePairGraph()
            let merged = ranker.mergedPairGraph()
            #expect(dense.sources.count > 20)
            #expect(dense.sources == merged.sources)
            #expect(dense.targets == merged.targets)
            #expect(dense.cosines.map(\.bitPattern) == merged.cosines.map(\.bitPattern))
            #expect(dense.overlaps.map(\.bitPattern) == merged.overlaps.map(\.bitPattern))
        }
    }
}
