/// A typed annotation of a ``Document``: the name of the field it is stored under and the type of its value.
///
/// What one stage writes and another reads (a writer, the pipeline-test checker) goes through one key, declared once
/// beside the stage that writes it, so the field name is spelt in one place and readers get a typed value:
///
/// ```swift
/// extension AnnotationKey where Value == String {
///     /// The summary, written by `summarize`.
///     public static var summary: Self { Self("summary") }
/// }
///
/// document[.summary] = "Two sentences."      // writes {"summary": "Two sentences."}
/// let summary: String? = document[.summary]   // nil when absent or not a string
/// ```
///
/// A key whose value may be JSON `null` has an optional `Value` (`AnnotationKey<String?>`): assigning `nil` of
/// type `String?` writes `null`, assigning `nil` removes the field.
///
/// # Requirements
/// `name` is the JSON member name; it must not be `id` or `text`, which are the document's own members.
public struct AnnotationKey<Value: JSONRepresentable>: Sendable, Hashable {
    /// The field name in the document's JSON.
    public let name: String

    /// Creates a key.
    /// - Parameter name: The field name in the document's JSON (not `id` or `text`).
    public init(_ name: String) {
        self.name = name
    }
}
