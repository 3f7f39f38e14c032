import CCmark
import NotesCore

/// GitHub tables, made from the paragraphs cmark parsed them as.
///
/// A table starts where a paragraph line (its header row) is followed by a delimiter row
/// with as many cells; the paragraph's earlier lines stay a paragraph, and its later lines
/// are the body rows (cmark ends the paragraph where GitHub ends the table: at a blank line
/// or another block). Rows with fewer cells get empty ones; extra cells are dropped.
struct TablePass {
    let index: LineIndex

    /// A table found in a paragraph, before its nodes are made.
    private struct Found {
        /// The part of the paragraph that the table replaces.
        var piece: OpaquePointer
        var alignments: [TableRow.Alignment]
        /// Header row first; each cell with the line it was on.
        var rows: [(line: Int, start: Int, cells: [TableRow.Cell])]
    }

    /// Replaces every table paragraph under `document` by a table, recording where each
    /// cell's text came from.
    func run(_ document: OpaquePointer, page: [UInt8], options: Int32, origins: inout SourceOrigins) {
        let found = CmarkTree.blocks(of: CMARK_NODE_PARAGRAPH, in: document).compactMap { find($0, origins: &origins) }
        guard !found.isEmpty else { return }
        var parser = CellParser()
        var cells: [(node: OpaquePointer, origin: SourceOrigins.Cell, text: [UInt8])] = []
        for table in found {
            let node = build(table) { cell, line, start in
                let custom = CmarkTree.custom(block: false, enter: "", exit: "")
                let parsedLine = parser.add(cell.text)
                let offsets = cell.sourceOffsets.map { $0 + start }
                cells.append((custom, SourceOrigins.Cell(line: line, parsedLine: parsedLine, sourceOffsets: offsets), cell.text))
                return custom
            }
            cmark_node_replace(table.piece, node)
            cmark_node_free(table.piece)
        }
        parser.parse(page: page, options: options) { index, paragraph in
            let cell = cells[index]
            if let paragraph {
                CmarkTree.moveChildren(of: paragraph, to: cell.node)
                origins.cells[cell.node] = cell.origin
            } else {
                cmark_node_append_child(cell.node, CmarkTree.text(String(decoding: cell.text, as: UTF8.self)))
            }
        }
    }

    /// The table in a paragraph, if a line of it is a header row followed by a matching
    /// delimiter row. The table ends before a line that is no row; the paragraph is split
    /// there and before the header row, and the lines around the table stay paragraphs.
    private func find(_ paragraph: OpaquePointer, origins: inout SourceOrigins) -> Found? {
        // A paragraph of one line (most of them) holds no table: its lines are not read.
        guard cmark_node_get_end_line(paragraph) > cmark_node_get_start_line(paragraph) else { return nil }
        let lines = ParagraphLine.lines(of: paragraph, in: index)
        guard lines.count >= 2, lines.contains(where: { $0.text.contains(UInt8(ascii: "|")) || $0.text.contains(UInt8(ascii: "-")) }) else { return nil }
        let contentLines = ParagraphLine.contentLineCount(of: paragraph)
        let definitionLines = max(0, lines.count - contentLines)
        for delimiter in (definitionLines + 1)..<max(definitionLines + 1, lines.count) {
            guard let alignments = TableRow.delimiterAlignments(lines[delimiter].text),
                let header = TableRow.parse(lines[delimiter - 1].text), header.cells.count == alignments.count
            else { continue }
            var rows = [(lines[delimiter - 1].line, lines[delimiter - 1].start, header.cells)]
            var end = lines.count
            for position in (delimiter + 1)..<lines.count {
                guard let row = TableRow.parse(lines[position].text) else {
                    end = position
                    break
                }
                rows.append((lines[position].line, lines[position].start, Array(row.cells.prefix(alignments.count))))
            }
            let first = delimiter - 1 - definitionLines
            let cuts = [first, end - definitionLines].filter { $0 > 0 && $0 < contentLines }
            guard cuts.isEmpty || ParagraphLine.breaksAreDirect(paragraph, contentLines: contentLines) else { return nil }
            let pieces = ParagraphLine.split(paragraph, beforeContentLines: cuts)
            if first > 0 { Self.unescapePipesInCode(pieces[0]) }
            if end < lines.count, let after = pieces.last {
                origins.blocks[after] = SourceOrigins.Block(
                    firstLine: lines[end].line, lastLine: lines[lines.count - 1].line, startColumn: lines[end].start + 1)
            }
            return Found(piece: pieces[first > 0 ? 1 : 0], alignments: alignments, rows: rows)
        }
        return nil
    }

    /// cmark-gfm parses the lines before a table again after unescaping `\|` in them, so a
    /// code span there shows `|` for `\|`, as in a cell; done here to match.
    private static func unescapePipesInCode(_ paragraph: OpaquePointer) {
        let iterator = cmark_iter_new(paragraph)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), CmarkTree.type(node) == CMARK_NODE_CODE else { continue }
            if CmarkTree.literalContains(node, "\\|") {
                let literal = CmarkTree.literal(node)
                cmark_node_set_literal(node, literal.split(separator: "\\|", omittingEmptySubsequences: false).joined(separator: "|"))
            }
        }
    }

    /// The table's nodes: `<table>`, `<thead>` and `<tbody>`, rows, and a cell node per
    /// column made by `makeCell` (given the cell, its file line and its text's line offset).
    private func build(
        _ table: Found, makeCell: (TableRow.Cell, Int, Int) -> OpaquePointer
    ) -> OpaquePointer {
        let node = CmarkTree.custom(block: true, enter: "<table>", exit: "</table>")
        for (number, row) in table.rows.enumerated() {
            if number <= 1 {
                let section = number == 0 ? "thead" : "tbody"
                cmark_node_append_child(node, CmarkTree.custom(block: true, enter: "<\(section)>", exit: "</\(section)>"))
            }
            let rowNode = CmarkTree.custom(block: true, enter: "<tr>", exit: "</tr>")
            let tag = number == 0 ? "th" : "td"
            for (column, alignment) in table.alignments.enumerated() {
                let open = "<\(tag)\(alignment.attribute)>"
                let close = "</\(tag)>\n"
                if column < row.cells.count {
                    let cell = makeCell(row.cells[column], row.line, row.start)
                    cmark_node_set_on_enter(cell, open)
                    cmark_node_set_on_exit(cell, close)
                    cmark_node_append_child(rowNode, cell)
                } else {
                    cmark_node_append_child(rowNode, CmarkTree.custom(block: false, enter: open, exit: close))
                }
            }
            cmark_node_append_child(cmark_node_last_child(node), rowNode)
        }
        return node
    }
}
