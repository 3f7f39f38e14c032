/// Finds tags and their attribute values in a fragment of raw HTML, with byte offsets.
///
/// Not a full HTML parser: it reads start tags (`<name attr="v" attr='v' attr=v attr>`) and
/// skips comments, closing tags and declarations, which is all that link checking and link
/// rewriting need.
struct HTMLAttributeScanner {
    /// One attribute of a start tag.
    struct Attribute: Equatable {
        /// The tag's name, lowercased.
        var tag: String
        /// The attribute's name, lowercased.
        var name: String
        /// The raw value (no entity decoding).
        var value: String
        /// Byte range of the value inside the scanned fragment.
        var valueRange: Range<Int>
    }

    /// Every attribute that has a value, in document order.
    static func attributes(in bytes: [UInt8]) -> [Attribute] {
        var result: [Attribute] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = skip(past: Array("-->".utf8), in: bytes, from: index + 4)
                continue
            }
            var cursor = index + 1
            let nameStart = cursor
            while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart, isLetter(bytes[nameStart]) else { index += 1; continue }
            let tag = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            // Attributes until `>`.
            while cursor < count {
                while cursor < count, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
                guard cursor < count, bytes[cursor] != UInt8(ascii: ">") else { break }
                let attributeStart = cursor
                while cursor < count, !isSpace(bytes[cursor]), !"\"'>/=".utf8.contains(bytes[cursor]) { cursor += 1 }
                if cursor == attributeStart { cursor += 1; continue }
                let name = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
                var lookahead = cursor
                while lookahead < count, isSpace(bytes[lookahead]) { lookahead += 1 }
                guard lookahead < count, bytes[lookahead] == UInt8(ascii: "=") else { continue }
                cursor = lookahead + 1
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { break }
                let valueRange: Range<Int>
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let start = cursor + 1
                    var end = start
                    while end < count, bytes[end] != quote { end += 1 }
                    valueRange = start..<end
                    cursor = min(end + 1, count)
                } else {
                    let start = cursor
                    while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    valueRange = start..<cursor
                }
                let value = String(decoding: bytes[valueRange], as: UTF8.self)
                result.append(Attribute(tag: tag, name: name, value: value, valueRange: valueRange))
            }
            index = cursor + 1
        }
        return result
    }

    /// The reference kind of an attribute, if it names a link or image destination.
    static func referenceKind(of attribute: Attribute) -> Reference.Kind? {
        switch (attribute.tag, attribute.name) {
        case ("a", "href"), ("area", "href"), ("link", "href"): .link
        case ("img", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
            ("video", "poster"), ("iframe", "src"), ("embed", "src"), ("track", "src"),
            ("img", "srcset"), ("source", "srcset"):
            .image
        default: nil
        }
    }

    /// The destinations an attribute names, each with its own value and range: the
    /// attribute itself, or for `srcset` (`a.png 1x, b.png 2x`) each candidate's URL, so that
    /// every image a high-density screen may load is checked, rewritten and published.
    static func destinations(of attribute: Attribute) -> [Attribute] {
        guard attribute.name == "srcset" else { return [attribute] }
        let bytes = Array(attribute.value.utf8)
        var result: [Attribute] = []
        var cursor = 0
        while cursor < bytes.count {
            while cursor < bytes.count, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
            let start = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]) { cursor += 1 }
            var end = cursor
            // A URL's trailing commas end its candidate (HTML's srcset parsing); otherwise its
            // descriptors (`2x`, `480w`) run to the next comma.
            while end > start, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
            if end == cursor { while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ",") { cursor += 1 } }
            guard end > start else { continue }
            let range = (attribute.valueRange.lowerBound + start)..<(attribute.valueRange.lowerBound + end)
            result.append(Attribute(tag: attribute.tag, name: attribute.name, value: String(decoding: bytes[start..<end], as: UTF8.self), valueRange: range))
        }
        return result
    }

    /// Whether an attribute defines a fragment target (`id`, or `name` on `<a>`).
    static func definesAnchor(_ attribute: Attribute) -> Bool {
        attribute.name == "id" || (attribute.tag == "a" && attribute.name == "name")
    }

    /// Replaces attribute values; `replacements` must be sorted by range and not overlap.
    static func replacing(_ replacements: [(Range<Int>, String)], in bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for (range, text) in replacements {
            output.append(contentsOf: bytes[cursor..<range.lowerBound])
            output.append(contentsOf: text.utf8)
            cursor = range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return output
    }

    private static func skip(past terminator: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index...].starts(with: terminator) { return index + terminator.count }
            index += 1
        }
        return bytes.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
