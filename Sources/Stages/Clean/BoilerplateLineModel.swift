import Foundation

/// A small multinomial logistic model that judges the lines the rules kept: article, or which kind of furniture.
///
/// ```
///  features (BoilerplateLineFeatures.count) ──▶ weights (classes × features) ──▶ softmax ──▶ P(article)
///  P(article) < threshold ──▶ removed as the most likely furniture kind
/// ```
///
/// The weights are trained by `scripts/train-clean-model.sh` on the labelled lines of the wild development set,
/// with folds by site, and written to `BoilerplateLineModel+Weights.swift` (reproduced byte for byte by the
/// script). They are a `static let`, built once per process.
///
/// # Thread safety
/// An immutable value; ``articleProbability(_:)`` is pure.
struct BoilerplateLineModel: Sendable {
    /// What the model says about a line, in the order of the trained classes.
    enum Kind: Int, CaseIterable, Sendable {
        /// Article text.
        case article
        /// Related and teaser links.
        case related
        /// Footers, source and citation notes, "About" blocks.
        case footer
        /// Captions and credits.
        case caption
        /// Page furniture, markers, embed residue.
        case ui
        /// Press-release contact blocks.
        case contact
        /// Bylines, sign-offs and author bios.
        case byline
        /// Share, follow, newsletter and other calls to action.
        case social
        /// Date, tag and release lines.
        case meta

        /// The kind's name in `clean_removed` (the wild set's labels).
        var name: String {
            switch self {
            case .article: "article"
            case .related: "related"
            case .footer: "footer"
            case .caption: "caption"
            case .ui: "ui"
            case .contact: "contact"
            case .byline: "byline"
            case .social: "cta"
            case .meta: "meta"
            }
        }
    }

    /// Weights, one row of ``BoilerplateLineFeatures/count`` per kind.
    let weights: [Float]
    /// A line whose article probability is below this is removed.
    let threshold: Double

    /// The trained model.
    static let trained = BoilerplateLineModel(weights: trainedWeights, threshold: trainedThreshold)

    /// Creates a model.
    /// - Parameters:
    ///   - weights: `Kind.allCases.count * BoilerplateLineFeatures.count` weights, kind by kind.
    ///   - threshold: the article probability under which a line is removed.
    init(weights: [Float], threshold: Double) {
        precondition(weights.count == Kind.allCases.count * BoilerplateLineFeatures.count, "model shape")
        self.weights = weights
        self.threshold = threshold
    }

    /// Judges one line's features.
    /// - Parameter features: ``BoilerplateLineFeatures/count`` floats.
    /// - Returns: nil when the line is article text, else the most likely furniture kind.
    func judge(_ features: UnsafeBufferPointer<Float>) -> Kind? {
        let width = BoilerplateLineFeatures.count
        var logits = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        weights.withUnsafeBufferPointer { weights in
            withUnsafeMutableBytes(of: &logits) { raw in
                let out = raw.bindMemory(to: Double.self)
                for kind in 0..<Kind.allCases.count {
                    var sum = 0.0
                    let row = kind * width
                    for index in 0..<width { sum += Double(weights[row + index]) * Double(features[index]) }
                    out[kind] = sum
                }
            }
        }
        return withUnsafeBytes(of: &logits) { raw -> Kind? in
            let out = raw.bindMemory(to: Double.self)
            var best = 1
            var largest = out[0]
            for kind in 1..<Kind.allCases.count {
                largest = max(largest, out[kind])
                if out[kind] > out[best] { best = kind }
            }
            var total = 0.0
            for kind in 0..<Kind.allCases.count { total += exp(out[kind] - largest) }
            let article = exp(out[0] - largest) / total
            return article < threshold ? Kind(rawValue: best) : nil
        }
    }
}
