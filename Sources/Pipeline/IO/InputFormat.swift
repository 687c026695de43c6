/// A kind of input file the core does not read itself (HTML pages, WARC archives...), recognised by its name.
///
/// Formats are registered with ``StageRegistry/register(inputFormat:)`` next to stage types, so a custom binary
/// can add its own. In a folder, or for a named file with `format: auto`, a file whose lower-cased name ends with
/// one of ``fileSuffixes`` is read by the format instead of as text or JSON Lines.
///
/// # Requirements
/// The reader streams records (memory must not grow with the file), turns every problem into an
/// ``InputRecord/invalid(_:)`` record with its reason, and never throws.
public protocol InputFormat: Sendable {
    /// The format's name, e.g. `warc`.
    var name: String { get }
    /// Lower-case file name endings the format reads, e.g. `[".warc", ".warc.gz"]`.
    var fileSuffixes: [String] { get }
    /// Opens a file and returns a reader over its records.
    /// - Parameters:
    ///   - file: The file.
    ///   - options: The input options (size limit...).
    /// - Returns: The records' reader.
    func makeReader(for file: InputFile, options: InputOptions) -> any DocumentReader
}
