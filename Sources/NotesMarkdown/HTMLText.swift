import NotesCore

/// The text of a fragment of raw HTML as a browser shows it: tags dropped (a space for a
/// tag that is not inline), comments and the content of `script`, `style`, `svg` and
/// `template` skipped, the common character references decoded.
///
/// For the search index's prose (`ProseCollector`): raw HTML in a note is a few `<details>`,
/// `<kbd>` or `<br>`, so a byte scanner is enough; it is not an HTML parser.
enum HTMLText {
    enum Piece {
        case byte(UInt8)
        case space
        /// A heading written as HTML (`<h4 id="x">Text</h4>`): its id and text, which start
        /// a section as a Markdown heading does.
        case heading(anchor: String, text: String)
    }

    /// Tags inside a word's run of text: no space stands for them.
    private static let inlineTags: Set<String> = ["a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span", "strong", "sub", "sup", "u"]
    /// Tags whose content is not text.
    private static let skippedTags: Set<String> = ["script", "style", "svg", "template"]

    /// Calls `visit` with each byte of text and each space of `html`, a NUL-terminated UTF-8
    /// string, and each heading when `headings` (a heading's own content is read with it
    /// off, so headings nested 20,000 deep are tags, not a recursion as deep).
    static func forEachPiece(of html: UnsafePointer<CChar>, headings: Bool = true, _ visit: (Piece) -> Void) {
        html.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            var length = 0
            while start[length] != 0 { length += 1 }
            let bytes = UnsafeBufferPointer(start: start, count: length)
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "<"): index = tag(in: bytes, at: index, headings: headings, visit)
                case UInt8(ascii: "&"): index = reference(in: bytes, at: index, visit)
                default:
                    visit(.byte(bytes[index]))
                    index += 1
                }
            }
        }
    }

    /// Reads the tag (or comment) at `index`; returns where the text goes on.
    private static func tag(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, headings: Bool, _ visit: (Piece) -> Void) -> Int {
        if starts(bytes, at: index, with: "<!--") {
            return firstIndex(of: "-->", in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
        }
        let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
        var nameEnd = index + (closing ? 2 : 1)
        while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        let name = String(decoding: bytes[(index + (closing ? 2 : 1))..<nameEnd], as: UTF8.self).lowercased()
        guard !name.isEmpty else {
            // A `<` that starts no tag is text.
            visit(.byte(bytes[index]))
            return index + 1
        }
        let end = tagEnd(bytes, from: nameEnd)
        if headings, !closing, name.count == 2, name.first == "h", ("1"..."6").contains(name.last!),
            let close = firstIndex(of: "</" + name, in: bytes, from: end)
        {
            visit(.heading(anchor: attribute("id", in: bytes[index..<end]) ?? "", text: text(of: bytes[end..<close])))
            return tagEnd(bytes, from: close)
        }
        if !closing, skippedTags.contains(name) {
            return firstIndex(of: "</" + name, in: bytes, from: end).map { tagEnd(bytes, from: $0) } ?? bytes.count
        }
        if !inlineTags.contains(name) { visit(.space) }
        return end
    }

    /// The value of a double-quoted attribute in a tag, references decoded.
    private static func attribute(_ name: String, in tag: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let bytes = Array(tag)
        guard let found = ByteSearch.firstRange(of: " \(name)=\"", in: bytes),
            let end = bytes[found.upperBound...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return text(of: bytes[found.upperBound..<end])
    }

    /// The text of a heading's content or an attribute: tags dropped, references decoded,
    /// white space collapsed.
    private static func text(of html: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        var space = false
        var copy = Array(html)
        copy.append(0)
        copy.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                forEachPiece(of: pointer, headings: false) { piece in
                    switch piece {
                    case .byte(let byte) where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D:
                        if space, !out.isEmpty { out.append(0x20) }
                        space = false
                        out.append(byte)
                    case .heading(_, let text):
                        out += Array(text.utf8)
                    default:
                        space = true
                    }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the character reference at `index` (or passes the `&` on as text).
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ visit: (Piece) -> Void) -> Int {
        let limit = min(bytes.count, index + 12)
        if let semicolon = (index..<limit).first(where: { bytes[$0] == UInt8(ascii: ";") }),
            let decoded = character(named: String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self))
        {
            for byte in decoded.utf8 { visit(.byte(byte)) }
            return semicolon + 1
        }
        visit(.byte(bytes[index]))
        return index + 1
    }

    /// The character of a reference's name (`amp`, `#39`, `#x3042`); nil for one not known.
    static func character(named name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String($0) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The index after a tag's `>`, quoted attribute values skipped.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var quote: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: String) -> Bool {
        bytes[index...].starts(with: prefix.utf8)
    }

    private static func firstIndex(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in ByteSearch.firstRange(of: pattern, in: bytes, from: start)?.lowerBound }
    }
}
