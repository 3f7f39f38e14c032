extension Tokenizer {
    /// A word: a key when the rules say so and `:` or `=` follows, else a keyword, a
    /// literal, or plain.
    mutating func word() -> TokenKind? {
        let start = position
        let lineStart = atLineStart
        while position < text.count, isWord(text[position]) { position += 1 }
        if lineStart, let key = keyKind() { return key }
        // No keyword or literal is longer ("synchronized"): longer words need no lookup.
        guard position - start <= 12 else { return nil }
        let word = String(String.UnicodeScalarView(text[start..<position]))
        let folded = rules.caseInsensitive ? word.lowercased() : word
        if rules.keywords.contains(folded), !rules.keywordsAtLineStartOnly || lineStart { return .keyword }
        if rules.literals.contains(folded) { return .literal }
        return nil
    }

    /// `.key` when the word just read is followed (after blanks) by the rules' key marker.
    private func keyKind() -> TokenKind? {
        var next = position
        while next < text.count, text[next] == " " || text[next] == "\t" { next += 1 }
        guard next < text.count else { return nil }
        switch rules.keys {
        case .lineStartBeforeColon:
            let after = next + 1 < text.count ? text[next + 1] : "\n"
            return text[next] == ":" && (after == " " || after == "\n" || after == "\t") ? .key : nil
        case .lineStartBeforeEquals:
            return text[next] == "=" || (text[next] == ":" && rules.lineComments.contains(";")) ? .key : nil
        case .none, .quotedBeforeColon:
            return nil
        }
    }

    /// Letters, digits, `_` and the rules' word characters (ASCII is decided without the
    /// Unicode tables, which cost more than everything else a character goes through).
    func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) || value == 0x5F
                || rules.wordCharacters.contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value)
    }

    func previousIsWord() -> Bool {
        position > 0 && isWord(text[position - 1])
    }

    func matches(_ marker: String, at index: Int) -> Bool {
        guard index < text.count, let first = marker.unicodeScalars.first, text[index] == first else { return false }
        var offset = index
        for scalar in marker.unicodeScalars {
            guard offset < text.count, text[offset] == scalar else { return false }
            offset += 1
        }
        return true
    }

    func find(_ marker: String, from index: Int) -> Int? {
        var offset = index
        while offset < text.count {
            if matches(marker, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    func lineEnd(from index: Int) -> Int {
        var offset = index
        while offset < text.count, text[offset] != "\n" { offset += 1 }
        return offset
    }
}
