import Foundation

/// Sentence similarities and graph centrality (PageRank by power iteration) over a ``SentenceTermTable``.
///
/// # Thread safety
/// An immutable value holding per-article data; build one per article.
struct SentenceGraphRanker: Sendable {
    /// The article's terms.
    let table: SentenceTermTable
    /// The TF-IDF weight of each entry of `table.termIDs`.
    private let weights: [Float]
    /// The Euclidean norm of each sentence's TF-IDF vector.
    private let norms: [Float]

    /// PageRank damping factor.
    static let damping: Float = 0.85
    /// The most power-iteration rounds.
    static let maximumIterations = 40
    /// Power iteration stops when the L1 change falls below this.
    static let tolerance: Float = 1e-4
    /// The cosine similarity an edge needs in the binary LexRank graph.
    static let lexRankThreshold: Float = 0.1

    /// Prepares TF-IDF vectors (`tf × ln(1 + n / df)`) for `table`.
    /// - Parameter table: The article's sentence terms.
    init(table: SentenceTermTable) {
        self.table = table
        let sentenceCount = Float(max(1, table.sentenceCount))
        var idf = [Float](repeating: 0, count: table.termCount)
        for term in 0..<table.termCount {
            idf[term] = logf(1 + sentenceCount / Float(max(1, table.documentFrequency[term])))
        }
        var weights = [Float](repeating: 0, count: table.termIDs.count)
        var norms = [Float](repeating: 0, count: table.sentenceCount)
        for sentence in 0..<table.sentenceCount {
            var sum: Float = 0
            for entry in table.offsets[sentence]..<table.offsets[sentence + 1] {
                let weight = Float(table.termCounts[entry]) * idf[Int(table.termIDs[entry])]
                weights[entry] = weight
                sum += weight * weight
            }
            norms[sentence] = sum.squareRoot()
        }
        self.weights = weights
        self.norms = norms
    }

    /// The TF-IDF cosine similarity of sentences `a` and `b` (0 when either has no content words).
    func cosine(_ a: Int, _ b: Int) -> Float {
        let normProduct = norms[a] * norms[b]
        if normProduct == 0 { return 0 }
        var i = table.offsets[a]
        var j = table.offsets[b]
        let iEnd = table.offsets[a + 1]
        let jEnd = table.offsets[b + 1]
        var dot: Float = 0
        while i < iEnd && j < jEnd {
            let left = table.termIDs[i]
            let right = table.termIDs[j]
            if left == right {
                dot += weights[i] * weights[j]
                i += 1
                j += 1
            } else if left < right {
                i += 1
            } else {
                j += 1
            }
        }
        return dot / normProduct
    }

    /// The kind of graph ``centrality(_:in:)`` ranks.
    enum GraphKind: Sendable {
        /// Edges weighted by TF-IDF cosine similarity (continuous LexRank).
        case weightedCosine
        /// Unit edges where the cosine similarity exceeds ``SentenceGraphRanker/lexRankThreshold`` (LexRank).
        case thresholdCosine
        /// Edges weighted by shared distinct terms over `ln(1 + |a|) + ln(1 + |b|)` content words (TextRank).
        case overlap
    }

    /// The sentence pairs sharing at least one term, with both similarities, computed in one pass.
    struct SimilarityGraph: Sendable {
        /// The first sentence of each edge.
        var sources: [Int32] = []
        /// The second sentence of each edge (always greater than the first).
        var targets: [Int32] = []
        /// The TF-IDF cosine similarity of each edge.
        var cosines: [Float] = []
        /// The TextRank overlap similarity of each edge: shared distinct terms over `ln(1 + |a|) + ln(1 + |b|)`.
        var overlaps: [Float] = []
    }

    /// The most sentences for which ``similarityGraph()`` accumulates pairs in a dense `n × n` matrix (1 MiB of
    /// scratch at most); longer articles merge the sentences' term lists pair by pair instead.
    static let denseGraphLimit = 362

    /// Computes the similarity of every pair of sentences that share a term.
    ///
    /// Up to ``denseGraphLimit`` sentences, each term's postings (the sentences holding it) add to every pair they
    /// join, so the cost is `Σ df²` over terms rather than `n²/2` list merges; a pair's dot product is summed in
    /// ascending term order either way, so both paths give bit-identical graphs.
    func similarityGraph() -> SimilarityGraph {
        let count = table.sentenceCount
        guard count > 1 else { return SimilarityGraph() }
        return count <= Self.denseGraphLimit ? densePairGraph() : mergedPairGraph()
    }

    /// The graph from each term's postings, accumulated in dense upper-triangular matrices.
    func densePairGraph() -> SimilarityGraph {
        let count = table.sentenceCount
        let terms = table.termCount
        // Postings by term (counting sort): the entries of `table.termIDs` holding each term, sentence ascending.
        var postingStart = [Int32](repeating: 0, count: terms + 1)
        for term in 0..<terms { postingStart[term + 1] = postingStart[term] + table.documentFrequency[term] }
        var fill = postingStart
        var postingSentence = [Int32](repeating: 0, count: table.termIDs.count)
        var postingWeight = [Float](repeating: 0, count: table.termIDs.count)
        for sentence in 0..<count {
            for entry in table.offsets[sentence]..<table.offsets[sentence + 1] {
                let term = Int(table.termIDs[entry])
                let slot = Int(fill[term])
                postingSentence[slot] = Int32(sentence)
                postingWeight[slot] = weights[entry]
                fill[term] += 1
            }
        }
        var dots = [Float](repeating: 0, count: count * count)
        var shared = [Int32](repeating: 0, count: count * count)
        for term in 0..<terms {
            let start = Int(postingStart[term])
            let end = Int(postingStart[term + 1])
            if end - start < 2 { continue }
            for i in start..<(end - 1) {
                let row = Int(postingSentence[i]) * count
                let weight = postingWeight[i]
                for j in (i + 1)..<end {
                    let cell = row + Int(postingSentence[j])
                    dots[cell] += weight * postingWeight[j]
                    shared[cell] += 1
                }
            }
        }
        let logLengths = logContentLengths()
        var graph = SimilarityGraph()
        for a in 0..<count {
            for b in (a + 1)..<count where shared[a * count + b] > 0 {
                appendEdge(&graph, a, b, dot: dots[a * count + b], shared: Int(shared[a * count + b]), logLengths)
            }
        }
        return graph
    }

    /// The graph from `n²/2` sorted-list merges, for articles too long for ``densePairGraph()``.
    func mergedPairGraph() -> SimilarityGraph {
        var graph = SimilarityGraph()
        let count = table.sentenceCount
        let logLengths = logContentLengths()
        for a in 0..<count {
            let aStart = table.offsets[a]
            let aEnd = table.offsets[a + 1]
            if aStart == aEnd { continue }
            for b in (a + 1)..<count {
                var i = aStart
                var j = table.offsets[b]
                let jEnd = table.offsets[b + 1]
                var dot: Float = 0
                var shared = 0
                while i < aEnd && j < jEnd {
                    let left = table.termIDs[i]
                    let right = table.termIDs[j]
                    if left == right {
                        dot += weights[i] * weights[j]
                        shared += 1
                        i += 1
                        j += 1
                    } else if left < right {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                if shared > 0 { appendEdge(&graph, a, b, dot: dot, shared: shared, logLengths) }
            }
        }
        return graph
    }

    /// `ln(1 + content words)` of each sentence, the TextRank overlap's length terms, taken once per sentence rather
    /// than once per edge.
    private func logContentLengths() -> [Float] {
        table.contentWordCounts.map { logf(1 + Float($0)) }
    }

    /// Adds the edge between sentences `a < b` with both of its similarities.
    /// - Parameter logLengths: ``logContentLengths()``.
    @inline(__always)
    private func appendEdge(
        _ graph: inout SimilarityGraph,
        _ a: Int,
        _ b: Int,
        dot: Float,
        shared: Int,
        _ logLengths: [Float]
    ) {
        let normProduct = norms[a] * norms[b]
        graph.sources.append(Int32(a))
        graph.targets.append(Int32(b))
        graph.cosines.append(normProduct > 0 ? dot / normProduct : 0)
        graph.overlaps.append(Float(shared) / (logLengths[a] + logLengths[b]))
    }

    /// The PageRank score of every sentence in `graph`, with edges weighted according to `kind`.
    ///
    /// Cost: at most ``maximumIterations`` passes over the edges.
    /// - Parameters:
    ///   - kind: How edges are weighted.
    ///   - graph: The article's similarity graph, from ``similarityGraph()``.
    /// - Returns: One score per sentence; the scores sum to 1.
    func centrality(_ kind: GraphKind, in graph: SimilarityGraph) -> [Float] {
        let count = table.sentenceCount
        if count == 0 { return [] }
        let edgeWeights: [Float]
        switch kind {
        case .weightedCosine: edgeWeights = graph.cosines
        case .thresholdCosine: edgeWeights = graph.cosines.map { $0 > Self.lexRankThreshold ? 1 : 0 }
        case .overlap: edgeWeights = graph.overlaps
        }
        var degree = [Float](repeating: 0, count: count)
        for edge in 0..<edgeWeights.count {
            degree[Int(graph.sources[edge])] += edgeWeights[edge]
            degree[Int(graph.targets[edge])] += edgeWeights[edge]
        }
        let uniform = 1 / Float(count)
        var rank = [Float](repeating: uniform, count: count)
        var next = [Float](repeating: 0, count: count)
        var share = [Float](repeating: 0, count: count)
        for _ in 0..<Self.maximumIterations {
            // Mass of sentences without edges is spread uniformly, like the teleport term.
            var dangling: Float = 0
            for node in 0..<count {
                if degree[node] > 0 {
                    share[node] = rank[node] / degree[node]
                } else {
                    share[node] = 0
                    dangling += rank[node]
                }
            }
            let base = (1 - Self.damping) * uniform + Self.damping * dangling * uniform
            for node in 0..<count { next[node] = 0 }
            for edge in 0..<edgeWeights.count {
                let a = Int(graph.sources[edge])
                let b = Int(graph.targets[edge])
                let weight = edgeWeights[edge]
                next[b] += share[a] * weight
                next[a] += share[b] * weight
            }
            var change: Float = 0
            for node in 0..<count {
                let value = base + Self.damping * next[node]
                change += abs(value - rank[node])
                rank[node] = value
            }
            if change < Self.tolerance { break }
        }
        return rank
    }
}
