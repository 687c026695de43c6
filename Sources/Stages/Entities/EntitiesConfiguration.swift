/// Options of the `entities` stage.
struct EntitiesConfiguration: Sendable, Equatable {
    /// The labels to emit; mentions of other labels are dropped. Default: all labels.
    var labels: Set<EntityLabel> = Set(EntityLabel.allCases)
    /// Model mentions whose confidence (the smallest max-marginal probability of their tokens, 0-1) is below this
    /// are dropped. Default `0` (keep all). On CoNLL dev (PER+ORG+LOC): `0.5` gives P .948 R .923, `0.7` P .962
    /// R .889, `0.9` P .977 R .811 (against P .930 R .935 for `0`).
    var minimumConfidence: Double = 0
    /// Extra gazetteer entries (`label: [names]`) matched exactly (case-sensitive, whole tokens) as phrases; a match
    /// overrides any overlapping model mention. Default: none.
    var extraGazetteer: [EntityLabel: [String]] = [:]
    /// Report seats of power named for their institution ("White House", "Kremlin", "Pentagon", "Blue House",
    /// "Downing Street", "Elysee") as ORG, as OntoNotes-style annotation does; CoNLL-2003 marks most of them LOC.
    /// Default `true`.
    var institutionsAsOrganizations: Bool = true
}
