public import Pipeline

/// Finds people, organisations, places and nationalities (a statistical model trained on news), plus dates, money,
/// percentages, e-mail addresses and URLs (patterns), and lists each document's distinct entities.
///
/// Runs offline: the model and gazetteers are resources of the binary's bundle, loaded once per process.
///
/// ```yaml
/// - type: entities
///   labels: [PERSON, ORG, LOC, NORP]     # default: all
///   min_confidence: 0.5                  # drop model mentions below this (0-1)
///   gazetteer:                           # your own names, matched exactly, overriding the model
///     ORG: [Acme Widgets]
/// ```
/// Writes `entities: [{text, label, start, end}]` with Unicode code-point offsets (end exclusive) and
/// `entity_summary: [{name, label, count, mentions}]` with one entry per distinct entity under a canonical name.
public struct EntitiesStage: ConfigurableStage, DocumentStage {
    /// The stage's options.
    public struct Options: StageOptions, Equatable {
        /// The recogniser's configuration; each option's default lives there.
        var configuration = EntitiesConfiguration()
        /// The `gazetteer` option as written: label names (synonyms allowed) to names.
        var gazetteer: [String: [String]] = [:]

        /// Creates options with the defaults.
        public init() {}

        /// The configuration the recogniser runs with: `gazetteer` by label, synonyms merged, empty names left out.
        var recognizerConfiguration: EntitiesConfiguration {
            var configuration = configuration
            var entries: [EntityLabel: [String]] = [:]
            for (name, phrases) in gazetteer {
                guard let label = EntityLabel(name: name) else { continue }
                entries[label, default: []] += phrases.filter { !$0.isEmpty }
            }
            configuration.extraGazetteer = entries
            return configuration
        }

        /// The options.
        public static let declarations: [OptionDeclaration<Self>] = [
            .option(
                "labels",
                \.configuration.labels,
                help: "Which labels to emit (PER, GPE and MISC are accepted as synonyms)."
            ),
            .option(
                "min_confidence",
                \.configuration.minimumConfidence,
                in: 0...1,
                help:
                    "Drop model mentions whose confidence is lower (0.5 trades ~1 point of recall for ~2 of precision)."
            ),
            .option(
                "gazetteer",
                \.gazetteer,
                help: "Your own names (label: [names]), matched exactly as whole words; they override the model.",
                check: { gazetteer in
                    guard let name = gazetteer.keys.sorted().first(where: { EntityLabel(name: $0) == nil }) else {
                        return nil
                    }
                    let valid = EntityLabel.allCases.map(\.rawValue).joined(separator: ", ")
                    return "unknown label '\(name)' in gazetteer; expected one of \(valid)"
                }
            ),
            .option(
                "institutions_as_organizations",
                \.configuration.institutionsAsOrganizations,
                help: "Report seats of power (White House, Kremlin, Downing Street...) as ORG rather than LOC."
            ),
        ]
    }

    /// `entities`.
    public static let typeName = "entities"
    /// What the stage does.
    public static let summary = "Finds people, organisations, places, nationalities, dates, money, e-mails and URLs."

    /// The options.
    public let options: Options
    private let recognizer: EntityRecognizer

    /// Creates the stage, loading the bundled model.
    /// - Parameter options: The options.
    /// - Throws: ``ConfigurationError`` when the model resources cannot be loaded.
    public init(options: Options) throws {
        self.options = options
        do {
            recognizer = try EntityRecognizer(configuration: options.recognizerConfiguration)
        } catch {
            throw ConfigurationError(
                code: .invalidValue,
                message: "cannot load the entity model: \(error.description)",
                location: nil,
                keyPath: "",
                hint: "the model ships as a resource bundle next to the binary (pipeline-run_Stages.resources)"
            )
        }
    }

    /// Annotates one document.
    public func process(_ document: Document, context: StageContext) async throws -> StageResult {
        let result = recognizer.recognize(document.text)
        var annotated = document
        annotated[.entities] = result.mentions.map { mention in
            EntityAnnotation(text: mention.text, label: mention.label.rawValue, start: mention.start, end: mention.end)
        }
        annotated[.entitySummary] = result.summary.map { entry in
            EntitySummaryAnnotation(
                name: entry.name,
                label: entry.label.rawValue,
                count: entry.count,
                mentions: entry.mentions
            )
        }
        context.counters.add(result.mentions.count, to: "mentions")
        return .keep(annotated)
    }
}
