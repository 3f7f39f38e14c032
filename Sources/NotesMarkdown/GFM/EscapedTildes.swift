import CCmark
import NotesCore

/// Escaped tildes (`\~`), which must not count as strikethrough marks.
///
/// cmark joins an escaped character with the text around it, so after parsing `\~~a~~`
/// reads as `~~a~~`. Before parsing, each `\~` is replaced by a two-byte stand-in that is
/// punctuation like `~` (so flanking is unchanged) and that notes do not contain; positions
/// stay exact. After strikethrough, the stand-in becomes `~` in text and link destinations
/// and `\~` again where cmark keeps backslashes (code, raw HTML).
enum EscapedTildes {
    /// U+05C3 HEBREW PUNCTUATION SOF PASUQ: punctuation, two bytes in UTF-8.
    static let standIn: [UInt8] = [0xD7, 0x83]
    static let standInText = "\u{05C3}"

    /// The bytes with every `\~` replaced; unchanged when there is none or when the text
    /// already holds the stand-in.
    static func mark(_ bytes: inout [UInt8]) -> Bool {
        guard ByteSearch.contains(UInt8(ascii: "~"), in: bytes), !containsStandIn(bytes) else { return false }
        var found = false
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                if bytes[index + 1] == UInt8(ascii: "~") {
                    bytes[index] = standIn[0]
                    bytes[index + 1] = standIn[1]
                    found = true
                }
                index += 2
            } else {
                index += 1
            }
        }
        return found
    }

    private static func containsStandIn(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let first = bytes[index...].firstIndex(of: standIn[0]) {
            if first + 1 < bytes.count, bytes[first + 1] == standIn[1] { return true }
            index = first + 1
        }
        return false
    }

    /// Puts the tildes back everywhere in the tree.
    static func restore(_ document: OpaquePointer) {
        CmarkTree.forEachEntered(document) { node in
            switch CmarkTree.type(node) {
            case CMARK_NODE_TEXT:
                replace(in: node, get: cmark_node_get_literal, set: cmark_node_set_literal, with: "~")
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                replace(in: node, get: cmark_node_get_literal, set: cmark_node_set_literal, with: "\\~")
                replace(in: node, get: cmark_node_get_fence_info, set: cmark_node_set_fence_info, with: "~")
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                replace(in: node, get: cmark_node_get_url, set: cmark_node_set_url, with: "~")
                replace(in: node, get: cmark_node_get_title, set: cmark_node_set_title, with: "~")
            default:
                break
            }
        }
    }

    private static func replace(
        in node: OpaquePointer, get: (OpaquePointer?) -> UnsafePointer<CChar>?, set: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32,
        with replacement: String
    ) {
        guard let pointer = get(node) else { return }
        let text = String(cString: pointer)
        guard text.contains(standInText) else { return }
        _ = set(node, text.split(separator: standInText, omittingEmptySubsequences: false).joined(separator: replacement))
    }
}
