import CCmark
import NotesCore

extension Footnotes {
    /// A definition found in the tree, waiting for its references.
    struct Definition {
        var label: String
        var paragraph: OpaquePointer
        /// The number it gets when first referred to.
        var number: Int?
        var references = 0
    }

    /// Finds the definitions (top-level paragraphs starting on a marked line, split off
    /// the paragraph they interrupt), numbers them by their references (replaced by links),
    /// and moves the referred ones to a list at the end; returns the ids it wrote.
    static func run(_ document: OpaquePointer, _ marked: MarkedSource, index: LineIndex, backLabel: String, origins: inout SourceOrigins) -> [String] {
        guard !marked.labels.isEmpty else { return [] }
        var definitions: [String: Definition] = [:]
        var order: [String] = []
        for paragraph in CmarkTree.children(document) where CmarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH {
            for (line, piece) in definitionPieces(paragraph, marked, index: index, origins: &origins) {
                guard let label = marked.labels[line] else { continue }
                let key = normalise(label)
                CmarkTree.dropLeadingBytes(definitionPrefixLength(piece, label: label), of: piece)
                while let first = cmark_node_first_child(piece), CmarkTree.isBreak(first) { CmarkTree.remove(first) }
                if definitions[key] == nil {
                    definitions[key] = Definition(label: label, paragraph: piece)
                    order.append(key)
                } else {
                    origins.blocks[piece] = nil
                    CmarkTree.remove(piece)
                }
            }
        }
        guard !definitions.isEmpty else { return [] }
        var numbered: [String] = []
        References.replace(in: document, definitions: &definitions, numbered: &numbered)
        for key in order { cmark_node_unlink(definitions[key]!.paragraph) }
        // Unreferenced definitions are dropped, with their origins (a freed node's address
        // may be reused).
        for key in order where definitions[key]?.number == nil {
            origins.blocks[definitions[key]!.paragraph] = nil
            cmark_node_free(definitions[key]!.paragraph)
        }
        guard !numbered.isEmpty else { return [] }
        let section = CmarkTree.custom(block: true, enter: "<section class=\"footnotes\" data-footnotes>\n<ol>", exit: "</ol>\n</section>")
        var ids: [String] = []
        for key in numbered {
            let definition = definitions[key]!
            let id = HTMLEscaping.attribute(definition.label)
            let item = CmarkTree.custom(block: true, enter: "<li id=\"fn:\(id)\">", exit: "</li>")
            var backLinks = ""
            for reference in 1...max(1, definition.references) {
                let suffix = reference == 1 ? "" : "-\(reference)"
                let mark = reference == 1 ? "" : "<sup class=\"footnote-ref\">\(reference)</sup>"
                backLinks +=
                    " <a href=\"#fnref:\(id)\(suffix)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"\(HTMLEscaping.attribute(backLabel))\">↩\(mark)</a>"
                ids.append("fnref:\(definition.label)\(suffix)")
            }
            cmark_node_append_child(definition.paragraph, CmarkTree.custom(block: false, enter: backLinks, exit: ""))
            cmark_node_append_child(item, definition.paragraph)
            cmark_node_append_child(section, item)
            ids.append("fn:\(definition.label)")
        }
        cmark_node_append_child(document, section)
        return ids
    }

    /// The pieces of a paragraph that start on marked lines, each with its first line;
    /// the paragraph is split where a definition interrupts it.
    private static func definitionPieces(
        _ paragraph: OpaquePointer, _ marked: MarkedSource, index: LineIndex, origins: inout SourceOrigins
    ) -> [(Int, OpaquePointer)] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        let lines = (first...max(first, last)).filter { marked.labels[$0] != nil }
        guard !lines.isEmpty else { return [] }
        let cuts = lines.map { $0 - first }.filter { $0 > 0 }
        let pieces = ParagraphLine.split(paragraph, beforeContentLines: cuts)
        let starts = [first] + cuts.map { $0 + first }
        var result: [(Int, OpaquePointer)] = []
        for (line, piece) in zip(starts, pieces) {
            let end = starts.first { $0 > line }.map { $0 - 1 } ?? last
            if piece != paragraph {
                let column = ParagraphLine.lines(of: paragraph, in: index).first { $0.line == line }.map { $0.start + 1 } ?? 1
                origins.blocks[piece] = SourceOrigins.Block(firstLine: line, lastLine: end, startColumn: column)
            }
            if marked.labels[line] != nil { result.append((line, piece)) }
        }
        return result
    }

    /// The bytes of `\u{A0}label]:` and the blanks after it at the start of a definition.
    private static func definitionPrefixLength(_ piece: OpaquePointer, label: String) -> Int {
        let prefix = "\u{A0}\(label)]:"
        let text = CmarkTree.leadingText(of: piece)
        guard text.hasPrefix(prefix) else { return 0 }
        return prefix.utf8.count + text.utf8.dropFirst(prefix.utf8.count).prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
    }
}
