import CCmark
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small helpers over cmark's node API for the GitHub passes: children, literals, new
/// custom nodes, and moving runs of siblings.
///
/// The passes edit the tree cmark built before the converter walks it; these helpers keep
/// their code about Markdown rather than about pointers. No pointer outlives the parse.
enum CmarkTree {
    /// The node's children, first to last (read before any of them is moved).
    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Calls `visit` with every node of the tree under `root` (itself first) as the iterator enters it.
    static func forEachEntered(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER { visit(node) }
        }
        cmark_iter_free(iterator)
    }

    /// The blocks of one type under `root` (itself first), in document order, found without
    /// entering paragraphs, headings or any inline: only blocks that hold blocks are opened,
    /// so a pass looking for paragraphs or list items visits a page's blocks, not its text.
    static func blocks(of type: cmark_node_type, in root: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        func visit(_ node: OpaquePointer) {
            let kind = Self.type(node)
            if kind == type { result.append(node) }
            guard holdsBlocks(kind) else { return }
            var child = cmark_node_first_child(node)
            while let current = child {
                visit(current)
                child = cmark_node_next(current)
            }
        }
        visit(root)
        return result
    }

    /// Whether nodes of this type can have blocks as children (the document, block quotes,
    /// lists, items, and custom blocks such as a table's rows).
    static func holdsBlocks(_ kind: cmark_node_type) -> Bool {
        switch kind {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK: true
        default: false
        }
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Whether the node's literal holds `needle`, searched in cmark's own C string: the
    /// passes ask this of every text node of a page, most of which hold nothing they look
    /// for, and a `String` made of each (and Foundation's `contains`) cost more than the parse.
    static func literalContains(_ node: OpaquePointer, _ needle: String) -> Bool {
        guard let literal = cmark_node_get_literal(node) else { return false }
        return strstr(literal, needle) != nil
    }

    /// A text node holding `text`.
    static func text(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }

    /// An inline raw-HTML node holding `html`.
    static func inlineHTML(_ html: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_HTML_INLINE)!
        cmark_node_set_literal(node, html)
        return node
    }

    /// A custom block or inline node that renders `enter` before its children and `exit` after.
    static func custom(block: Bool, enter: String, exit: String) -> OpaquePointer {
        let node = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// A link node to `url` whose text is `text`.
    static func link(url: String, text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_LINK)!
        cmark_node_set_url(node, url)
        cmark_node_append_child(node, Self.text(text))
        return node
    }

    /// Moves every child of `source` to the end of `target`'s children.
    static func moveChildren(of source: OpaquePointer, to target: OpaquePointer) {
        for child in children(source) {
            cmark_node_unlink(child)
            cmark_node_append_child(target, child)
        }
    }

    /// Unlinks and frees a node and everything below it.
    static func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Whether the node is a soft or hard line break.
    static func isBreak(_ node: OpaquePointer) -> Bool {
        let kind = type(node)
        return kind == CMARK_NODE_SOFTBREAK || kind == CMARK_NODE_LINEBREAK
    }

    /// The text a paragraph starts with: the literals of its leading text nodes joined (cmark
    /// splits `[!NOTE]` into `[`, `!`, `NOTE` and `]`), up to its first other node.
    static func leadingText(of paragraph: OpaquePointer) -> String {
        String(decoding: leadingText(of: paragraph, upTo: Int.max), as: UTF8.self)
    }

    /// The first `limit` bytes (or fewer) of `leadingText(of:)`, read without joining the rest:
    /// every list item is asked whether it starts with a task box.
    static func leadingText(of paragraph: OpaquePointer, upTo limit: Int) -> [UInt8] {
        var result: [UInt8] = []
        var child = cmark_node_first_child(paragraph)
        while result.count < limit, let current = child, type(current) == CMARK_NODE_TEXT {
            if var byte = cmark_node_get_literal(current) {
                while result.count < limit, byte.pointee != 0 {
                    result.append(UInt8(bitPattern: byte.pointee))
                    byte += 1
                }
            }
            child = cmark_node_next(current)
        }
        return result
    }

    /// Removes the first `count` bytes of a paragraph's leading text nodes (`count` at most
    /// the length of `leadingText(of:)`); nodes left empty are removed.
    static func dropLeadingBytes(_ count: Int, of paragraph: OpaquePointer) {
        var remaining = count
        while remaining > 0, let first = cmark_node_first_child(paragraph), type(first) == CMARK_NODE_TEXT {
            let bytes = Array(literal(first).utf8)
            if bytes.count <= remaining {
                remaining -= bytes.count
                remove(first)
            } else {
                cmark_node_set_literal(first, String(decoding: bytes[remaining...], as: UTF8.self))
                remaining = 0
            }
        }
    }
}
