import Foundation
import NotesCore

/// The terms of each ASCII word met so far, shared by every page being counted.
///
/// Why: a site's pages use the same words (a note on SQS and its neighbours all write
/// `VisibilityTimeout`), and splitting at camelCase, lowercasing, stemming and hashing each
/// part gave every page the same keys again, a sixth of what counting a page cost. A word's
/// split is a function of its bytes alone, so it is made once per process and found again
/// by the bytes (kept, so that words whose hashes collide are told apart). The table is
/// emptied when it holds `limit` words, so a long preview session does not grow it forever.
final class WordSplits: @unchecked Sendable {
    /// A word's terms: each one's key (`TermKey.word`) and text, in the word's order.
    struct Split {
        let keys: [UInt64]
        let texts: [String]
    }

    static let shared = WordSplits()
    /// The most words kept at once.
    static let limit = 1 << 16

    private let lock = NSLock()
    // Read and written under `lock` only (unchecked: a dynamic exclusivity check per access
    // cost more than the lookup).
    @exclusivity(unchecked) private var table = WordTable()
    @exclusivity(unchecked) private var splits: [Split] = []

    /// The split of `word` (ASCII letters and digits), whose `FNV1a` hash is `hash`.
    func split(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Split {
        lock.lock()
        if let number = table.find(word, hash: hash) {
            let split = splits[number]
            lock.unlock()
            return split
        }
        lock.unlock()
        let split = Self.make(word)
        lock.lock()
        defer { lock.unlock() }
        if table.find(word, hash: hash) == nil {
            if splits.count >= Self.limit {
                table = WordTable()
                splits.removeAll()
            }
            table.insert(word, hash: hash)
            splits.append(split)
        }
        return split
    }

    /// Splits a word at camelCase boundaries and gives each part's key and text, lowercased,
    /// cut to `SearchTokenizer.longestWord` letters and stemmed; a word of several parts also
    /// as a whole (`SearchTokenizer.wordTerms`).
    static func make(_ word: UnsafeBufferPointer<UInt8>) -> Split {
        var keys: [UInt64] = []
        var texts: [String] = []
        var part: [UInt8] = []
        func add(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            part.removeAll(keepingCapacity: true)
            for byte in bytes.prefix(SearchTokenizer.longestWord) { part.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
            _ = EnglishStemmer.stem(&part)
            keys.append(part.withUnsafeBufferPointer { TermKey.word(utf8: $0, first: UInt32(part[0]), second: part.count > 1 ? UInt32(part[1]) : 0) })
            texts.append(String(decoding: part, as: UTF8.self))
        }
        var partStart = 0
        func isUpper(_ index: Int) -> Bool { index < word.count && word[index] >= 0x41 && word[index] <= 0x5A }
        func isLower(_ index: Int) -> Bool { index >= 0 && index < word.count && word[index] >= 0x61 && word[index] <= 0x7A }
        for index in 1...word.count {
            let cut = index == word.count || (isUpper(index) && (isLower(index - 1) || (isUpper(index - 1) && isLower(index + 1))))
            guard cut else { continue }
            add(word[partStart..<index])
            partStart = index
        }
        if keys.count > 1 { add(word[...]) }
        return Split(keys: keys, texts: texts)
    }
}
