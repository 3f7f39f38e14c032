import NotesCore

/// The word being read while the index counts terms: where it starts in the text's UTF-8,
/// and whether it is all ASCII.
///
/// ASCII words (nearly all in notes: names such as `MaximumRetryAttempts`, English prose) are
/// split, lowercased and stemmed as bytes, once per page (`WordTerms` keeps their keys), and a
/// string is made only for a term the page has not had before; other words go through
/// `SearchTokenizer.wordTerms`. Both give the same keys for the same terms.
struct WordBuffer {
    private var start = -1
    private var ascii = true
    private var part: [UInt8] = []

    /// Whether a word has started and not been counted.
    var isOpen: Bool { start >= 0 }

    /// Adds the character at byte `index` to the word (starting one if none is open).
    @inline(__always)
    mutating func extend(at index: Int, ascii isASCII: Bool) {
        if start < 0 {
            start = index
            ascii = true
        }
        ascii = ascii && isASCII
    }

    /// Counts the terms of the word, which ends before byte `end`, and closes it; returns how
    /// many terms it had.
    mutating func count(
        _ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int, weight: Int32, into counter: TermCounter, words: inout WordTerms
    ) -> Int {
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        start = -1
        guard ascii else {
            let terms = SearchTokenizer.wordTerms(String(decoding: word, as: UTF8.self))
            for term in terms {
                let key = TermKey.word(term)
                if counter.add(key, weight) { words.texts[key] = term }
            }
            return terms.count
        }
        let hash = FNV1a.hash(word)
        if let keys = words.keys(of: word, hash: hash) {
            for key in keys { counter.add(key, weight) }
            return keys.count
        }
        var keys: [UInt64] = []
        var partStart = 0
        func isUpper(_ index: Int) -> Bool { index < word.count && word[index] >= 0x41 && word[index] <= 0x5A }
        func isLower(_ index: Int) -> Bool { index >= 0 && index < word.count && word[index] >= 0x61 && word[index] <= 0x7A }
        for index in 1...word.count {
            let cut = index == word.count || (isUpper(index) && (isLower(index - 1) || (isUpper(index - 1) && isLower(index + 1))))
            guard cut else { continue }
            if index - partStart <= SearchTokenizer.longestWord {
                part.removeAll(keepingCapacity: true)
                for byte in word[partStart..<index] { part.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
                _ = EnglishStemmer.stem(&part)
                let key = part.withUnsafeBufferPointer { TermKey.word(utf8: $0, first: UInt32(part[0]), second: part.count > 1 ? UInt32(part[1]) : 0) }
                if counter.add(key, weight) { words.texts[key] = String(decoding: part, as: UTF8.self) }
                keys.append(key)
            }
            partStart = index
        }
        words.remember(word, hash: hash, keys: keys)
        return keys.count
    }
}
