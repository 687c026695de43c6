import Pipeline

/// Decides which character set a page's bytes are in, the way browsers do, without decoding anything itself.
///
/// The order is: a byte-order mark; the `charset` parameter of the HTTP `Content-Type`; a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB; then detection (valid UTF-8 is
/// UTF-8, anything else windows-1252). Labels are normalised to the WHATWG encoding they mean (for example
/// `iso-8859-1` and `us-ascii` mean windows-1252, `gb2312` means GB18030, `shift_jis` means windows-31J), and
/// libxml2 converts through iconv.
struct HTMLCharsetSniffer: Sendable {
    /// A decision: the converter name handed to libxml2 and the canonical lowercase label reported to users.
    struct Decision: Sendable, Equatable {
        /// The encoding name libxml2/iconv is given.
        var converterName: String
        /// The canonical charset label (for example `utf-8`, `windows-1252`, `shift_jis`).
        var label: String
    }

    /// Canonical label and iconv name for each recognised charset label.
    private static let labels: [String: (label: String, converter: String)] = {
        var table: [String: (String, String)] = [:]
        func add(_ names: [String], _ label: String, _ converter: String) {
            for name in names { table[name] = (label, converter) }
        }
        add(["utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode"], "utf-8", "UTF-8")
        add(
            [
                "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                "ascii", "us-ascii", "iso-ir-100", "cp819", "ibm819", "csisolatin1",
            ],
            "windows-1252",
            "WINDOWS-1252"
        )
        add(
            ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis", "ms932", "cp932"],
            "shift_jis",
            "CP932"
        )
        add(["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"], "euc-jp", "EUC-JP")
        add(["iso-2022-jp", "csiso2022jp"], "iso-2022-jp", "ISO-2022-JP")
        add(
            [
                "euc-kr", "ks_c_5601-1987", "ksc5601", "windows-949", "cp949", "x-windows-949", "korean",
                "csksc56011987",
            ],
            "euc-kr",
            "CP949"
        )
        add(
            [
                "gb2312", "gbk", "gb18030", "x-gbk", "chinese", "cp936", "ms936", "windows-936", "csgb2312",
                "gb_2312-80",
            ],
            "gb18030",
            "GB18030"
        )
        add(["big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"], "big5", "BIG5-HKSCS")
        add(["koi8-r", "koi8", "cskoi8r"], "koi8-r", "KOI8-R")
        add(["koi8-u", "koi8-ru"], "koi8-u", "KOI8-U")
        add(["iso-8859-9", "latin5", "windows-1254", "cp1254"], "windows-1254", "WINDOWS-1254")
        add(["iso-8859-11", "tis-620", "windows-874", "cp874"], "windows-874", "CP874")
        for number in 1250...1258 where number != 1252 && number != 1254 {
            add(["windows-\(number)", "cp\(number)", "x-cp\(number)"], "windows-\(number)", "WINDOWS-\(number)")
        }
        for number in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            add(
                ["iso-8859-\(number)", "iso8859-\(number)", "iso_8859-\(number)"],
                "iso-8859-\(number)",
                "ISO-8859-\(number)"
            )
        }
        return table.mapValues { (label: $0.0, converter: $0.1) }
    }()

    /// Decides the charset of `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The page.
    ///   - contentType: The HTTP `Content-Type` header value, if known.
    /// - Returns: The decision; never fails (the last resort is detection).
    static func decide(_ bytes: [UInt8], contentType: String?) -> Decision {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return Decision(converterName: "UTF-8", label: "utf-8")
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return Decision(converterName: "UTF-16LE", label: "utf-16le")
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return Decision(converterName: "UTF-16BE", label: "utf-16be")
        }
        if let contentType, let label = charsetParameter(Array(contentType.utf8)[...]), let decision = resolve(label) {
            return decision
        }
        if let label = metaDeclaredCharset(bytes), let decision = resolve(label) {
            return decision
        }
        if isValidUTF8(bytes) { return Decision(converterName: "UTF-8", label: "utf-8") }
        return Decision(converterName: "WINDOWS-1252", label: "windows-1252")
    }

    /// The decision for a declared label, or nil when the label is unknown to both the table and iconv.
    static func resolve(_ rawLabel: String) -> Decision? {
        let label = ArticleTextSpacing.collapsed(rawLabel).lowercased()
        guard !label.isEmpty else { return nil }
        if let known = labels[label] {
            return Decision(converterName: known.converter, label: known.label)
        }
        let converter = label.uppercased()
        return LibXMLHTMLParser.supportsEncoding(converter) ? Decision(converterName: converter, label: label) : nil
    }

    /// The value after `charset=` in a header or `content` attribute, without quotes.
    static func charsetParameter(_ bytes: ArraySlice<UInt8>) -> String? {
        let lower = bytes.map { UTF8Byte.lowercasedASCII($0) }
        guard let start = firstIndex(of: Array("charset".utf8), in: lower[...]) else { return nil }
        var index = start + 7
        while index < lower.count && UTF8Byte.isHTMLWhitespace(lower[index]) { index += 1 }
        guard index < lower.count && lower[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < lower.count
            && (UTF8Byte.isHTMLWhitespace(lower[index]) || lower[index] == 0x22 || lower[index] == 0x27)
        {
            index += 1
        }
        let valueStart = index
        while index < lower.count {
            let byte = lower[index]
            if UTF8Byte.isHTMLWhitespace(byte) || byte == 0x22 || byte == 0x27 || byte == 0x3B || byte == 0x3E {
                break
            }
            index += 1
        }
        guard index > valueStart else { return nil }
        return String(decoding: lower[valueStart..<index], as: UTF8.self)
    }

    /// The charset declared by the first `<meta>` in the first 4 KB that declares one.
    static func metaDeclaredCharset(_ bytes: [UInt8]) -> String? {
        let window = bytes.prefix(4096).map { UTF8Byte.lowercasedASCII($0) }
        let metaOpen = Array("<meta".utf8)
        var searchFrom = 0
        while let start = firstIndex(of: metaOpen, in: window[searchFrom...]) {
            var end = start + metaOpen.count
            while end < window.count && window[end] != UInt8(ascii: ">") { end += 1 }
            if let label = charsetParameter(window[(start + metaOpen.count)..<end]) { return label }
            searchFrom = end
        }
        return nil
    }

    /// `true` when every byte sequence in `bytes` is well-formed UTF-8.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                if lead >= 0xC2 && lead <= 0xDF {
                    length = 2
                } else if lead >= 0xE0 && lead <= 0xEF {
                    length = 3
                } else if lead >= 0xF0 && lead <= 0xF4 {
                    length = 4
                } else {
                    return false
                }
                // A sequence cut off by the end of the input still counts as UTF-8 (truncated captures).
                let available = min(length, count - index)
                for offset in 1..<max(available, 1) where buffer[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }

    /// The start of the first occurrence of `needle` in `haystack`.
    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == needle[0] {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
