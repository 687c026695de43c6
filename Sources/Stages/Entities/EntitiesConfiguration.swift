/// Options of the `entities` stage.
struct EntitiesConfiguration: Sendable, Equatable {
    /// The labels to emit; mentions of other labels are dropped. Default: all labels.
    var labels: Set<EntityLabel> = Set(EntityLabel.allCases)
    /// Model mentions whose confidence (smallest per-token softmax probability) is below this are dropped.
    /// Default `0` (keep all); `0.5`-`0.8` trades recall for precision.
    var minimumConfidence: Double = 0
    /// Extra gazetteer entries (`label: [names]`) matched exactly (case-sensitive, whole tokens) as phrases; a match
    /// overrides any overlapping model mention. Default: none.
    var extraGazetteer: [EntityLabel: [String]] = [:]
    /// Report seats of power named for their institution ("White House", "Kremlin", "Pentagon", "Blue House",
    /// "Downing Street", "Elysee") as ORG, as OntoNotes-style annotation does; CoNLL-2003 marks most of them LOC.
    /// Default `true`.
    var institutionsAsOrganizations: Bool = true

    /// Creates a configuration; every parameter has the default documented on its property.
    init(
        labels: Set<EntityLabel> = Set(EntityLabel.allCases),
        minimumConfidence: Double = 0,
        extraGazetteer: [EntityLabel: [String]] = [:],
        institutionsAsOrganizations: Bool = true
    ) {
        self.labels = labels
        self.minimumConfidence = minimumConfidence
        self.extraGazetteer = extraGazetteer
        self.institutionsAsOrganizations = institutionsAsOrganizations
    }
}
