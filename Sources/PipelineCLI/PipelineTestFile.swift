import Foundation
import Pipeline
import Stages

/// A pipeline's test file: cases of input documents and what the pipeline must make of them.
///
/// ```yaml
/// cases:
///   - name: seed article is cleaned
///     documents:                        # inline input documents: id, text, and any other fields
///       - id: a
///         text: "..."
///     # or: input: ../seeds/            # files or folders, relative to the test file
///     expect:
///       - id: a
///         text_contains: ["Mike Pompeo"]
///         text_excludes: ["[ad_1]"]
///         fields: {language: en}        # exact JSON values of output fields
///         entities: [{text: Mike Pompeo, label: PERSON}]
///         duplicate_of: null            # or the id of the original
///         summary_sentences: 3
///       - id: b
///         dropped: true                 # must not reach the end of the pipeline
/// ```
///
/// Decoded with ``YAMLNodeDecoder``: unknown keys and wrong types are configuration errors with `file:line:column`.
/// ``load(contentsOf:)`` adds the checks decoding cannot make (a case has documents or input, expectations name
/// documents the case has).
struct PipelineTestFile: Decodable, Sendable {
    /// The cases, in file order.
    var cases: [Case]

    /// One test case: input documents, run through the pipeline, and expectations about the result.
    struct Case: Decodable, Sendable {
        /// What the case checks, printed after `PASS` or `FAIL`.
        var name: String
        /// Inline input documents, in order.
        var documents: [InputDocument]?
        /// Input files, folders or globs, relative to the test file.
        var input: [String]?
        /// What must come out, per document.
        var expect: [DocumentExpectation]

        /// The keys of a case.
        private enum CodingKeys: String, CodingKey {
            case name, documents, input, expect
        }

        /// Decodes a case; `input` is a string or a list of strings.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            documents = try container.decodeIfPresent([InputDocument].self, forKey: .documents)
            input = try PipelineTestFile.decodeStrings(in: container, forKey: .input)
            expect = try container.decode([DocumentExpectation].self, forKey: .expect)
        }
    }

    /// An input document written in the test file: `id`, `text` and any other members as fields.
    struct InputDocument: Decodable, Sendable {
        /// The document.
        var document: Document

        /// Decodes the document; `id` and `text` are required strings.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: MemberKey.self)
            let id = try container.decode(String.self, forKey: .id)
            let text = try container.decode(String.self, forKey: .text)
            var fields: [String: JSONValue] = [:]
            for key in container.allKeys where key.stringValue != "id" && key.stringValue != "text" {
                fields[key.stringValue] = try container.decode(DecodedJSONValue.self, forKey: key).value
            }
            document = Document(id: id, text: text, fields: fields, source: DocumentSource(path: "<test>"))
        }
    }

    /// What one document must look like at the end of the pipeline. Every check present must hold.
    struct DocumentExpectation: Decodable, Sendable {
        /// What `duplicate_of` must be.
        enum Duplicate: Sendable, Hashable {
            /// `null`: the document is the first of its group.
            case original
            /// The id of the document it duplicates.
            case duplicate(of: String)
        }

        /// The document's id.
        var id: String
        /// The exact text.
        var text: String?
        /// Substrings the text must contain.
        var textContains: [String]
        /// Substrings the text must not contain.
        var textExcludes: [String]
        /// Exact values of output fields.
        var fields: [String: JSONValue]
        /// Entities that must be among the document's `entities`.
        var entities: [EntityExpectation]
        /// What `duplicate_of` must be.
        var duplicateOf: Duplicate?
        /// How many sentences the summary must have (the length of `summary_sentences`).
        var summarySentences: Int?
        /// `true`: the document must not reach the end; `false`: it must.
        var dropped: Bool?

        /// Decodes the expectation; `text_contains` and `text_excludes` take a string or a list of strings.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: MemberKey.self)
            id = try container.decode(String.self, forKey: .id)
            text = try container.decodeIfPresent(String.self, forKey: .text)
            textContains = try PipelineTestFile.decodeStrings(in: container, forKey: .textContains) ?? []
            textExcludes = try PipelineTestFile.decodeStrings(in: container, forKey: .textExcludes) ?? []
            fields =
                try container.decodeIfPresent([String: DecodedJSONValue].self, forKey: .fields)?.mapValues(\.value)
                ?? [:]
            entities = try container.decodeIfPresent([EntityExpectation].self, forKey: .entities) ?? []
            if container.contains(.duplicateOf) {
                duplicateOf =
                    try container.decodeNil(forKey: .duplicateOf)
                    ? .original : .duplicate(of: try container.decode(String.self, forKey: .duplicateOf))
            }
            summarySentences = try container.decodeIfPresent(Int.self, forKey: .summarySentences, in: 0...1_000_000)
            dropped = try container.decodeIfPresent(Bool.self, forKey: .dropped)
        }

        /// Whether the expectation checks anything about the document's content.
        var checksContent: Bool {
            text != nil || !textContains.isEmpty || !textExcludes.isEmpty || !fields.isEmpty || !entities.isEmpty
                || duplicateOf != nil || summarySentences != nil
        }
    }

    /// An entity that must be found: its text, and its label when given.
    struct EntityExpectation: Decodable, Sendable, Hashable {
        /// The entity's text as it appears in the document.
        var text: String
        /// Its label (`PERSON`, `ORG`, `LOC`...), or `nil` for any.
        var label: String?

        /// The keys of an entity.
        private enum CodingKeys: String, CodingKey {
            case text, label
        }

        /// Decodes the entity.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            label = try container.decodeIfPresent(String.self, forKey: .label)
        }
    }

    /// The keys of the file.
    private enum CodingKeys: String, CodingKey {
        case cases
    }

    /// Decodes the file.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cases = try container.decode([Case].self, forKey: .cases)
    }

    /// A string or a list of strings under `key`, as a list; `nil` when absent.
    fileprivate static func decodeStrings<Key: CodingKey>(
        in container: KeyedDecodingContainer<Key>,
        forKey key: Key
    ) throws -> [String]? {
        guard container.contains(key) else { return nil }
        if let list = try? container.decode([String].self, forKey: key) { return list }
        if let single = try? container.decode(String.self, forKey: key) { return [single] }
        throw DecodingError.dataCorruptedError(
            forKey: key,
            in: container,
            debugDescription: "expected a string or a list of strings"
        )
    }

    /// Reads, parses, decodes and checks a test file.
    /// - Parameter path: The file's path.
    /// - Returns: The test file.
    /// - Throws: ``ConfigurationErrors`` with every problem found, located and with the offending line.
    static func load(contentsOf path: String) throws(ConfigurationErrors) -> PipelineTestFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigurationErrors([
                ConfigurationError(
                    code: .syntax,
                    message: exists ? "cannot read the test file '\(path)'" : "the test file '\(path)' does not exist",
                    keyPath: "",
                    hint: exists
                        ? "check its permissions"
                        : "write the cases there, or name the test file after the pipeline file"
                )
            ])
        }
        return try parse(utf8: Array(data), file: path)
    }

    /// Parses, decodes and checks test-file text.
    /// - Parameters:
    ///   - bytes: The file's UTF-8 bytes.
    ///   - file: The file name used in error locations.
    /// - Returns: The test file.
    /// - Throws: ``ConfigurationErrors`` with every problem found.
    static func parse(utf8 bytes: [UInt8], file: String) throws(ConfigurationErrors) -> PipelineTestFile {
        let source = SourceText(String(decoding: bytes, as: UTF8.self), file: file)
        let root: YAMLNode
        let testFile: PipelineTestFile
        do throws(ConfigurationError) {
            guard let parsed = try YAMLParser().parse(utf8: bytes, file: file) else {
                throw ConfigurationError(
                    code: .missingKey,
                    message: "the test file is empty",
                    location: SourceLocation(file: file, line: 1, column: 1),
                    keyPath: "",
                    hint: "a test file is a mapping with 'cases:'"
                )
            }
            root = parsed
            testFile = try YAMLNodeDecoder().decode(PipelineTestFile.self, from: root)
        } catch {
            throw ConfigurationErrors([source.attach(to: error)])
        }
        let problems = testFile.problems(in: root).sorted {
            ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
        }
        guard problems.isEmpty else { throw ConfigurationErrors(problems.map(source.attach(to:))) }
        return testFile
    }

    /// What decoding cannot check: at least one case, unique case names, documents or input in each case (not
    /// both), unique document ids, expectations about documents the case has, and nothing to check on a document
    /// expected to be dropped.
    private func problems(in root: YAMLNode) -> [ConfigurationError] {
        var errors: [ConfigurationError] = []
        let caseNodes = root["cases"]?.sequence ?? []
        if cases.isEmpty {
            errors.append(
                ConfigurationError(
                    code: .invalidValue,
                    message: "expected at least one case",
                    location: root["cases"]?.location ?? root.location,
                    keyPath: "cases"
                )
            )
        }
        var names: [String: Int] = [:]
        for (index, testCase) in cases.enumerated() {
            let node = caseNodes[index]
            let keyPath = "cases[\(index)]"
            if let earlier = names[testCase.name] {
                errors.append(
                    ConfigurationError(
                        code: .invalidValue,
                        message: "duplicate case name '\(testCase.name)' (also cases[\(earlier)])",
                        location: node["name"]?.location ?? node.location,
                        keyPath: keyPath + ".name",
                        hint: "give each case a unique name"
                    )
                )
            } else {
                names[testCase.name] = index
            }
            switch (testCase.documents, testCase.input) {
            case (nil, nil):
                errors.append(
                    ConfigurationError(
                        code: .missingKey,
                        message: "missing 'documents' or 'input'",
                        location: node.location,
                        keyPath: keyPath,
                        hint: "list the input documents under 'documents:', or name files under 'input:'"
                    )
                )
            case (.some, .some):
                errors.append(
                    ConfigurationError(
                        code: .invalidValue,
                        message: "a case takes 'documents' or 'input', not both",
                        location: node["input"]?.location ?? node.location,
                        keyPath: keyPath + ".input"
                    )
                )
            case (.some(let documents), nil) where documents.isEmpty:
                errors.append(
                    ConfigurationError(
                        code: .invalidValue,
                        message: "expected at least one document",
                        location: node["documents"]?.location ?? node.location,
                        keyPath: keyPath + ".documents"
                    )
                )
            case (nil, .some(let paths)) where paths.isEmpty || paths.contains(where: \.isEmpty):
                errors.append(
                    ConfigurationError(
                        code: .invalidValue,
                        message: "expected a non-empty path or list of paths",
                        location: node["input"]?.location ?? node.location,
                        keyPath: keyPath + ".input"
                    )
                )
            default:
                break
            }
            var ids: Set<String> = []
            for (position, input) in (testCase.documents ?? []).enumerated()
            where !ids.insert(input.document.id).inserted {
                let documentNode = node["documents"]?.sequence?[position]
                errors.append(
                    ConfigurationError(
                        code: .invalidValue,
                        message: "duplicate document id '\(input.document.id)'",
                        location: documentNode?["id"]?.location ?? node.location,
                        keyPath: keyPath + ".documents[\(position)].id",
                        hint: "give each document of a case a unique id"
                    )
                )
            }
            if testCase.expect.isEmpty {
                errors.append(
                    ConfigurationError(
                        code: .invalidValue,
                        message: "expected at least one expectation",
                        location: node["expect"]?.location ?? node.location,
                        keyPath: keyPath + ".expect"
                    )
                )
            }
            for (position, expectation) in testCase.expect.enumerated() {
                let expectationNode = node["expect"]?.sequence?[position]
                let expectationPath = keyPath + ".expect[\(position)]"
                if testCase.documents != nil, !ids.contains(expectation.id) {
                    errors.append(
                        ConfigurationError(
                            code: .invalidValue,
                            message: "no document of this case has the id '\(expectation.id)'",
                            location: expectationNode?["id"]?.location ?? node.location,
                            keyPath: expectationPath + ".id",
                            hint: "the case's documents: \(ids.sorted().joined(separator: ", "))"
                        )
                    )
                }
                if expectation.dropped == true, expectation.checksContent {
                    errors.append(
                        ConfigurationError(
                            code: .invalidValue,
                            message: "a document expected to be dropped has no output to check",
                            location: expectationNode?["dropped"]?.location ?? node.location,
                            keyPath: expectationPath + ".dropped",
                            hint: "remove 'dropped: true' or the other checks"
                        )
                    )
                }
            }
        }
        return errors
    }
}

/// The keys of a document expectation (and of an input document's `id` and `text`); the checks of an annotation are
/// named after its key.
extension MemberKey {
    fileprivate static let id = Self(stringValue: "id")
    fileprivate static let text = Self(stringValue: "text")
    fileprivate static let textContains = Self(stringValue: "text_contains")
    fileprivate static let textExcludes = Self(stringValue: "text_excludes")
    fileprivate static let fields = Self(stringValue: "fields")
    fileprivate static let entities = Self(stringValue: AnnotationKey.entities.name)
    fileprivate static let duplicateOf = Self(stringValue: AnnotationKey.duplicateOf.name)
    fileprivate static let summarySentences = Self(stringValue: AnnotationKey.summarySentences.name)
    fileprivate static let dropped = Self(stringValue: "dropped")
}
