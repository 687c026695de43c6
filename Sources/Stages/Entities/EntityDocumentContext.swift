import Pipeline

/// Per-document token attributes and feature extraction for the entity tagger.
///
/// Built once per document from its UTF-8 bytes and tokens: word hashes, shapes, casing flags, gazetteer bits and the
/// document-level sets (which words occur lower-cased, which occur capitalised mid-sentence). Features are 64-bit
/// hashes (see ``EntityFeatureHasher``); none is materialised as a string.
struct EntityDocumentContext {
    /// Token flag bits.
    enum Flag {
        static let initialCapital: UInt16 = 1 << 0
        static let allCapitals: UInt16 = 1 << 1
        static let hasLowercase: UInt16 = 1 << 2
        static let hasDigit: UInt16 = 1 << 3
        static let numeric: UInt16 = 1 << 4
        static let hasHyphen: UInt16 = 1 << 5
        static let hasPeriod: UInt16 = 1 << 6
        static let hasApostrophe: UInt16 = 1 << 7
        static let punctuation: UInt16 = 1 << 8
        static let sentenceStart: UInt16 = 1 << 9
        static let capitalLine: UInt16 = 1 << 10
        static let nonASCII: UInt16 = 1 << 11
        static let mixedCase: UInt16 = 1 << 12
        static let titleLine: UInt16 = 1 << 13
        /// Capitalised or all capitals: a candidate name token.
        static let capitalised: UInt16 = initialCapital | allCapitals
    }

    /// The tokens of the document.
    let tokens: [EntityToken]
    /// Hash of each token, ASCII-lower-cased.
    private(set) var lower: [UInt64]
    /// Hash of each token's collapsed shape (`Xx`, `X.X.`, `d-d`).
    private(set) var shortShape: [UInt64]
    /// ``Flag`` bits per token.
    private(set) var flags: [UInt16]
    /// Gazetteer bits per token (see ``EntityGazetteer/tokenBits(in:tokens:)``).
    private(set) var gazetteer: [UInt32]
    /// Suffix hashes (lengths 1-4, lower-cased) per token, four per token; 0 when the token is not longer.
    private(set) var suffixes: [UInt64]
    /// Packed word clusters per token (see ``EntityWordClusters/clusters(of:)``; 0 when none).
    private(set) var clusters: [UInt32]
    /// Lower-case hashes of words that occur written in lower case somewhere in the document.
    private var lowercaseWords: EntityHashIndex
    /// Lower-case hashes of words that occur title-cased and not sentence-initially on a normal line.
    private var capitalisedWords: EntityHashIndex

    /// The feature-set version, stored in the model file so stale models are rejected.
    static let featureVersion: UInt32 = 8
    /// Lower-case hashes of the short function words that title case leaves in lower case.
    static let functionWords = HashedWordSet([
        "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as", "vs", "is",
    ])
    /// Sentinel word hash for positions outside the line.
    static let boundary: UInt64 = 0x5151_5151_5151_5151

    /// Builds the context for `tokens` of `bytes`.
    init(
        bytes: UnsafeBufferPointer<UInt8>,
        tokens: [EntityToken],
        gazetteer: EntityGazetteer,
        clusters table: EntityWordClusters
    ) {
        self.tokens = tokens
        let n = tokens.count
        lower = [UInt64](repeating: 0, count: n)
        shortShape = [UInt64](repeating: 0, count: n)
        flags = [UInt16](repeating: 0, count: n)
        suffixes = [UInt64](repeating: 0, count: n * 4)
        self.gazetteer = gazetteer.tokenBits(in: bytes, tokens: tokens)
        clusters = []
        lowercaseWords = EntityHashIndex(minimumCapacity: n / 2 + 8)
        capitalisedWords = EntityHashIndex(minimumCapacity: n / 4 + 8)
        for k in 0..<n { describe(bytes, k) }
        clusters = lower.map { table.clusters(of: $0) }
        markCapitalLines()
        for k in 0..<n {
            let f = flags[k]
            if f & Flag.hasLowercase != 0 && f & Flag.initialCapital == 0 && f & Flag.mixedCase == 0 {
                lowercaseWords.set(1, for: lower[k])
            } else if f & Flag.initialCapital != 0 && f & Flag.hasLowercase != 0
                && f & (Flag.sentenceStart | Flag.capitalLine) == 0
            {
                capitalisedWords.set(1, for: lower[k])
            }
        }
    }

    /// Fills hashes, shapes, suffixes and flags of token `k`.
    private mutating func describe(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) {
        let token = tokens[k]
        let s = Int(token.start)
        let e = Int(token.end)
        var lowerHash = FNV1a.offsetBasis
        var shortHash = FNV1a.offsetBasis
        var lastClass: UInt8 = 0
        var characters = 0
        var f: UInt16 = token.startsSentence ? Flag.sentenceStart : 0
        var uppers = 0
        var lowers = 0
        var letters = 0
        var digits = 0
        var others = 0
        var firstIsUpper = false
        var i = s
        while i < e {
            let c = b[i]
            var cls: UInt8
            var width = 1
            if c < 0x80 {
                if c &- 65 < 26 {
                    cls = UInt8(ascii: "X")
                } else if c &- 97 < 26 {
                    cls = UInt8(ascii: "x")
                } else if c &- 48 < 10 {
                    cls = UInt8(ascii: "d")
                } else {
                    cls = c
                }
            } else {
                f |= Flag.nonASCII
                width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
                if c == 0xC3 && i + 1 < e {
                    let d = b[i + 1]
                    cls = d < 0x9F && d != 0x97 ? UInt8(ascii: "X") : UInt8(ascii: "x")
                } else if let ascii = Self.asciiPunctuation(b, i, e) {
                    cls = ascii
                } else {
                    cls = UInt8(ascii: "u")
                }
            }
            switch cls {
            case UInt8(ascii: "X"):
                uppers += 1
                letters += 1
                if characters == 0 { firstIsUpper = true }
            case UInt8(ascii: "x"), UInt8(ascii: "u"):
                lowers += cls == UInt8(ascii: "x") ? 1 : 0
                letters += 1
            case UInt8(ascii: "d"):
                digits += 1
            case UInt8(ascii: "-"):
                f |= Flag.hasHyphen
                others += 1
            case UInt8(ascii: "."):
                f |= Flag.hasPeriod
                others += 1
            case UInt8(ascii: "'"):
                f |= Flag.hasApostrophe
                others += 1
            default:
                others += 1
            }
            if cls != lastClass { shortHash = FNV1a.adding(cls, to: shortHash) }
            lastClass = cls
            characters += 1
            let stop = min(i + width, e)
            if width == 3, let ascii = Self.asciiPunctuation(b, i, e) {
                // Curly quotes and dashes hash like their ASCII forms (the training news uses ASCII).
                lowerHash = FNV1a.adding(ascii, to: lowerHash)
                i = stop
                continue
            }
            while i < stop {
                lowerHash = FNV1a.adding(UTF8Byte.lowercasedASCII(b[i]), to: lowerHash)
                i += 1
            }
        }
        if firstIsUpper { f |= Flag.initialCapital }
        if uppers > 0 && lowers == 0 && (uppers > 1 || letters == 1) { f |= Flag.allCapitals }
        if lowers > 0 { f |= Flag.hasLowercase }
        if firstIsUpper && lowers > 0 && uppers > 1 { f |= Flag.mixedCase }
        if digits > 0 { f |= Flag.hasDigit }
        if digits > 0 && letters == 0 { f |= Flag.numeric }
        if letters == 0 && digits == 0 { f |= Flag.punctuation }
        lower[k] = lowerHash
        shortShape[k] = shortHash
        flags[k] = f
        // Suffixes over bytes (lower-cased); a UTF-8 sequence may be cut, which only makes a rarer feature.
        let length = e - s
        if length > 1 {
            for p in 1...min(4, length - 1) {
                suffixes[k * 4 + p - 1] = FNV1a.hashLowercasingASCII(b, e - p..<e)
            }
        }
    }

    /// The ASCII stand-in for a curly quote or dash starting at `i` (`“”„` → `"`, `‘’` → `'`, `–—` → `-`), or `nil`.
    @inline(__always)
    static func asciiPunctuation(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> UInt8? {
        guard b[i] == 0xE2, i + 2 < e, b[i + 1] == 0x80 else { return nil }
        switch b[i + 2] {
        case 0x9C, 0x9D, 0x9E: return UInt8(ascii: "\"")
        case 0x98, 0x99: return UInt8(ascii: "'")
        case 0x93, 0x94: return UInt8(ascii: "-")
        default: return nil
        }
    }

    /// Flags every token of a line whose letter-bearing tokens are mostly all capitals (headlines, datelines).
    private mutating func markCapitalLines() {
        var first = 0
        let n = tokens.count
        while first < n {
            var end = first + 1
            while end < n && !tokens[end].startsLine { end += 1 }
            var letterTokens = 0
            var capitalTokens = 0
            for k in first..<end where flags[k] & (Flag.hasLowercase | Flag.allCapitals) != 0 {
                letterTokens += 1
                if flags[k] & Flag.allCapitals != 0 { capitalTokens += 1 }
            }
            if letterTokens > 0 && capitalTokens * 10 >= letterTokens * 7 {
                for k in first..<end { flags[k] |= Flag.capitalLine }
            } else if letterTokens >= 3 {
                // Title-case lines (modern headlines, bylines, menus): most content words capitalised.
                var content = 0
                var capitalised = 0
                for k in first..<end where flags[k] & (Flag.hasLowercase | Flag.allCapitals) != 0 {
                    if Self.functionWords.contains(lower[k]) { continue }
                    content += 1
                    if flags[k] & Flag.capitalised != 0 { capitalised += 1 }
                }
                if content > 0 && capitalised * 10 >= content * 8 {
                    for k in first..<end { flags[k] |= Flag.titleLine }
                }
            }
            first = end
        }
    }

    /// Whether token `k`'s word is written in lower case somewhere in the document.
    func occursLowercase(_ k: Int) -> Bool { lowercaseWords.value(for: lower[k]) >= 0 }

    /// Whether token `k` starts a line (or is out of range on the left).
    @inline(__always)
    private func word(_ k: Int, _ base: Int) -> UInt64 {
        // `base` is the current token; `k` is a neighbour on the same line or the boundary sentinel.
        if k < 0 || k >= tokens.count { return Self.boundary }
        if k < base {
            var j = base
            while j > k {
                if tokens[j].startsLine { return Self.boundary }
                j -= 1
            }
        } else if k > base {
            var j = base + 1
            while j <= k {
                if tokens[j].startsLine { return Self.boundary }
                j += 1
            }
        }
        return lower[k]
    }

    /// The shape of neighbour `k` of token `base`, or the boundary sentinel.
    @inline(__always)
    private func shape(_ k: Int, _ base: Int) -> UInt64 {
        word(k, base) == Self.boundary ? Self.boundary : shortShape[k]
    }

    /// Appends the features of token `i` that do not depend on the previous tag.
    ///
    /// - Parameter remembered: The entity type (1-4), or 0 for `O`, that this word received on an earlier line of the
    ///   document, or -1 if it has not been seen (or is not capitalised).
    func appendStaticFeatures(at i: Int, remembered: Int, to features: inout [UInt64]) {
        typealias H = EntityFeatureHasher
        let f = flags[i]
        let w0 = lower[i]
        let s0 = shortShape[i]
        let wm1 = word(i - 1, i)
        let wp1 = word(i + 1, i)
        let wm2 = wm1 == Self.boundary ? Self.boundary : word(i - 2, i)
        let wp2 = wp1 == Self.boundary ? Self.boundary : word(i + 2, i)
        let sm1 = wm1 == Self.boundary ? Self.boundary : shortShape[i - 1]
        let sp1 = wp1 == Self.boundary ? Self.boundary : shortShape[i + 1]
        features.append(H.feature(1, 0))
        features.append(H.feature(2, w0))
        features.append(H.feature(4, s0))
        for p in 0..<4 where suffixes[i * 4 + p] != 0 {
            features.append(H.feature(9 + UInt64(p), suffixes[i * 4 + p]))
        }
        features.append(H.feature(13, wm1))
        features.append(H.feature(14, wp1))
        features.append(H.feature(15, wm2))
        features.append(H.feature(16, wp2))
        features.append(H.feature(17, sm1))
        features.append(H.feature(18, sp1))
        features.append(H.feature(19, sm1, s0, sp1))
        features.append(H.feature(20, wm1, w0))
        features.append(H.feature(21, w0, wp1))
        features.append(H.feature(22, wm1, s0))
        features.append(H.feature(23, s0, wp1))
        let sentenceStart = UInt64(f & Flag.sentenceStart != 0 ? 1 : 0)
        let capitalLine = UInt64(f & Flag.capitalLine != 0 ? 1 : 0)
        let titleLine = UInt64(f & Flag.titleLine != 0 ? 2 : 0)
        features.append(H.feature(24, sentenceStart | titleLine, s0))
        features.append(H.feature(25, capitalLine, w0))
        features.append(H.feature(26, capitalLine, s0))
        var bits = gazetteer[i]
        while bits != 0 {
            let bit = UInt64(bits.trailingZeroBitCount)
            features.append(H.feature(27, bit))
            bits &= bits - 1
        }
        if wm1 != Self.boundary {
            var before = gazetteer[i - 1]
            while before != 0 {
                features.append(H.feature(29, UInt64(before.trailingZeroBitCount)))
                before &= before - 1
            }
        }
        if wp1 != Self.boundary {
            var after = gazetteer[i + 1]
            while after != 0 {
                features.append(H.feature(30, UInt64(after.trailingZeroBitCount)))
                after &= after - 1
            }
        }
        if f & Flag.capitalised != 0 {
            // A common English word counts as seen in lower case even when this document never has it so.
            let common = gazetteer[i] & EntityGazetteer.commonWordBit != 0
            let lowerElsewhere = UInt64(common ? 2 : lowercaseWords.value(for: w0) >= 0 ? 1 : 0)
            features.append(H.feature(31, lowerElsewhere, sentenceStart | capitalLine << 1 | titleLine << 1))
            if f & (Flag.sentenceStart | Flag.capitalLine) != 0 {
                let capitalisedElsewhere = UInt64(capitalisedWords.value(for: w0) >= 0 ? 1 : 0)
                features.append(H.feature(32, capitalisedElsewhere, capitalLine))
            }
        }
        let length = Int(tokens[i].end - tokens[i].start)
        let bucket = UInt64(length <= 4 ? length : length <= 6 ? 5 : length <= 9 ? 6 : 7)
        features.append(H.feature(33, bucket, s0))
        // Word clusters: the token's and its neighbours' (fine), the token's coarse one alone and with its shape.
        let c0 = clusters[i]
        let cm1 = wm1 == Self.boundary ? 0xFFFF_FFFF : clusters[i - 1]
        let cp1 = wp1 == Self.boundary ? 0xFFFF_FFFF : clusters[i + 1]
        if c0 != 0 {
            features.append(H.feature(50, UInt64(c0 & 0xFFFF)))
            features.append(H.feature(51, UInt64(c0 >> 16)))
            features.append(H.feature(54, UInt64(c0 >> 16), s0))
        }
        features.append(H.feature(52, UInt64(cm1 & 0xFFFF)))
        features.append(H.feature(53, UInt64(cp1 & 0xFFFF)))
        if remembered >= 0 {
            features.append(H.feature(44, UInt64(remembered)))
            features.append(H.feature(45, UInt64(remembered), s0))
        }
    }

    /// Appends the features of token `i` that depend on the previous tag (the transition features).
    @inline(__always)
    func appendTransitionFeatures(at i: Int, previous: Int, to features: inout [UInt64]) {
        appendShapeTransitionFeatures(at: i, previous: previous, to: &features)
        appendWordTransitionFeatures(at: i, previous: previous, to: &features)
    }

    /// The transition features that depend on the token's shape only (with the previous tag alone).
    @inline(__always)
    func appendShapeTransitionFeatures(at i: Int, previous: Int, to features: inout [UInt64]) {
        let p = UInt64(previous)
        features.append(EntityFeatureHasher.feature(40, p))
        features.append(EntityFeatureHasher.feature(43, p, shortShape[i]))
    }

    /// The transition feature that depends on the token's word.
    @inline(__always)
    func appendWordTransitionFeatures(at i: Int, previous: Int, to features: inout [UInt64]) {
        features.append(EntityFeatureHasher.feature(42, UInt64(previous), lower[i]))
    }

    /// Whether token `i` is a candidate for the document memory (capitalised, with letters).
    @inline(__always)
    func isMemorable(_ i: Int) -> Bool { flags[i] & Flag.capitalised != 0 }
}
