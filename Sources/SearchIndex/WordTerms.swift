import NotesCore

/// The words of the page being counted: the keys each ASCII word gave, found again by the
/// word's bytes, and the text of each word key.
///
/// Why: a page repeats its words (a note on SQS writes `VisibilityTimeout` again and again);
/// the second time its keys are found by the word's bytes in the page's own table
/// (`WordTable`, no lock), the first time in the splits shared by every page (`WordSplits`).
/// A word's keys are copied into the page's own list when it is first met: the shared
/// split's arrays are read by both cores, and holding them for each repeat counted their
/// references up and down from both, each count a cache line moved between the cores.
struct WordTerms {
    /// The text of each word key (`TermKey.text` reads it).
    var texts = WordTexts()
    /// About as many words as a page has, before the arrays grow.
    private var table = WordTable(words: 64, bytes: 1024)
    /// The keys of word number `n` in `table`: `keys[starts[n]..<starts[n + 1]]`.
    private var keys: [UInt64] = []
    private var starts: [Int] = [0]

    init() {
        keys.reserveCapacity(128)
        starts.reserveCapacity(65)
    }

    /// Counts the terms of an ASCII word whose `FNV1a` hash is `hash` with `adder`; returns
    /// how many it had.
    mutating func countASCII(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, weight: Int32, adder: inout TermCounter.Cursor) -> Int {
        if let number = table.find(word, hash: hash) {
            let range = starts[number]..<starts[number + 1]
            keys.withUnsafeBufferPointer { keys in
                for index in range { adder.add(keys[index], weight) }
            }
            return range.count
        }
        let split = WordSplits.shared.split(word, hash: hash)
        for (key, text) in zip(split.keys, split.texts) {
            if adder.add(key, weight) { texts.add(key, text) }
        }
        table.insert(word, hash: hash)
        keys.append(contentsOf: split.keys)
        starts.append(keys.count)
        return split.keys.count
    }
}

/// The text of a document's word keys: a page has a few dozen, looked up when a partition
/// first meets a key.
struct WordTexts: Sendable {
    private var keys: [UInt64] = []
    private var texts: [String] = []
    private var sorted = true
    /// The texts' UTF-8 bytes with, for each, room for its length (`KeptTerms` writes them).
    private(set) var textBytes = 0

    /// Adds the text of a key not added before.
    mutating func add(_ key: UInt64, _ text: String) {
        if let last = keys.last, last > key { sorted = false }
        keys.append(key)
        texts.append(text)
        textBytes += text.utf8.count + VarInt.longest
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
