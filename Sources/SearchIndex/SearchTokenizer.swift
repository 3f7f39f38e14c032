import Foundation
import NotesCore

/// Turns text into search terms, the same way for the index and for a query.
///
/// No dictionary: Japanese (and any CJK script) is cut into overlapping character bigrams
/// (a one-character query finds the pages of the pairs that start with its character, see
/// `indexTerms`); other scripts into words, split at camelCase boundaries
/// (`VisibilityTimeout` gives `visibility` and `timeout`, so the property name and the two
/// words find each other), case-folded and stemmed (`EnglishStemmer`). Text is NFKC-folded
/// first: full-width `ＳＱＳ` and half-width `ｶﾀｶﾅ` are the same terms as `SQS` and `カタカナ`.
/// The theme's `search.js` repeats the query rules in JavaScript; one list of cases
/// (`TokenizerCases.json`) checks both (`TokenizerCaseTests`, `SearchBrowserTests`).
public enum SearchTokenizer {
    /// A longer word is cut to its first this many letters, in the index and in a query alike
    /// (so it is still found), which keeps hashes and base64 from bloating a shard.
    public static let longestWord = 40

    /// How a character takes part in terms.
    enum CharacterClass: Equatable {
        case cjk
        case word
        case separator
    }

    /// A run of characters of one class, as the tokenizer cuts text.
    enum Run {
        case cjk([Unicode.Scalar])
        case word(String)
    }

    /// The distinct terms of `text` as the index counts them (`TermScan`), in the order they
    /// first come. A CJK run gives its pairs and, for its last character, that character
    /// alone: every character then starts exactly one term, and a one-character query
    /// gathers the terms of its shard (all start with it).
    public static func indexTerms(_ text: String) -> [String] {
        let folded = needsFolding(text) ? fold(text) : text
        let counter = TermCounter(expected: 64)
        var scan = TermScan(counter: counter)
        scan.count(folded, weight: 1)
        return counter.keys.map { TermKey.text($0, words: scan.words.texts) }
    }

    /// The terms of a query, in order and without repeats: a CJK run's bigrams (its one
    /// character when it has only one), each word part's stem.
    public static func queryTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var seen: Set<String> = []
        func add(_ term: String) {
            if seen.insert(term).inserted { terms.append(term) }
        }
        forEachRun(in: text) { run in
            switch run {
            case .cjk(let scalars):
                if scalars.count == 1 { add(String(scalars[0])) }
                for index in scalars.indices.dropLast() { add(bigram(scalars[index], scalars[index + 1])) }
            case .word(let word):
                wordTerms(word, whole: false).forEach(add)
            }
        }
        return terms
    }

    /// The shard a term is stored in: its first character when that is CJK, else its first
    /// two (a word's shard then holds every word a typed prefix of two letters may become).
    public static func shardKey(of term: String) -> String {
        let scalars = term.unicodeScalars
        guard let first = scalars.first else { return "" }
        if classify(first) == .cjk || scalars.count == 1 { return hex(first) }
        return hex(first) + "-" + hex(scalars[scalars.index(after: scalars.startIndex)])
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        String(scalar.value, radix: 16)
    }

    private static func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> String {
        var text = String(first)
        text.unicodeScalars.append(second)
        return text
    }

    /// The terms of one word: its camelCase parts, lowercased, cut to `longestWord`, stemmed;
    /// with `whole` (the index), a word of several parts also as one word (`DynamoDB`:
    /// `dynamo`, `db`, `dynamodb`), so that the name typed in one case finds it. A query keeps
    /// to the parts, which every page that has the name also has.
    static func wordTerms(_ word: String, whole: Bool) -> [String] {
        let parts = camelParts(word)
        var terms = parts.map { EnglishStemmer.stem(cut($0.lowercased())) }
        if whole, parts.count > 1 { terms.append(EnglishStemmer.stem(cut(word.lowercased()))) }
        return terms
    }

    /// The first `longestWord` letters of a word: the index and a query cut a long word
    /// alike, so it is still found.
    static func cut(_ word: String) -> String {
        word.unicodeScalars.count <= longestWord ? word : String(String.UnicodeScalarView(word.unicodeScalars.prefix(longestWord)))
    }

    /// The tokens a word counts for BM25's page length, of the `terms` the index gave it: its
    /// parts, not the whole word it also holds.
    static func tokens(ofTerms terms: Int) -> Int {
        terms > 1 ? terms - 1 : terms
    }

    /// Splits a word at ASCII case changes: `VisibilityTimeout` -> `Visibility`, `Timeout`;
    /// `SQSQueue` -> `SQS`, `Queue`; `Base64` stays whole.
    static func camelParts(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        var parts: [String] = []
        var start = 0
        func isUpper(_ index: Int) -> Bool { index < scalars.count && (0x41...0x5A).contains(scalars[index].value) }
        func isLower(_ index: Int) -> Bool { index >= 0 && index < scalars.count && (0x61...0x7A).contains(scalars[index].value) }
        for index in 1..<max(1, scalars.count) where isUpper(index) {
            if isLower(index - 1) || (isUpper(index - 1) && isLower(index + 1)) {
                parts.append(String(String.UnicodeScalarView(scalars[start..<index])))
                start = index
            }
        }
        parts.append(String(String.UnicodeScalarView(scalars[start...])))
        return parts.filter { !$0.isEmpty }
    }

    /// Cuts NFKC-folded text into runs of CJK characters and of word characters.
    static func forEachRun(in text: String, _ visit: (Run) -> Void) {
        let folded = needsFolding(text) ? fold(text) : text
        var cjk: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !cjk.isEmpty { visit(.cjk(cjk)) }
            if !word.isEmpty { visit(.word(String(word))) }
            cjk.removeAll(keepingCapacity: true)
            word = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            switch classify(scalar) {
            case .cjk:
                if !word.isEmpty { flush() }
                cjk.append(scalar)
            case .word:
                if !cjk.isEmpty { flush() }
                word.append(scalar)
            case .separator:
                flush()
            }
        }
        flush()
    }

    /// The text in NFKC. Foundation's NFKC leaves a half-width sound mark it maps (`ﾃﾞ`:
    /// `テ` and U+3099) beside its kana, where NFKC composes them (`デ`, as a browser's
    /// `normalize("NFKC")` does); composing once more (NFC) gives the one character, so the
    /// index holds the terms a query of `デ` or `ﾃﾞ` has.
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// Whether NFKC may change the text: false when every character is one that folding
    /// leaves alone (ASCII, kana, the common kanji and Japanese punctuation), the usual case,
    /// which then skips the normalization.
    static func needsFolding(_ text: String) -> Bool {
        var text = text
        return foldStable.withUnsafeBufferPointer { stable in
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    if bytes[index] < 0x80 {
                        index += 1
                        continue
                    }
                    let (value, width) = UTF8Scalar.decode(bytes, at: index)
                    if value > 0xFFFF || stable[Int(value >> 6)] & 1 << (value & 63) == 0 { return true }
                    index += width
                }
                return false
            }
        }
    }

    /// The characters of the Basic Multilingual Plane `needsFolding` lets through, one bit
    /// each: a lookup per character instead of a comparison per range.
    static let foldStable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        let ranges: [ClosedRange<UInt32>] = [
            0x3001...0x3002, 0x3005...0x3005, 0x300C...0x300F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FC, 0x4E00...0x9FFF,
        ]
        for range in ranges {
            for value in range { bits[Int(value >> 6)] |= 1 << (value & 63) }
        }
        return bits
    }()

    /// The class of a character: CJK by code point ranges (kana, ideographs, Hangul, the
    /// iteration marks and the long vowel mark), word for any other letter, number or mark.
    static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
        classify(scalar.value)
    }

    /// `classify` by code point: ASCII and the CJK ranges by comparison, the punctuation and
    /// kana blocks Japanese prose is full of (U+2000–U+30FF) from a table, anything else by
    /// its Unicode general category.
    static func classify(_ value: UInt32) -> CharacterClass {
        punctuationTable.withUnsafeBufferPointer { classify(value, table: $0) }
    }

    /// `classify` with `punctuationTable` at hand.
    @inline(__always)
    private static func classify(_ value: UInt32, table: UnsafeBufferPointer<CharacterClass>) -> CharacterClass {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            default: return .separator
            }
        }
        if value >= 0x4E00, value <= 0x9FFF { return .cjk }
        if value >= tableStart, value < tableEnd { return table[Int(value - tableStart)] }
        return classifyByProperties(value)
    }

    static let tableStart: UInt32 = 0x2000
    static let tableEnd: UInt32 = 0x3100
    /// `classifyByProperties` of U+2000–U+30FF, made once: the general category is a costly
    /// lookup, and `、` and `。` come every few characters.
    private static let punctuationTable: [CharacterClass] = (tableStart..<tableEnd).map(classifyByProperties)

    private static func classifyByProperties(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0x3005...0x3007, 0x3041...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return .cjk
        default:
            break
        }
        guard let scalar = Unicode.Scalar(value) else { return .separator }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
            .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return .word
        default:
            return .separator
        }
    }
}
