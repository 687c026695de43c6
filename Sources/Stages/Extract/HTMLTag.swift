/// The HTML element names the extractor distinguishes, with their role in article extraction.
///
/// Every element the parser reports is mapped to one case; names the extractor has no rule for become
/// `.other` and behave as transparent inline containers. The raw value is a compact code stored per node.
enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio
    case select, option, optgroup, textarea, button, input, map, area, source, track, param, img, picture
    case address, article, aside, blockquote, caption, center, dd, details, dialog, dir, div, dl, dt
    case fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hgroup, hr, legend, li
    case main, menu, nav, ol, p, pre, section, summary, table, tbody, td, tfoot, th, thead, tr, ul, br
    case a, time, code

    /// Maps lowercase element names to tags; names not listed are `.other`.
    static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        let named: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript),
            ("template", .template), ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object),
            ("embed", .embed), ("canvas", .canvas), ("video", .video), ("audio", .audio), ("select", .select),
            ("option", .option), ("optgroup", .optgroup), ("textarea", .textarea), ("button", .button),
            ("input", .input), ("map", .map), ("area", .area), ("source", .source), ("track", .track),
            ("param", .param), ("img", .img), ("picture", .picture), ("address", .address),
            ("article", .article), ("aside", .aside), ("blockquote", .blockquote), ("caption", .caption),
            ("center", .center), ("dd", .dd), ("details", .details), ("dialog", .dialog), ("dir", .dir),
            ("div", .div), ("dl", .dl), ("dt", .dt), ("fieldset", .fieldset), ("figcaption", .figcaption),
            ("figure", .figure), ("footer", .footer), ("form", .form), ("h1", .h1), ("h2", .h2), ("h3", .h3),
            ("h4", .h4), ("h5", .h5), ("h6", .h6), ("header", .header), ("hgroup", .hgroup), ("hr", .hr),
            ("legend", .legend), ("li", .li), ("main", .main), ("menu", .menu), ("nav", .nav), ("ol", .ol),
            ("p", .p), ("pre", .pre), ("section", .section), ("summary", .summary), ("table", .table),
            ("tbody", .tbody), ("td", .td), ("tfoot", .tfoot), ("th", .th), ("thead", .thead), ("tr", .tr),
            ("ul", .ul), ("br", .br), ("a", .a), ("time", .time), ("code", .code), ("frameset", .div),
            ("noframes", .noscript), ("listing", .pre), ("xmp", .pre), ("plaintext", .pre),
        ]
        for (name, tag) in named { table[name] = tag }
        return table
    }()

    /// Elements whose content is never article text (scripts, media, form controls, document head).
    var isNeverContent: Bool {
        switch self {
        case .head, .title, .meta, .link, .base, .script, .style, .noscript, .template, .svg, .math, .iframe,
            .object, .embed, .canvas, .video, .audio, .select, .option, .optgroup, .textarea, .button, .input,
            .map, .area, .source, .track, .param, .img, .picture:
            return true
        default:
            return false
        }
    }

    /// Elements that start a new block of text (paragraph breaks around them).
    var isBlock: Bool {
        switch self {
        case .html, .body, .address, .article, .aside, .blockquote, .caption, .center, .dd, .details, .dialog,
            .dir, .div, .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6,
            .header, .hgroup, .hr, .legend, .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table,
            .tbody, .td, .tfoot, .th, .thead, .tr, .ul:
            return true
        default:
            return false
        }
    }

    /// Headings `h1` to `h6`.
    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    /// List containers and items.
    var isList: Bool {
        switch self {
        case .ul, .ol, .li, .dl, .dt, .dd, .menu, .dir: return true
        default: return false
        }
    }

    /// Table structure elements.
    var isTablePart: Bool {
        switch self {
        case .table, .tbody, .thead, .tfoot, .tr, .td, .th, .caption: return true
        default: return false
        }
    }
}
