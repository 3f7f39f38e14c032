import CCmark

/// Makes links of the extended autolinks in the tree's text (outside links and images).
///
/// Runs after the text nodes are joined, since cmark cuts text at `_`, `&` or `!`, which
/// URLs contain. A `www.` link may start a text node only if what precedes it in the
/// source may precede one (a line start, white space, or emphasis and strikethrough marks).
enum Autolinks {
    static func run(_ document: OpaquePointer) {
        var texts: [OpaquePointer] = []
        var linkDepth = 0
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch CmarkTree.type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT where linkDepth == 0:
                if CmarkTree.literalContains(node, ":") || CmarkTree.literalContains(node, "www.") || CmarkTree.literalContains(node, "@") {
                    texts.append(node)
                }
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        for text in texts { link(text) }
    }

    private static func link(_ node: OpaquePointer) {
        let bytes = Array(CmarkTree.literal(node).utf8)
        var matches = AutolinkScanner.links(in: bytes, wwwAllowedAtStart: wwwMayStart(after: cmark_node_previous(node)))
        var emailMatches: [AutolinkScanner.Match] = []
        var from = 0
        for gap in matches.map(\.range.lowerBound) + [bytes.count] {
            emailMatches += AutolinkScanner.emails(in: Array(bytes[from..<gap])).map {
                AutolinkScanner.Match(range: ($0.range.lowerBound + from)..<($0.range.upperBound + from), url: $0.url)
            }
            from = matches.first { $0.range.lowerBound == gap }?.range.upperBound ?? gap
        }
        matches = (matches + emailMatches).sorted { $0.range.lowerBound < $1.range.lowerBound }
        guard !matches.isEmpty else { return }
        var offset = 0
        for match in matches {
            if match.range.lowerBound > offset {
                cmark_node_insert_before(node, CmarkTree.text(String(decoding: bytes[offset..<match.range.lowerBound], as: UTF8.self)))
            }
            cmark_node_insert_before(node, CmarkTree.link(url: match.url, text: String(decoding: bytes[match.range], as: UTF8.self)))
            offset = match.range.upperBound
        }
        if offset < bytes.count {
            cmark_node_insert_before(node, CmarkTree.text(String(decoding: bytes[offset...], as: UTF8.self)))
        }
        CmarkTree.remove(node)
    }

    /// Whether a `www.` link may start right after this sibling.
    private static func wwwMayStart(after previous: OpaquePointer?) -> Bool {
        guard let previous else { return true }
        switch CmarkTree.type(previous) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CUSTOM_INLINE: return true
        default: return false
        }
    }
}
