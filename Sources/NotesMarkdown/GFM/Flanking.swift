import CCmark

/// CommonMark's left- and right-flanking rules for a delimiter run, from the characters
/// around it (nil: the start or end of the line, which counts as white space).
enum Flanking {
    static func flanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> (left: Bool, right: Bool) {
        let spaceAfter = after.map(isWhitespace) ?? true
        let spaceBefore = before.map(isWhitespace) ?? true
        let punctuationAfter = after.map(isPunctuation) ?? false
        let punctuationBefore = before.map(isPunctuation) ?? false
        let left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        return (left, right)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// ASCII punctuation or a Unicode punctuation character, as cmark counts them.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The scalar that starts at byte `offset`.
    static func scalar(at offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        scalar(at: offset, in: bytes[...])
    }

    /// The scalar that starts at index `offset` of a slice.
    static func scalar(at offset: Int, in bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The scalar that ends just before byte `offset`.
    static func scalar(before offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = offset - 1
        while start > 0, offset - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)
    }

    /// The character next to a text node in the source, from its sibling: a text node's
    /// last (or first) scalar, white space for a line break or no sibling, and punctuation
    /// for other inlines (they begin and end with `*`, `_`, `` ` ``, `<`, `]` or `)`).
    static func neighbour(_ siblings: [OpaquePointer], _ index: Int, last: Bool) -> Unicode.Scalar? {
        guard siblings.indices.contains(index) else { return nil }
        let node = siblings[index]
        if CmarkTree.isBreak(node) { return "\n" }
        guard CmarkTree.type(node) == CMARK_NODE_TEXT else { return "*" }
        let bytes = Array(CmarkTree.literal(node).utf8)
        guard !bytes.isEmpty else { return nil }
        return last ? scalar(before: bytes.count, in: bytes) : scalar(at: 0, in: bytes)
    }
}
