import CCmark
import NotesCore

/// The source lines of a paragraph as its text: container markers and indentation removed.
///
/// cmark does not keep a paragraph's raw text, and a table is found in it line by line,
/// so the lines are read back from the file: the first from the paragraph's column, the
/// later ones after one `>` per enclosing block quote and the indentation.
struct ParagraphLine {
    var line: Int
    /// Offset in the file line where `text` starts.
    var start: Int
    var text: ArraySlice<UInt8>

    static func lines(of paragraph: OpaquePointer, in index: LineIndex) -> [ParagraphLine] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        guard first >= 1, last >= first else { return [] }
        let quotes = quoteDepth(of: paragraph)
        return (first...last).map { line in
            let bytes = index.lineBytes(line)
            var offset = bytes.startIndex
            if line == first {
                offset += Int(cmark_node_get_start_column(paragraph)) - 1
            } else {
                for _ in 0..<quotes {
                    let marker = bytes[offset...].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
                    guard let marker, bytes[marker] == UInt8(ascii: ">") else { break }
                    offset = marker + 1
                }
                while offset < bytes.endIndex, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
                    offset += 1
                }
            }
            offset = min(offset, bytes.endIndex)
            return ParagraphLine(line: line, start: offset - bytes.startIndex, text: bytes[offset...])
        }
    }

    /// How many block quotes enclose the node.
    private static func quoteDepth(of node: OpaquePointer) -> Int {
        var depth = 0
        var current = cmark_node_parent(node)
        while let parent = current {
            if cmark_node_get_type(parent) == CMARK_NODE_BLOCK_QUOTE { depth += 1 }
            current = cmark_node_parent(parent)
        }
        return depth
    }

    /// How many lines of a paragraph's inline content there are: one more than its line
    /// breaks. A paragraph's first lines can be link definitions, which cmark keeps out of
    /// its content but inside its line range.
    static func contentLineCount(of paragraph: OpaquePointer) -> Int {
        var count = 1
        let iterator = cmark_iter_new(paragraph)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if CmarkTree.isBreak(node) {
                count += 1
            } else if CmarkTree.type(node) == CMARK_NODE_HTML_INLINE {
                count += CmarkTree.literal(node).utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            }
        }
        return count
    }

    /// Whether every line break of a paragraph is one of its children (none is inside
    /// emphasis or a link), so that it can be split at any line.
    static func breaksAreDirect(_ paragraph: OpaquePointer, contentLines: Int) -> Bool {
        CmarkTree.children(paragraph).filter(CmarkTree.isBreak).count == contentLines - 1
    }
}

extension ParagraphLine {
    /// Splits a paragraph before each of the given lines of content (from 1, ascending);
    /// returns the pieces in order, the paragraph itself first. A cut whose line break is
    /// inside an inline is skipped.
    static func split(_ paragraph: OpaquePointer, beforeContentLines cuts: [Int]) -> [OpaquePointer] {
        var pieces = [paragraph]
        var line = 0
        var current = paragraph
        for child in CmarkTree.children(paragraph) {
            if CmarkTree.isBreak(child) {
                line += 1
                if cuts.contains(line) {
                    let piece = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                    cmark_node_insert_after(current, piece)
                    pieces.append(piece)
                    current = piece
                    CmarkTree.remove(child)
                    continue
                }
            }
            if current != paragraph {
                cmark_node_unlink(child)
                cmark_node_append_child(current, child)
            }
        }
        return pieces
    }
}
