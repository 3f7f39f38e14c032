/// The characters of one word while the index counts terms, reused from word to word.
///
/// ASCII words (nearly all in notes: names such as `MaximumRetryAttempts`, English prose) are
/// split, lowercased and stemmed as bytes, and a string is made only for a word the page has
/// not had before; other words go through `SearchTokenizer.wordTerms`. Both give the same
/// keys for the same terms.
struct WordBuffer {
    var scalars: [Unicode.Scalar] = []
    private var part: [UInt8] = []

    /// Counts the terms of the word and empties the buffer; returns how many terms it had.
    mutating func count(weight: Int32, into counter: inout TermCounter, words: inout [UInt64: String]) -> Int {
        defer { scalars.removeAll(keepingCapacity: true) }
        guard scalars.allSatisfy({ $0.isASCII }) else {
            let terms = SearchTokenizer.wordTerms(String(String.UnicodeScalarView(scalars)))
            for term in terms {
                let key = TermKey.word(term)
                if words[key] == nil { words[key] = term }
                counter.add(key, weight)
            }
            return terms.count
        }
        var count = 0
        var start = 0
        func isUpper(_ index: Int) -> Bool { index < scalars.count && (0x41...0x5A).contains(scalars[index].value) }
        func isLower(_ index: Int) -> Bool { index >= 0 && index < scalars.count && (0x61...0x7A).contains(scalars[index].value) }
        for index in 1...scalars.count {
            let cut = index == scalars.count || (isUpper(index) && (isLower(index - 1) || (isUpper(index - 1) && isLower(index + 1))))
            guard cut else { continue }
            if index - start <= SearchTokenizer.longestWord {
                part.removeAll(keepingCapacity: true)
                for scalar in scalars[start..<index] {
                    let byte = UInt8(scalar.value)
                    part.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                }
                _ = EnglishStemmer.stem(&part)
                let key = TermKey.word(utf8: part, first: UInt32(part[0]), second: part.count > 1 ? UInt32(part[1]) : 0)
                if words[key] == nil { words[key] = String(decoding: part, as: UTF8.self) }
                counter.add(key, weight)
                count += 1
            }
            start = index
        }
        return count
    }
}
