import NotesCore
import NotesMarkdown
import SearchIndex

/// A note's page as the search index sees it: the prose of its body cut at headings, and the
/// claims of its scenario blocks, from the page model the build already has.
///
/// Tags are dropped (a space stands for a block tag), entities decoded, runs of white space
/// made one space. Scenario blocks are slot markers in the body, so neither their source nor
/// their figures and logs are indexed; their claims (`expect:`) are, where the figure stands.
enum SearchExtraction {
    /// The most bytes of text kept from one note: its first 256 KB find it, and a note of
    /// megabytes would make its chunk (which a result fetches) as big.
    static let textLimit = 256 * 1024

    /// The search document of `note`.
    static func document(of note: Note) -> SearchDocument {
        var reader = BodyReader(note: note)
        reader.read()
        return SearchDocument(url: OutputPaths.url(of: note.outputPath, from: "index.html"), title: note.title, sections: reader.finish())
    }

    /// The claims of each slot's scenario block: the lines under its top-level `expect:`.
    static func claims(of note: Note) -> [Int: String] {
        var claims: [Int: String] = [:]
        for block in note.page.codeBlocks {
            guard let slot = block.slot else { continue }
            var inside = false
            var lines: [Substring] = []
            for line in block.literal.split(separator: "\n", omittingEmptySubsequences: true) {
                if let first = line.first, first != " ", first != "-", first != "\t" { inside = line.hasPrefix("expect:") }
                if inside { lines.append(line) }
            }
            if !lines.isEmpty { claims[slot] = lines.joined(separator: " ") }
        }
        return claims
    }
}

/// Walks a page's HTML once, gathering sections.
private struct BodyReader {
    private let html: [UInt8]
    private let headings: [String: String]
    private let claims: [Int: String]
    /// The code of each block left to the highlighter, by code slot.
    private let code: [Int: String]
    private var sections: [SearchDocument.Section] = []
    private var anchor = ""
    private var heading = ""
    private var text: [UInt8] = []
    private var kept = 0
    private var index = 0

    /// Tags that sit inside a word's run of text: no space stands for them (names packed by
    /// `name(_:)`: a page has hundreds of tags, and no string is made for one).
    private static let inlineTags: Set<UInt64> = Set(
        ["a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span", "strong", "sub", "sup", "u"].map { name(Array($0.utf8)[...]) })
    /// Tags whose content is not prose, by packed name.
    private static let skippedTags: [UInt64: String] = Dictionary(
        uniqueKeysWithValues: ["script", "style", "svg", "template"].map { (name(Array($0.utf8)[...]), $0) })

    /// A tag name, lowercased, packed into a number (a byte each, the first highest; names
    /// longer than eight letters share their first eight, and none of them is special).
    private static func name(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes.prefix(8) { packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        return packed
    }

    init(note: Note) {
        html = note.page.htmlBytes
        headings = Dictionary(note.page.headings.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        claims = SearchExtraction.claims(of: note)
        code = Dictionary(note.page.codeBlocks.compactMap { block in block.codeSlot.map { ($0, block.literal) } }, uniquingKeysWith: { first, _ in first })
    }

    mutating func read() {
        while index < html.count, kept < SearchExtraction.textLimit {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                readTag()
            } else if byte == UInt8(ascii: "&") {
                readEntity()
            } else {
                // The run of text up to the next tag or entity, copied at once.
                var end = index + 1
                while end < html.count, html[end] != UInt8(ascii: "<"), html[end] != UInt8(ascii: "&") { end += 1 }
                end = min(end, index + SearchExtraction.textLimit - kept)
                text += html[index..<end]
                kept += end - index
                index = end
            }
        }
    }

    mutating func finish() -> [SearchDocument.Section] {
        closeSection()
        return sections
    }

    private mutating func closeSection() {
        let body = Self.collapsed(text)
        if !body.isEmpty || !heading.isEmpty { sections.append(SearchDocument.Section(anchor: anchor, heading: heading, text: body)) }
        text = []
    }

    private mutating func readTag() {
        if starts(with: "<!--") {
            let end = ByteSearch.firstRange(of: "-->", in: html, from: index + 4)?.upperBound ?? html.count
            let comment = String(decoding: html[index..<end], as: UTF8.self)
            if comment.hasPrefix(MarkdownPage.slotMarkerPrefix), let slot = Int(comment.dropFirst(MarkdownPage.slotMarkerPrefix.count).dropLast(3)),
                let claim = claims[slot]
            {
                text += Array(" \(claim) ".utf8)
            } else if comment.hasPrefix(MarkdownPage.codeMarkerPrefix), let slot = Int(comment.dropFirst(MarkdownPage.codeMarkerPrefix.count).dropLast(3)),
                let code = code[slot]
            {
                // A code block left to the highlighter: its text, as the `<pre>` would give it.
                let bytes = code.utf8.prefix(SearchExtraction.textLimit - kept)
                text.append(UInt8(ascii: " "))
                text += bytes
                text.append(UInt8(ascii: " "))
                kept += bytes.count
            }
            index = end
            return
        }
        let closing = index + 1 < html.count && html[index + 1] == UInt8(ascii: "/")
        var nameEnd = index + (closing ? 2 : 1)
        while nameEnd < html.count, Self.isNameByte(html[nameEnd]) { nameEnd += 1 }
        let name = Self.name(html[(index + (closing ? 2 : 1))..<nameEnd])
        let tagEnd = Self.tagEnd(html, from: nameEnd)
        // `h1` … `h6`: 0x68 (h) then 0x31 … 0x36.
        if !closing, name >> 8 == 0x68, (0x31...0x36).contains(name & 0xFF) {
            readHeading(level: Int(name & 0xFF) - 0x30, openTag: html[index..<tagEnd], contentStart: tagEnd)
        } else if !closing, let skipped = Self.skippedTags[name] {
            index = ByteSearch.firstRange(of: "</\(skipped)", in: html, from: tagEnd).map { Self.tagEnd(html, from: $0.upperBound) } ?? html.count
        } else {
            if !Self.inlineTags.contains(name) { text.append(UInt8(ascii: " ")) }
            index = tagEnd
        }
    }

    private mutating func readHeading(level: Int, openTag: ArraySlice<UInt8>, contentStart: Int) {
        let close = ByteSearch.firstRange(of: "</h\(level)>", in: html, from: contentStart)
        let id = Self.attribute("id", in: openTag)
        closeSection()
        anchor = id ?? ""
        heading = id.flatMap { headings[$0] } ?? Self.collapsed(Self.stripped(html[contentStart..<(close?.lowerBound ?? html.count)]))
        index = close?.upperBound ?? html.count
    }

    private mutating func readEntity() {
        let end = html[index..<min(html.count, index + 12)].firstIndex(of: UInt8(ascii: ";"))
        let decoded = end.flatMap { Self.entity(String(decoding: html[(index + 1)..<$0], as: UTF8.self)) }
        if let end, let decoded {
            text += decoded.utf8
            index = end + 1
        } else {
            text.append(UInt8(ascii: "&"))
            index += 1
        }
        kept += 1
    }

    private func starts(with prefix: String) -> Bool {
        html[index...].starts(with: prefix.utf8)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The index after a tag's `>`, quoted attribute values skipped.
    private static func tagEnd(_ html: [UInt8], from start: Int) -> Int {
        var quote: UInt8?
        var index = start
        while index < html.count {
            let byte = html[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return html.count
    }

    /// The value of a double-quoted attribute in a tag, entities decoded.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let bytes = Array(tag)
        guard let found = ByteSearch.firstRange(of: " \(name)=\"", in: bytes),
            let end = bytes[found.upperBound...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return decodeEntities(String(decoding: bytes[found.upperBound..<end], as: UTF8.self))
    }

    /// HTML with its tags removed (a heading's content).
    private static func stripped(_ html: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var inTag = false
        for byte in html {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag { out.append(byte) }
        }
        return Array(decodeEntities(String(decoding: out, as: UTF8.self)).utf8)
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[rest.index(after: amp)...]
            if let semicolon = tail.prefix(11).firstIndex(of: ";"), let decoded = entity(String(tail[..<semicolon])) {
                out += decoded
                rest = tail[tail.index(after: semicolon)...]
            } else {
                out += "&"
                rest = tail
            }
        }
        return out + rest
    }

    /// The character of an entity's name (`amp`, `#39`, `#x3042`); nil for one not known.
    private static func entity(_ name: String) -> String? {
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

    /// Text with runs of white space as one space, trimmed.
    private static func collapsed(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
