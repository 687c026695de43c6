#if CLEAN_AUDIT
    import Foundation
    import Synchronization
#endif

/// The hook a development-time audit of the clean rules uses to switch vocabulary entries off, one at a time.
///
/// Every word list, phrase list and lead list of the rules passes through ``entries(_:file:line:)``. In the product
/// it returns the list unchanged. Built with `-Xswiftc -DCLEAN_AUDIT` (only `scripts/audit-clean-rules.py` does,
/// in its own build folder), it records each list under its place in the source (`Stages/File.swift:LINE`) and
/// replaces the entries named in the environment variable `CLEAN_AUDIT_DISABLE` (lines of `PLACE<TAB>ENTRY`, or
/// `PLACE<TAB>*` for the whole list) by a string no repaired text holds, so list positions stay as they were.
enum CleanRuleAudit {
    /// The entries of one list of the rules, as the rules should see them.
    /// - Parameters:
    ///   - list: the entries written in the source.
    ///   - file: where the list is written (the caller's file).
    ///   - line: the line of the list's call (the caller's line).
    /// - Returns: `list`, with the audited entries replaced in an audit build.
    @inline(__always)
    static func entries(_ list: [String], file: StaticString = #fileID, line: UInt = #line) -> [String] {
        #if CLEAN_AUDIT
            let place = "\(file):\(line)"
            registry.withLock { $0[place] = list }
            let disabled = disabledEntries[place] ?? []
            guard !disabled.isEmpty else { return list }
            return list.map { disabled.contains($0) || disabled.contains("*") ? unmatchable : $0 }
        #else
            list
        #endif
    }

    #if CLEAN_AUDIT
        /// Two control characters: the Unicode repair removes them from every text, so nothing matches them.
        static let unmatchable = "\u{1}\u{1}"

        /// The lists seen so far, by place.
        static let registry = Mutex<[String: [String]]>([:])

        /// The entries `CLEAN_AUDIT_DISABLE` switches off, by place.
        static let disabledEntries: [String: Set<String>] = {
            var disabled: [String: Set<String>] = [:]
            let value = ProcessInfo.processInfo.environment["CLEAN_AUDIT_DISABLE"] ?? ""
            for line in value.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2 else { continue }
                disabled[String(parts[0]), default: []].insert(String(parts[1]))
            }
            return disabled
        }()
    #endif
}
