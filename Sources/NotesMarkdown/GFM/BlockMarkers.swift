import CCmark
import NotesCore

/// GitHub's task list items and alerts: block structures cmark already parsed (a list item,
/// a block quote) that a marker at the start of their first paragraph changes.
enum BlockMarkers {
    /// Turns `- [ ] x`, `- [x] x` and a box alone (`- [ ] `) into items with a disabled checkbox.
    ///
    /// A box alone is a task when a space or tab follows it in `index`'s source, as in
    /// cmark-gfm: cmark drops a paragraph's trailing spaces, so its text alone cannot tell.
    static func taskItem(_ item: OpaquePointer, index: LineIndex) {
        guard let paragraph = cmark_node_first_child(item), CmarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
            cmark_node_get_start_line(paragraph) == cmark_node_get_start_line(item)
        else { return }
        var text = CmarkTree.leadingText(of: paragraph, upTo: 4)
        let inParagraph = text.count
        if text.count == 3, cmark_node_next(cmark_node_first_child(paragraph)) == nil {
            let line = index.lineBytes(Int(cmark_node_get_start_line(paragraph)))
            let after = line.startIndex + Int(cmark_node_get_start_column(paragraph)) - 1 + 3
            // Only where the column points just past the paragraph's own `[ ]` (tabs and
            // container prefixes could move it).
            if after - 3 >= line.startIndex, after < line.endIndex, line[(after - 3)..<after].elementsEqual(text),
                line[after] == UInt8(ascii: " ") || line[after] == UInt8(ascii: "\t")
            {
                text.append(line[after])
            }
        }
        guard text.count == 4, text[0] == UInt8(ascii: "["), text[2] == UInt8(ascii: "]"),
            text[3] == UInt8(ascii: " ") || text[3] == UInt8(ascii: "\t")
        else { return }
        let checked: Bool
        switch text[1] {
        case UInt8(ascii: " "): checked = false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
        default: return
        }
        CmarkTree.dropLeadingBytes(inParagraph, of: paragraph)
        let box = "<input type=\"checkbox\"\(checked ? " checked=\"\"" : "") disabled=\"\" /> "
        let node = CmarkTree.custom(block: false, enter: box, exit: "")
        if let first = cmark_node_first_child(paragraph) {
            cmark_node_insert_before(first, node)
        } else {
            cmark_node_append_child(paragraph, node)
        }
    }

    /// Turns a top-level block quote whose first line is `[!NOTE]` (or another kind) and
    /// which has content after it into an alert titled by `title`.
    static func alert(_ quote: OpaquePointer, title: (AlertKind) -> String) {
        guard let paragraph = cmark_node_first_child(quote), CmarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(paragraph)
        else { return }
        var marker = ""
        var afterMarker = Optional(first)
        while let node = afterMarker, CmarkTree.type(node) == CMARK_NODE_TEXT {
            marker += CmarkTree.literal(node)
            afterMarker = cmark_node_next(node)
        }
        let trimmed = marker.trimmingSuffix(while: { $0 == " " || $0 == "\t" })
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
            let kind = AlertKind(rawValue: String(trimmed.dropFirst(2).dropLast()).lowercased()),
            afterMarker.map(CmarkTree.isBreak) ?? true,
            afterMarker != nil || cmark_node_next(paragraph) != nil
        else { return }
        CmarkTree.dropLeadingBytes(marker.utf8.count, of: paragraph)
        if let lineBreak = cmark_node_first_child(paragraph) { CmarkTree.remove(lineBreak) }
        if cmark_node_first_child(paragraph) == nil { CmarkTree.remove(paragraph) }
        let enter =
            "<div class=\"markdown-alert markdown-alert-\(kind.rawValue)\">\n"
            + "<p class=\"markdown-alert-title\">\(AlertIcons.svg(kind))\(title(kind))</p>"
        let alert = CmarkTree.custom(block: true, enter: enter, exit: "</div>")
        CmarkTree.moveChildren(of: quote, to: alert)
        cmark_node_replace(quote, alert)
        cmark_node_free(quote)
    }
}

extension String {
    /// The string without the trailing characters that match `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
