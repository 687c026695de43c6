/// A piece of text the clean stage removed, with the kind of furniture it was judged to be.
///
/// Written to the document's `clean_removed` field when the stage's `clean_removed` option is on, so nothing a user
/// may want is thrown away unseen.
struct CleanRemovedLine: Sendable, Equatable {
    /// The removed text: a whole line, or the part of a line that was cut (a site name, a credit, a share prompt).
    var text: String
    /// The kind, in the wild set's vocabulary where one applies (`byline`, `caption`, `related`, `footer`, `ui`,
    /// `contact`, `cta`, `share`, `meta`, `title`), else the rule group's name (`phrases`, `custom`, `headline`).
    var kind: String

    /// The kind of a line removed by a rule group (the model's lines carry their own kind).
    static func kind(of group: CleanRuleGroup) -> String {
        switch group {
        case .markers, .navigation, .layout: "ui"
        case .callsToAction: "cta"
        case .share: "share"
        case .contact: "contact"
        case .footer: "footer"
        case .captions: "caption"
        case .teasers: "related"
        case .title: "title"
        case .byline: "byline"
        case .unicode, .markup, .phrases, .custom, .headline, .model: group.rawValue
        }
    }
}
