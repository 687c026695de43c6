#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the `input.path` entries (folders, files, globs, `-`) into the sorted list of files to read.
///
/// Folders are walked recursively; `.txt` and `.md` files are text documents, `.jsonl` and `.ndjson` files are JSON
/// Lines (with `format: auto`); other files are ignored. Within each named folder or glob, files are sorted
/// byte-wise by path, so the order never depends on the file system. Directories reached twice (symlink loops) are
/// visited once. Entries that cannot be listed or opened are reported, not skipped.
public struct InputExpander: Sendable {
    /// The input options.
    public var options: InputOptions
    /// Formats that read files the core does not (recognised by file name with `format: auto`).
    public var formats: [any InputFormat]
    /// The part of the input this process handles (default: all of it).
    public var shard: Shard = .whole

    /// Creates an expander.
    /// - Parameters:
    ///   - options: The input options.
    ///   - formats: Registered input formats (default none).
    public init(options: InputOptions, formats: [any InputFormat] = []) {
        self.options = options
        self.formats = formats
    }

    /// The result of expansion: files to read, and problems to dead-letter.
    public struct Expansion: Sendable {
        /// Files to read, in order.
        public var files: [InputFile]
        /// Entries that could not be listed or opened.
        public var problems: [RemovedDocument]
    }

    /// Expands every path.
    /// - Returns: The files and the problems found.
    /// - Throws: ``FileAccessError`` when a named path (not a file found inside a folder) does not exist or a glob
    ///   matches nothing: the user's configuration is wrong, so the run should not start.
    public func expand() throws -> Expansion {
        var files: [InputFile] = []
        var problems: [RemovedDocument] = []
        for path in options.paths {
            if path == "-" {
                files.append(
                    InputFile(path: "-", relativeName: "stdin", kind: options.format == .text ? .text : .jsonLines)
                )
                continue
            }
            if path.contains(where: { "*?[".contains($0) }) {
                let matches = Self.glob(path)
                if matches.isEmpty {
                    throw FileAccessError(path: path, operation: "expand", reason: "the pattern matches no file")
                }
                for match in matches {
                    try expand(path: match, into: &files, problems: &problems, fromGlob: true)
                }
                continue
            }
            try expand(path: path, into: &files, problems: &problems, fromGlob: false)
        }
        guard shard.count > 1 else { return Expansion(files: files, problems: problems) }
        if files.contains(where: { $0.path == "-" }) {
            throw FileAccessError(path: "-", operation: "shard", reason: "standard input cannot be split into shards")
        }
        problems = problems.filter { shard.takesRecord(id: $0.id) }
        guard options.split == .file else { return Expansion(files: files, problems: problems) }
        let sorted = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        let mine = sorted.enumerated().filter { shard.takesFile(at: $0.offset) }.map(\.element)
        return Expansion(files: mine, problems: problems)
    }

    private func expand(path: String, into files: inout [InputFile], problems: inout [RemovedDocument], fromGlob: Bool)
        throws
    {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = FileAccessError.fromErrno(path: path, operation: "read")
            if fromGlob {
                problems.append(Self.problem(path: path, error: error))
                return
            }
            throw error
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var collected: [InputFile] = []
            var visited: Set<[UInt64]> = [[UInt64(info.st_dev), UInt64(info.st_ino)]]
            walk(directory: path, relative: "", visited: &visited, into: &collected, problems: &problems)
            collected.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
            files.append(contentsOf: collected)
        } else {
            files.append(InputFile(path: path, relativeName: path, kind: kind(of: path, inFolder: false) ?? .text))
        }
    }

    private func walk(
        directory: String,
        relative: String,
        visited: inout Set<[UInt64]>,
        into files: inout [InputFile],
        problems: inout [RemovedDocument]
    ) {
        guard let handle = opendir(directory) else {
            problems.append(Self.problem(path: directory, error: .fromErrno(path: directory, operation: "list")))
            return
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            names.append(name)
        }
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let relativeName = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else {
                if kind(of: name, inFolder: true) != nil || errno == ELOOP {
                    problems.append(Self.problem(path: relativeName, error: .fromErrno(path: path, operation: "read")))
                }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
                guard visited.insert(identity).inserted else { continue }
                walk(directory: path, relative: relativeName, visited: &visited, into: &files, problems: &problems)
            } else if (info.st_mode & S_IFMT) == S_IFREG, let kind = kind(of: name, inFolder: true) {
                files.append(InputFile(path: path, relativeName: relativeName, kind: kind))
            }
        }
    }

    /// How a file is read, or `nil` when a folder walk should ignore it.
    private func kind(of name: String, inFolder: Bool) -> InputFile.Kind? {
        let lowered = name.lowercased()
        if options.format == .auto,
            let format = formats.first(where: { $0.fileSuffixes.contains(where: { lowered.hasSuffix($0) }) })
        {
            return .format(format.name)
        }
        let isJSONLines = lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson")
        let isText = lowered.hasSuffix(".txt") || lowered.hasSuffix(".md")
        switch options.format {
        case .text: return inFolder && !isText && !isJSONLines ? nil : .text
        case .jsonl: return inFolder && !isText && !isJSONLines ? nil : .jsonLines
        case .auto:
            if isJSONLines { return .jsonLines }
            if isText || !inFolder { return .text }
            return nil
        }
    }

    private static func problem(path: String, error: FileAccessError) -> RemovedDocument {
        RemovedDocument(
            id: path,
            source: DocumentSource(path: error.path),
            stage: RemovedDocument.inputStage,
            disposition: .deadLettered(error: error.description),
            document: nil
        )
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let pointer = result.gl_pathv[index] { paths.append(String(cString: pointer)) }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
