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

    /// Marks the definition lines of top-level footnotes (`[^label]:` after at most three
    /// spaces; a label has no white space or `]`) in `bytes`; returns the marked lines.
    static func markDefinitions(_ index: LineIndex, in bytes: inout [UInt8]) -> [Int: String] {
        guard ByteSearch.contains(UInt8(ascii: "^"), in: index.bytes) else { return [:] }
        var labels: [Int: String] = [:]
        for line in 1...max(1, index.lineCount) {
            let lineBytes = index.lineBytes(line)
            guard let label = definitionLabel(lineBytes) else { continue }
            let start = lineBytes.startIndex + lineBytes.prefix(while: { $0 == UInt8(ascii: " ") }).count
            bytes.replaceSubrange(start..<(start + 2), with: marker)
            labels[line] = label
        }
        return labels
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

    /// Puts `[^` back wherever a marked line did not become a definition: in code and raw
    /// HTML, and in text (a definition inside a list item or a quote, which notesim does not
    /// take as one). Run after the definitions were taken out.
    static func restoreMarkers(_ document: OpaquePointer, _ marked: MarkedSource) {
        guard !marked.labels.isEmpty else { return }
        let markers = Set(marked.labels.values).map { ("\u{A0}\($0)]:", "[^\($0)]:") }
        CmarkTree.forEachEntered(document) { node in
            switch CmarkTree.type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard CmarkTree.literalContains(node, "\u{A0}") else { return }
                let literal = CmarkTree.literal(node)
                var restored = literal
                for (marker, original) in markers { restored = restored.replacingOccurrences(of: marker, with: original) }
                if restored != literal { cmark_node_set_literal(node, restored) }
            default:
                return
            }
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
