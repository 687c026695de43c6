import Pipeline

/// Finds pattern-based mentions over tokens: dates, money amounts, percentages, e-mail addresses and URLs.
///
/// Recognised forms (case-insensitive words, capitalised month and weekday names):
/// - DATE: `November 27`, `Nov. 27, 2019`, `27 November 2019`, `November 2019`, `1996-08-30`, `30/08/1996`,
///   weekday names (`Friday`).
/// - MONEY: `$5`, `US$ 5.3 million`, `€20bn`, `USD 40`, `5 million dollars`, `300 yen`.
/// - PERCENT: `5%`, `5.5 percent`, `12 per cent`, `3 pct`.
/// - EMAIL: `name@example.com`; URL: `https://...`, `www....`.
/// Matching looks at most four tokens ahead of each position, so it is linear in the number of tokens.
enum EntityPatternMatcher {
    /// A pattern match over tokens `first..<end`.
    struct Match: Equatable {
        /// First token.
        var first: Int
        /// One past the last token.
        var end: Int
        /// The pattern's label.
        var label: EntityLabel
    }

    static let months = HashedWordSet([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])
    static let weekdays = HashedWordSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ])
    static let scales = HashedWordSet([
        "million", "billion", "trillion", "thousand", "bn", "mln", "billions",
        "millions", "thousands", "crore", "lakh",
    ])
    static let currencyWords = HashedWordSet([
        "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "won", "rupee",
        "rupees", "franc", "francs", "peso", "pesos", "rouble", "roubles", "ruble", "rubles", "cent", "cents", "pence",
        "dinar", "dinars", "riyal", "riyals", "rand", "baht", "ringgit", "krona", "kronor", "krone", "kroner",
        "shekel", "shekels", "marks", "lira", "lire",
    ])
    static let currencyCodes = HashedWordSet([
        "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "chf", "cad", "aud", "inr", "hkd", "sgd", "rub", "dm",
    ])
    static let percentWords = HashedWordSet(["percent", "pct", "%", "percentage"])
    private static let perHash = FNV1a.hashLowercasingASCII("per")
    private static let centHash = FNV1a.hashLowercasingASCII("cent")
    private static let commaHash = FNV1a.hashLowercasingASCII(",")
    private static let pointsHash = FNV1a.hashLowercasingASCII("points")

    /// Finds non-overlapping matches left to right.
    static func matches(in bytes: UnsafeBufferPointer<UInt8>, context: EntityDocumentContext) -> [Match] {
        var result: [Match] = []
        let tokens = context.tokens
        var i = 0
        while i < tokens.count {
            if let match = match(at: i, bytes, context) {
                result.append(match)
                i = match.end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Whether token `k` exists and continues the line of token `i`.
    @inline(__always)
    private static func onLine(_ k: Int, _ context: EntityDocumentContext) -> Bool {
        k < context.tokens.count && !context.tokens[k].startsLine
    }

    private static func match(at i: Int, _ b: UnsafeBufferPointer<UInt8>, _ context: EntityDocumentContext) -> Match? {
        let token = context.tokens[i]
        let s = Int(token.start)
        let e = Int(token.end)
        let w = context.lower[i]
        let flags = context.flags[i]
        let capitalised = flags & EntityDocumentContext.Flag.initialCapital != 0
        // URL and e-mail.
        if e - s > 4
            && (EntityTokenizer.hasPrefix(b, s, e, "http://") || EntityTokenizer.hasPrefix(b, s, e, "https://")
                || EntityTokenizer.hasPrefix(b, s, e, "www."))
        {
            return Match(first: i, end: i + 1, label: .url)
        }
        if isEmail(b, s, e) { return Match(first: i, end: i + 1, label: .email) }
        // Dates.
        if capitalised && months.contains(w) {
            var end = i + 1
            if onLine(end, context) && isDay(b, context.tokens[end]) {
                end += 1
                if onLine(end + 1, context) && context.lower[end] == commaHash && isYear(b, context.tokens[end + 1]) {
                    end += 2
                } else if onLine(end, context) && isYear(b, context.tokens[end]) {
                    end += 1
                }
                return Match(first: i, end: end, label: .date)
            }
            if onLine(end, context) && isYear(b, context.tokens[end]) {
                return Match(first: i, end: end + 1, label: .date)
            }
        }
        if isDay(b, token) && onLine(i + 1, context) && months.contains(context.lower[i + 1])
            && context.flags[i + 1] & EntityDocumentContext.Flag.initialCapital != 0
        {
            var end = i + 2
            if onLine(end, context) && isYear(b, context.tokens[end]) { end += 1 }
            return Match(first: i, end: end, label: .date)
        }
        if capitalised && weekdays.contains(w) { return Match(first: i, end: i + 1, label: .date) }
        if isNumericDate(b, s, e) { return Match(first: i, end: i + 1, label: .date) }
        // Money with a leading currency sign or code.
        let signLength = EntityTokenizer.currencyPrefixLength(b, s, e)
        if (signLength == e - s || currencyCodes.contains(w)) && onLine(i + 1, context)
            && isNumber(b, context.tokens[i + 1])
        {
            var end = i + 2
            if onLine(end, context) && scales.contains(context.lower[end]) { end += 1 }
            return Match(first: i, end: end, label: .money)
        }
        // Number-led money and percentages.
        if isNumber(b, token) {
            var end = i + 1
            if onLine(end, context) && scales.contains(context.lower[end]) { end += 1 }
            if onLine(end, context) && currencyWords.contains(context.lower[end]) {
                return Match(first: i, end: end + 1, label: .money)
            }
            end = i + 1
            if onLine(end, context) && percentWords.contains(context.lower[end]) {
                if onLine(end + 1, context) && context.lower[end + 1] == pointsHash { end += 1 }
                return Match(first: i, end: end + 1, label: .percent)
            }
            if onLine(end + 1, context) && context.lower[end] == perHash && context.lower[end + 1] == centHash {
                return Match(first: i, end: end + 2, label: .percent)
            }
        }
        return nil
    }

    /// Digits with optional `,` and `.` separators, starting and ending with a digit.
    static func isNumber(_ b: UnsafeBufferPointer<UInt8>, _ token: EntityToken) -> Bool {
        let s = Int(token.start)
        let e = Int(token.end)
        guard e > s, UTF8Byte.isASCIIDigit(b[s]), UTF8Byte.isASCIIDigit(b[e - 1]) else { return false }
        for k in s..<e where !(UTF8Byte.isASCIIDigit(b[k]) || b[k] == UInt8(ascii: ",") || b[k] == UInt8(ascii: ".")) {
            return false
        }
        return true
    }

    /// A day of the month: 1-31, optionally followed by `st`, `nd`, `rd` or `th`.
    private static func isDay(_ b: UnsafeBufferPointer<UInt8>, _ token: EntityToken) -> Bool {
        let s = Int(token.start)
        let e = Int(token.end)
        var k = s
        var value = 0
        while k < e && k - s < 2 && UTF8Byte.isASCIIDigit(b[k]) {
            value = value * 10 + Int(b[k] - 48)
            k += 1
        }
        if k == s || value < 1 || value > 31 { return false }
        if k == e { return true }
        if e - k != 2 { return false }
        let suffix = (UTF8Byte.lowercasedASCII(b[k]), UTF8Byte.lowercasedASCII(b[k + 1]))
        return suffix == (115, 116) || suffix == (110, 100) || suffix == (114, 100) || suffix == (116, 104)
    }

    /// A four-digit year from 1000 to 2199.
    private static func isYear(_ b: UnsafeBufferPointer<UInt8>, _ token: EntityToken) -> Bool {
        let s = Int(token.start)
        guard token.end - token.start == 4 else { return false }
        for k in s..<(s + 4) where !UTF8Byte.isASCIIDigit(b[k]) { return false }
        return b[s] == UInt8(ascii: "1") || (b[s] == UInt8(ascii: "2") && b[s + 1] <= UInt8(ascii: "1"))
    }

    /// `dddd-dd-dd` or `d{1,2}/d{1,2}/dddd` (also with `.` or `-`).
    private static func isNumericDate(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let length = e - s
        guard length >= 8 && length <= 10 else { return false }
        var groups: [Int] = []
        var separator: UInt8 = 0
        var run = 0
        for k in s..<e {
            let c = b[k]
            if UTF8Byte.isASCIIDigit(c) {
                run += 1
            } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "/") || c == UInt8(ascii: ".") {
                if run == 0 || (separator != 0 && c != separator) { return false }
                separator = c
                groups.append(run)
                run = 0
            } else {
                return false
            }
        }
        groups.append(run)
        guard groups.count == 3 else { return false }
        if groups == [4, 2, 2] && separator == UInt8(ascii: "-") { return true }
        return groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4
    }

    /// `local@domain.tld` with conventional characters.
    private static func isEmail(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 5 && e - s <= 254 else { return false }
        var at = -1
        var dotAfterAt = false
        for k in s..<e {
            let c = b[k]
            if c == UInt8(ascii: "@") {
                if at >= 0 { return false }
                at = k
            } else if c == UInt8(ascii: ".") {
                if at >= 0 && k > at + 1 && k < e - 1 { dotAfterAt = true }
            } else if !(UTF8Byte.isASCIILetter(c) || UTF8Byte.isASCIIDigit(c) || c == UInt8(ascii: "_")
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "%"))
            {
                return false
            }
        }
        return at > s && dotAfterAt
    }
}
