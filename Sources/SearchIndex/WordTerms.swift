import NotesCore

/// The words of the page being counted: the keys each ASCII word gave, found again by the
/// word's bytes, and the text of each word key.
///
/// Why: a page repeats its words (a note on SQS writes `VisibilityTimeout` again and again),
/// and splitting, lowercasing, stemming and hashing a word again gives the same keys; the
/// second time they are found by the word's bytes, in an open-addressing table of numbers
/// (a dictionary hashed each word's hash again and made an array per word). The bytes are
/// kept, so two words whose hashes collide are still told apart.
struct WordTerms {
    /// The text of each word key (`TermKey.text` reads it).
    var texts = WordTexts()
    /// For each slot, the number of the word in it plus one (0: empty).
    private var slots = [Int32](repeating: 0, count: 64)
    private var hashes: [UInt64] = []
    /// Each word's bytes (`wordBytes[wordStarts[n]..<wordStarts[n + 1]]`) and keys (likewise).
    private var wordBytes: [UInt8] = []
    private var wordStarts: [Int32] = [0]
    private var keys: [UInt64] = []
    private var keyStarts: [Int32] = [0]
    private var part: [UInt8] = []

    /// Counts the terms of an ASCII word with `adder`; returns how many it had.
    mutating func countASCII(_ word: UnsafeBufferPointer<UInt8>, weight: Int32, adder: inout TermCounter.Cursor) -> Int {
        let hash = FNV1a.hash(word)
        var slot = Int(truncatingIfNeeded: hash >> 32) & (slots.count - 1)
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if hashes[number] == hash, sameBytes(word, number: number) {
                let range = Int(keyStarts[number])..<Int(keyStarts[number + 1])
                keys.withUnsafeBufferPointer { keys in
                    for index in range { adder.add(keys[index], weight) }
                }
                return range.count
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let before = keys.count
        split(word, weight: weight, adder: &adder)
        slots[slot] = Int32(hashes.count + 1)
        hashes.append(hash)
        wordBytes.append(contentsOf: word)
        wordStarts.append(Int32(wordBytes.count))
        keyStarts.append(Int32(keys.count))
        if hashes.count * 2 > slots.count { grow() }
        return keys.count - before
    }

    private func sameBytes(_ word: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        let start = Int(wordStarts[number])
        guard Int(wordStarts[number + 1]) - start == word.count else { return false }
        return wordBytes.withUnsafeBufferPointer { stored in
            for index in 0..<word.count where stored[start + index] != word[index] { return false }
            return true
        }
    }

    /// Splits a new word at camelCase boundaries, lowercases and stems each part, counts
    /// the parts' keys and appends them to `keys`.
    private mutating func split(_ word: UnsafeBufferPointer<UInt8>, weight: Int32, adder: inout TermCounter.Cursor) {
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
                if adder.add(key, weight) { texts.add(key, String(decoding: part, as: UTF8.self)) }
                keys.append(key)
            }
            partStart = index
        }
    }

    /// Doubles the table of slots.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash >> 32) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number + 1)
        }
    }
}

/// The text of a document's word keys: a page has a few dozen, looked up when a partition
/// first meets a key.
struct WordTexts: Sendable {
    private var keys: [UInt64] = []
    private var texts: [String] = []
    private var sorted = true

    /// Adds the text of a key not added before.
    mutating func add(_ key: UInt64, _ text: String) {
        if let last = keys.last, last > key { sorted = false }
        keys.append(key)
        texts.append(text)
    }

    /// Sorts the keys when there are enough for `subscript` to search them by halves (done
    /// once, when the page is counted; a few dozen are read one by one).
    mutating func seal() {
        guard !sorted, keys.count > 64 else { return }
        var pairs = zip(keys, texts).map { (key: $0, text: $1) }
        pairs.sort { $0.key < $1.key }
        keys = pairs.map(\.key)
        texts = pairs.map(\.text)
        sorted = true
    }

    /// The text of `key`; nil when it is no word key of the page.
    subscript(key: UInt64) -> String? {
        guard sorted else { return keys.firstIndex(of: key).map { texts[$0] } }
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? texts[low] : nil
    }
}
