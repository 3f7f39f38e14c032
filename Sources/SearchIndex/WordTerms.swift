/// The words of the page being counted: the text of each word key, and the keys each ASCII
/// word gave, by the word as written.
///
/// Why: a page repeats its words (a note on SQS writes `VisibilityTimeout` again and again),
/// and splitting, lowercasing, stemming and hashing a word again gives the same keys; the
/// second time they are found by the word's bytes. The bytes are kept, so two words whose
/// hashes collide are still told apart.
struct WordTerms {
    /// The text of each word key (`TermKey.text` reads it).
    var texts: [UInt64: String] = [:]
    private var seen: [UInt64: [(word: [UInt8], keys: [UInt64])]] = [:]

    /// The keys `word` gave when it was last counted (its bytes hash to `hash`), if it was.
    func keys(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> [UInt64]? {
        seen[hash]?.first { $0.word.elementsEqual(word) }?.keys
    }

    /// Remembers the keys of `word` (whose bytes hash to `hash`).
    mutating func remember(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, keys: [UInt64]) {
        seen[hash, default: []].append((Array(word), keys))
    }
}
