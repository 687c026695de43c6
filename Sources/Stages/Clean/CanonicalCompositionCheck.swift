/// A cheap, conservative test of whether a scalar can change under NFC normalisation.
///
/// `isStable` is true only for scalars that are certainly NFC-stable in any context: no combining marks, no
/// singletons such as U+212B ANGSTROM SIGN, no conjoining Hangul jamo. Text whose scalars are all stable is already
/// NFC, so ``ArticleTextCleaner`` skips Foundation's normalisation for it; anything else is normalised.
enum CanonicalCompositionCheck {
    /// True when `scalar` is NFC-stable whatever surrounds it.
    @inline(__always)
    static func isStable(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x0300: return true
        case 0x0370...0x0373, 0x0376...0x037D, 0x0384...0x0386, 0x0388...0x0482, 0x048A...0x0590: return true
        case 0x05D0...0x05EA, 0x0600...0x060F, 0x0620...0x064A: return true
        case 0x0E00...0x0E30, 0x0E32...0x0E33, 0x0E40...0x0E46: return true
        case 0x2002...0x20CF: return true
        case 0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328, 0x232B...0x2BFF: return true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: return true
        case 0x3100...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xAC00...0xD7A3: return true
        case 0xFF00...0xFFEF: return true
        case 0x1F000...0x1FAFF: return true
        default: return false
        }
    }
}
