import NotesCore
import NotesMarkdown

/// The HTML of a code block left to the highlighter (`CodeBlock.codeSlot`), highlighted or plain.
enum CodeBlockHTML {
    /// The block with the highlighter's HTML inside `<code>`.
    static func highlighted(language: String, html: String) -> [UInt8] {
        Array("<pre><code class=\"language-\(HTMLEscaping.attribute(language))\">\(html)</code></pre>".utf8)
    }

    /// The block as cmark renders it: what a page gets when the highlighter is off, missing,
    /// or knows no lexer for the language.
    static func plain(_ block: CodeBlock) -> [UInt8] {
        var bytes = Array("<pre><code class=\"language-\(HTMLEscaping.attribute(block.language))\">".utf8)
        bytes.reserveCapacity(bytes.count + block.literal.utf8.count + 16)
        for byte in block.literal.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        bytes += "</code></pre>".utf8
        return bytes
    }

    /// What the highlighter is given for a block: its language and its code with CRLF line
    /// ends made LF (lexers do the same, and a block must not miss the cache for them).
    static func request(_ block: CodeBlock) -> HighlightRequest {
        let code = block.literal.utf8.contains(UInt8(ascii: "\r")) ? block.literal.replacing("\r\n", with: "\n") : block.literal
        return HighlightRequest(language: block.language, code: code)
    }
}
