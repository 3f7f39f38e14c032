import NotesCore

/// A term as a 64-bit number while a build counts and merges terms: a page of Japanese has
/// thousands of character pairs, and numbers are counted without making a string for each.
///
/// The top two bits say what the term is: a CJK pair, a CJK character that ends a run of
/// CJK text, or a word (whose string a `CountedDocument` keeps beside it). The bits below
/// begin with the term's shard (the first character, or a hash of a word's first two), so
/// `partition` can group whole shards.
enum TermKey {
    static let single: UInt64 = 1 << 62
    static let pair: UInt64 = 2 << 62
    static let word: UInt64 = 3 << 62
    private static let kind: UInt64 = 3 << 62

    static func single(_ scalar: UInt32) -> UInt64 { single | UInt64(scalar) }

    static func pair(_ first: UInt32, _ second: UInt32) -> UInt64 { pair | UInt64(first) << 21 | UInt64(second) }

    /// The key of a word: a hash of its first two characters (its shard), then a hash of
    /// its UTF-8 bytes.
    static func word(_ text: String) -> UInt64 {
        var scalars = text.unicodeScalars.makeIterator()
        let first = scalars.next()?.value ?? 0
        let second = scalars.next()?.value ?? 0
        var text = text
        return text.withUTF8 { word(utf8: $0, first: first, second: second) }
    }

    /// The key of a word given as bytes and its first two characters (0: none).
    static func word(utf8: UnsafeBufferPointer<UInt8>, first: UInt32, second: UInt32) -> UInt64 {
        let shard = (UInt64(first) &* 0x9E37_79B1 ^ UInt64(second)) & 0xF_FFFF
        return word | shard << 40 | (FNV1a.hash(utf8) & 0xFF_FFFF_FFFF)
    }

    /// The merge partition of a term: every term of one shard has the same.
    static func partition(_ key: UInt64) -> Int {
        let shard: UInt64
        switch key & kind {
        case word: shard = key >> 40 & 0xF_FFFF
        case pair: shard = key >> 21 & 0x1F_FFFF
        default: shard = key & 0x1F_FFFF
        }
        return Int(shard % UInt64(IndexPartition.count))
    }

    /// The shard of a term whose text is `text`, as a number: the same for every term of a
    /// shard and different between shards (`SearchTokenizer.shardKey` gives its name).
    static func shard(_ key: UInt64, text: String) -> UInt64 {
        switch key & kind {
        case word:
            var scalars = text.unicodeScalars.makeIterator()
            let first = UInt64(scalars.next()?.value ?? 0)
            let second = UInt64(scalars.next()?.value ?? 0)
            return 1 << 63 | first << 21 | second
        case pair: return key >> 21 & 0x1F_FFFF
        default: return key & 0x1F_FFFF
        }
    }

    /// The term's text (`words` holds the text of word keys).
    static func text(_ key: UInt64, words: WordTexts) -> String {
        isWord(key) ? words[key] ?? "" : characters(key) ?? ""
    }

    /// Whether `key` is a word's (its text is kept apart: `WordTexts`).
    static func isWord(_ key: UInt64) -> Bool {
        key & kind == word
    }

    /// The text of a pair's or a single character's key; nil for a word's key and for a key
    /// no count makes (no kind, or a number that is no character), such as one read from
    /// damaged bytes (`KeptTerms`).
    static func characters(_ key: UInt64) -> String? {
        switch key & kind {
        case pair:
            guard key >> 42 & 0xFFFFF == 0, let first = Unicode.Scalar(UInt32(key >> 21 & 0x1F_FFFF)), let second = Unicode.Scalar(UInt32(key & 0x1F_FFFF))
            else { return nil }
            var text = String(first)
            text.unicodeScalars.append(second)
            return text
        case single:
            guard key >> 21 & 0x1FF_FFFF_FFFF == 0, let scalar = Unicode.Scalar(UInt32(key & 0x1F_FFFF)) else { return nil }
            return String(scalar)
        default: return nil
        }
    }
}
