public import Pipeline

extension AnnotationKey where Value == JSONValue {
    /// What `clean` removed, by rule group: `{"GROUP": {"lines": N, "characters": N}}` for every group that removed
    /// something (an empty object when nothing was removed).
    public static var cleanReport: Self { Self("clean_report") }
}

extension AnnotationKey where Value == [JSONValue] {
    /// The text `clean` removed, when its option `clean_removed` is on: one `{"text": …, "kind": …}` object per removal, in
    /// document order.
    public static var cleanRemoved: Self { Self("clean_removed") }
}
