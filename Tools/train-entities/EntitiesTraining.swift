import Foundation

@testable import Stages

/// Trains the `entities` stage's tagger on CoNLL-2003 JSONL and writes the model resource.
///
///     scripts/train-entities.sh [--train ../shared/eval/entities/train.jsonl] \
///         [--dev ../shared/eval/entities/dev.jsonl] [--epochs 10] [--structured 1] [--seed 7] [--prune 0.01] \
///         [--holdout-tenth 1] [--output Sources/Stages/Entities/Resources/entities-model.bin]
///
/// The defaults reproduce the shipped model byte for byte (deterministic shuffles from `--seed`). Training reads
/// only the training file; with `--dev`, the averaged model is scored on dev after every epoch (exact-span F1, like
/// `score.py`) to choose the epoch count — it is never trained on. With `--holdout-tenth 1`, every tenth training
/// document (the 10th, 20th, ...) is kept out of training and scored beside dev after every epoch: a second check that
/// shows the dev-to-unseen gap (a change that helps dev and not the held-out tenth is tuning to dev). That model is
/// a measurement only; the shipped model is trained on all of train. The gazetteer and word clusters come from the
/// bundled `entities-gazetteer.tsv` and `entities-clusters.tsv` (regenerate them with `scripts/build-gazetteers.py`
/// and `scripts/build-word-clusters.py`, then rebuild, then retrain).
@main
struct EntitiesTraining {
    /// Parsed command-line options.
    struct Options {
        var trainPath = "../shared/eval/entities/train.jsonl"
        var devPath: String?
        var epochs = 10
        var seed: UInt64 = 7
        var prune: Float = 0.01
        var structured = true
        var holdOutTenth = false
        var output = "Sources/Stages/Entities/Resources/entities-model.bin"

        init(arguments: [String]) {
            var iterator = arguments.makeIterator()
            while let option = iterator.next() {
                guard let value = iterator.next() else { fatalError("missing value for \(option)") }
                switch option {
                case "--train": trainPath = value
                case "--dev": devPath = value
                case "--epochs": epochs = Int(value) ?? epochs
                case "--seed": seed = UInt64(value) ?? seed
                case "--prune": prune = Float(value) ?? prune
                case "--structured": structured = value == "1"
                case "--holdout-tenth": holdOutTenth = value == "1"
                case "--output": output = value
                default: fatalError("unknown option \(option)")
                }
            }
        }
    }

    /// One gold document read from JSONL.
    struct GoldDocument {
        var id: String
        var text: String
        var spans: [EntityTrainingDocument.Span]
    }

    /// Entry point.
    static func main() throws {
        let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
        let gazetteer = try EntityResources.loadBundledGazetteer()
        let clusters = try EntityResources.loadBundledClusters()
        let started = Date()
        let gold = try readGold(options.trainPath)
        let isHeldOut = { (index: Int) in options.holdOutTenth && index % 10 == 9 }
        let training = gold.indices.filter { !isHeldOut($0) }.map {
            EntityTrainingDocument(
                id: gold[$0].id,
                text: gold[$0].text,
                spans: gold[$0].spans,
                gazetteer: gazetteer,
                clusters: clusters
            )
        }
        let heldOut = gold.indices.filter(isHeldOut).map { gold[$0] }
        let dev = try options.devPath.map(readGold)
        var checks: [(name: String, documents: [GoldDocument])] = []
        if let dev { checks.append(("dev", dev)) }
        if !heldOut.isEmpty { checks.append(("held-out tenth (\(heldOut.count) docs)", heldOut)) }
        let tokenCount = training.reduce(0) { $0 + $1.goldTags.count }
        let misaligned = training.reduce(0) { $0 + $1.misalignedSpanCount }
        print("training documents: \(training.count), tokens: \(tokenCount), misaligned gold spans: \(misaligned)")
        var trainer = EntityPerceptronTrainer(seed: options.seed)
        for epoch in 1...options.epochs {
            let (errors, tokens) = trainer.trainEpoch(training, structured: options.structured)
            var line = String(
                format: "epoch %2d: token errors %.4f, rows %d",
                epoch,
                Double(errors) / Double(tokens),
                trainer.rowCount
            )
            if !checks.isEmpty {
                let model = EntityModel(trainer.averagedModel(minimumWeight: options.prune))
                let recognizer = EntityRecognizer(
                    configuration: EntitiesConfiguration(labels: [.person, .organization, .location, .nationality]),
                    resources: EntityResources(model: model, gazetteer: gazetteer, clusters: clusters)
                )
                for check in checks {
                    let figures = score(recognizer, check.documents)
                    line += String(
                        format: "\n    %@: PER+ORG+LOC F1 %.4f, all types %.4f (PER %.4f ORG %.4f LOC %.4f MISC %.4f)",
                        check.name,
                        figures.combined,
                        figures.allTypes,
                        figures.perLabel[0],
                        figures.perLabel[1],
                        figures.perLabel[2],
                        figures.perLabel[3]
                    )
                }
                line += ", kept rows \(model.rowCount)"
            }
            print(line)
        }
        let file = trainer.averagedModel(minimumWeight: options.prune)
        let bytes = file.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: options.output))
        print(
            String(
                format: "wrote %@: %d rows, %.1f MB, %.1f s",
                options.output,
                file.keys.count,
                Double(bytes.count) / 1e6,
                Date().timeIntervalSince(started)
            )
        )
    }

    /// Reads `{id, text, gold_entities: [{start, end, label}]}` records; labels PER, ORG, LOC, MISC.
    static func readGold(_ path: String) throws -> [GoldDocument] {
        var documents: [GoldDocument] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            var spans: [EntityTrainingDocument.Span] = []
            for entity in object["gold_entities"] as? [[String: Any]] ?? [] {
                let type: Int
                switch entity["label"] as? String {
                case "PER": type = 0
                case "ORG": type = 1
                case "LOC": type = 2
                default: type = 3
                }
                spans.append(.init(start: entity["start"] as? Int ?? 0, end: entity["end"] as? Int ?? 0, type: type))
            }
            documents.append(
                GoldDocument(id: object["id"] as? String ?? "", text: object["text"] as? String ?? "", spans: spans)
            )
        }
        return documents
    }

    /// Exact-span F1 over PER, ORG and LOC together, over all four types together (CoNLL's figure), and per type
    /// (PER, ORG, LOC, MISC).
    static func score(
        _ recognizer: EntityRecognizer,
        _ documents: [GoldDocument]
    ) -> (combined: Double, allTypes: Double, perLabel: [Double]) {
        var truePositives = [Int](repeating: 0, count: 4)
        var falsePositives = [Int](repeating: 0, count: 4)
        var falseNegatives = [Int](repeating: 0, count: 4)
        for document in documents {
            let gold = Set(document.spans.map { [$0.start, $0.end, $0.type] })
            var predicted = Set<[Int]>()
            for mention in recognizer.findMentions(in: document.text) {
                let type: Int
                switch mention.label {
                case .person: type = 0
                case .organization: type = 1
                case .location: type = 2
                case .nationality: type = 3
                default: continue
                }
                predicted.insert([mention.start, mention.end, type])
            }
            for t in 0..<4 {
                let g = gold.filter { $0[2] == t }
                let p = predicted.filter { $0[2] == t }
                truePositives[t] += g.intersection(p).count
                falsePositives[t] += p.subtracting(g).count
                falseNegatives[t] += g.subtracting(p).count
            }
        }
        func f1(_ tp: Int, _ fp: Int, _ fn: Int) -> Double { tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn) }
        let perLabel = (0..<4).map { f1(truePositives[$0], falsePositives[$0], falseNegatives[$0]) }
        let combined = f1(
            truePositives[0...2].reduce(0, +),
            falsePositives[0...2].reduce(0, +),
            falseNegatives[0...2].reduce(0, +)
        )
        let allTypes = f1(truePositives.reduce(0, +), falsePositives.reduce(0, +), falseNegatives.reduce(0, +))
        return (combined, allTypes, perLabel)
    }
}
