import CCmark
import NotesCore

/// GitHub's footnotes: `[^label]` references and `[^label]: text` definitions, numbered in
/// the order they are first referred to and listed at the end with links back.
///
/// A definition line would be a link definition to cmark (`[^a]: https://x` is a valid
/// one, which cmark would swallow), so before parsing its `[^` is replaced by a no-break
/// space of the same byte length: positions stay exact, and the line parses as text that
/// `Footnotes` recognises by its line number. Ids are `fn:label` and `fnref:label`, which
/// no heading slug can be (a slug has no `:`).
enum Footnotes {
    /// The bytes that stand for `[^` on a definition line while cmark parses.
    static let marker: [UInt8] = [0xC2, 0xA0]

    /// A page's bytes as cmark parses them: definition lines and escaped tildes marked
    /// (`EscapedTildes`), every byte where it was.
    struct Marked {
        var bytes: [UInt8]
        /// File line -> the label defined on it.
        var labels: [Int: String]
        /// Whether `EscapedTildes` replaced any `\~`.
        var escapedTildes = false
    }

    /// Marks the definition lines of a top-level footnote (`[^label]:` after at most three
    /// spaces; a label has no white space or `]`).
    static func mark(_ index: LineIndex) -> Marked {
        var marked = Marked(bytes: index.bytes, labels: [:])
        marked.escapedTildes = EscapedTildes.mark(&marked.bytes)
        guard index.bytes.contains(UInt8(ascii: "^")) else { return marked }
        for line in 1...max(1, index.lineCount) {
            let bytes = index.lineBytes(line)
            guard let label = definitionLabel(bytes) else { continue }
            let start = bytes.startIndex + bytes.prefix(while: { $0 == UInt8(ascii: " ") }).count
            marked.bytes.replaceSubrange(start..<(start + 2), with: marker)
            marked.labels[line] = label
        }
        return marked
    }

    private static func definitionLabel(_ line: ArraySlice<UInt8>) -> String? {
        let indent = line.prefix(while: { $0 == UInt8(ascii: " ") }).count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.starts(with: "[^".utf8) else { return nil }
        let label = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "]") && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard !label.isEmpty, rest.dropFirst(2 + label.count).starts(with: "]:".utf8) else { return nil }
        return String(decoding: label, as: UTF8.self)
    }

    /// Puts `[^` back in code and HTML blocks that hold a marked line: there it was text.
    static func restoreLiterals(_ document: OpaquePointer, _ marked: Marked) {
        guard !marked.labels.isEmpty else { return }
        for node in CmarkTree.children(document) {
            let type = CmarkTree.type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let lines = Int(cmark_node_get_start_line(node))...Int(cmark_node_get_end_line(node))
            let labels = marked.labels.filter { lines.contains($0.key) }.map(\.value)
            guard !labels.isEmpty else { continue }
            var literal = CmarkTree.literal(node)
            for label in Set(labels) {
                literal = literal.replacingOccurrences(of: "\u{A0}\(label)]:", with: "[^\(label)]:")
            }
            cmark_node_set_literal(node, literal)
        }
    }

    /// The normalised form of a label, under which references find definitions (case and
    /// white space do not matter, as for link labels).
    static func normalise(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation in this module).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
