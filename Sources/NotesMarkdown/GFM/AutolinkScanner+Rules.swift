extension AutolinkScanner {
    /// Where a link that runs to `end` really ends: before a `<`, without trailing
    /// `?!.,:*_~'"`, an entity-like `&name;`, or a `)` that closes nothing.
    static func delimit(_ data: ArraySlice<UInt8>, _ end: Int) -> Int {
        let base = data.startIndex
        var linkEnd = end
        if let less = data[base..<(base + linkEnd)].firstIndex(of: UInt8(ascii: "<")) { linkEnd = less - base }
        while linkEnd > 0 {
            let last = data[base + linkEnd - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                linkEnd -= 1
            } else if last == UInt8(ascii: ";") {
                var start = linkEnd - 2
                while start > 0, isAlpha(data[base + start]) { start -= 1 }
                linkEnd = start < linkEnd - 2 && start >= 0 && data[base + start] == UInt8(ascii: "&") ? start : linkEnd - 1
            } else if last == UInt8(ascii: ")") {
                let slice = data[base..<(base + linkEnd)]
                let opening = slice.filter { $0 == UInt8(ascii: "(") }.count
                let closing = slice.filter { $0 == UInt8(ascii: ")") }.count
                if closing <= opening { break }
                linkEnd -= 1
            } else {
                break
            }
        }
        return linkEnd
    }

    /// How long the domain at the start of `data` is (0 when it is not one): host
    /// characters, `-`, `_` (not in the last two labels) and dots (at least one unless
    /// `allowShort`). The first byte is not checked, as in cmark-gfm.
    static func checkDomain(_ data: ArraySlice<UInt8>, allowShort: Bool) -> Int {
        let base = data.startIndex
        var index = 1
        var dots = 0
        var underscoresBefore = 0
        var underscores = 0
        while index < data.count - 1 {
            let byte = data[base + index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !isHostCharacter(data, at: base + index) && byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        return allowShort || dots > 0 ? index : 0
    }

    /// Whether the scalar starting at `offset` is neither white space nor punctuation
    /// (false inside a multi-byte character, as in cmark-gfm).
    static func isHostCharacter(_ bytes: ArraySlice<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.endIndex, bytes[offset] & 0xC0 != 0x80, let scalar = Flanking.scalar(at: offset, in: bytes) else { return false }
        return !Flanking.isWhitespace(scalar) && scalar != " " && scalar != "\u{0B}" && !Flanking.isPunctuation(scalar)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isAlnum(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (0x30...0x39).contains(byte)
    }
}
