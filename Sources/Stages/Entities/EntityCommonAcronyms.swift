import Pipeline

/// All-capital abbreviations that stand for things rather than organisations (DNA, NSAID, IV, ADHD, MRI).
///
/// In CoNLL-2003 training text most all-capital tokens are organisations, so the tagger reads an unknown acronym of
/// health or technology news as `ORG`. The list (``words``) is generated at development time from WordNet by
/// `scripts/build-common-acronyms.py`: abbreviations none of whose senses is a group, a place or a person, less
/// every name the gazetteer or the training set knows. A one-token `ORG` candidate in that list is dropped; an
/// acronym inside a longer name ("DNA Diagnostics Center"), given another label, or introduced in parentheses after
/// the name it abbreviates ("World Boxing Council ( WBC )") is left alone.
///
/// # Thread safety
/// Immutable static data.
enum EntityCommonAcronyms {
    /// The list's words, hashed as the document context hashes tokens (ASCII lower-cased).
    static let set = HashedWordSet(words)

    /// Whether token `k` is an all-capital common-noun abbreviation.
    static func contains(_ context: EntityDocumentContext, _ k: Int) -> Bool {
        context.flags[k] & EntityDocumentContext.Flag.allCapitals != 0 && set.contains(context.lower[k])
    }

    /// Removes the one-token organisation candidates that are common-noun abbreviations.
    /// - Parameters:
    ///   - candidates: The model's candidates.
    ///   - context: The document context.
    ///   - bytes: The document's UTF-8 bytes (to see parentheses around a token).
    static func removeOrganizations(
        from candidates: inout [EntityRecognizer.Candidate],
        context: EntityDocumentContext,
        bytes: UnsafeBufferPointer<UInt8>
    ) {
        let tokens = context.tokens
        func isByte(_ k: Int, _ byte: UInt8) -> Bool {
            tokens.indices.contains(k) && tokens[k].end - tokens[k].start == 1 && bytes[Int(tokens[k].start)] == byte
        }
        candidates.removeAll { candidate in
            let k = candidate.firstToken
            return candidate.label == .organization && candidate.endToken == k + 1 && contains(context, k)
                && !(isByte(k - 1, UInt8(ascii: "(")) && isByte(k + 1, UInt8(ascii: ")")))
        }
    }
}
