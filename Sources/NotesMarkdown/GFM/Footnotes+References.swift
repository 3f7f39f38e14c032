import CCmark
import NotesCore

extension Footnotes {
    /// Replaces `[^label]` in text by a numbered link to its definition.
    enum References {
        static func replace(in document: OpaquePointer, definitions: inout [String: Definition], numbered: inout [String]) {
            var texts: [OpaquePointer] = []
            var linkDepth = 0
            let iterator = cmark_iter_new(document)
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = CmarkTree.type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
                } else if type == CMARK_NODE_TEXT, linkDepth == 0, CmarkTree.literalContains(node, "[^") {
                    texts.append(node)
                }
            }
            cmark_iter_free(iterator)
            for text in texts { replace(text, &definitions, &numbered) }
        }

        private static func replace(_ node: OpaquePointer, _ definitions: inout [String: Definition], _ numbered: inout [String]) {
            let bytes = Array(CmarkTree.literal(node).utf8)
            var offset = 0
            var copied = 0
            var changed = false
            while offset + 3 < bytes.count {
                guard bytes[offset] == UInt8(ascii: "["), bytes[offset + 1] == UInt8(ascii: "^"),
                    let close = bytes[(offset + 2)...].firstIndex(of: UInt8(ascii: "]")), close > offset + 2
                else {
                    offset += 1
                    continue
                }
                let key = normalise(String(decoding: bytes[(offset + 2)..<close], as: UTF8.self))
                guard var definition = definitions[key] else {
                    offset += 1
                    continue
                }
                if definition.number == nil {
                    numbered.append(key)
                    definition.number = numbered.count
                }
                definition.references += 1
                definitions[key] = definition
                if offset > copied {
                    cmark_node_insert_before(node, CmarkTree.text(String(decoding: bytes[copied..<offset], as: UTF8.self)))
                }
                cmark_node_insert_before(node, CmarkTree.custom(block: false, enter: html(definition), exit: ""))
                offset = close + 1
                copied = offset
                changed = true
            }
            guard changed else { return }
            if copied < bytes.count {
                cmark_node_insert_before(node, CmarkTree.text(String(decoding: bytes[copied...], as: UTF8.self)))
            }
            CmarkTree.remove(node)
        }

        private static func html(_ definition: Definition) -> String {
            let id = HTMLEscaping.attribute(definition.label)
            let suffix = definition.references == 1 ? "" : "-\(definition.references)"
            return "<sup class=\"footnote-ref\"><a href=\"#fn:\(id)\" id=\"fnref:\(id)\(suffix)\" data-footnote-ref>\(definition.number ?? 0)</a></sup>"
        }
    }
}
