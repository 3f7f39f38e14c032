extension Tokenizer {
    /// A word: a key when the rules say so and `:` or `=` follows, else a keyword, a
    /// literal, or plain.
    mutating func word() -> TokenKind? {
        let start = position
        let lineStart = atLineStart
        while position < text.count, isWord(text[position]) { position += 1 }
        let word = String(String.UnicodeScalarView(text[start..<position]))
        if lineStart, let key = keyKind() { return key }
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

    func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil || rules.wordCharacters.contains(scalar)
    }

    func previousIsWord() -> Bool {
        position > 0 && isWord(text[position - 1])
    }

    func matches(_ marker: String, at index: Int) -> Bool {
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
