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

    /// The term's text (`words` holds the text of word keys).
    static func text(_ key: UInt64, words: [UInt64: String]) -> String {
        switch key & kind {
        case word: return words[key] ?? ""
        case pair:
            var text = String(Unicode.Scalar(UInt32(key >> 21 & 0x1F_FFFF))!)
            text.unicodeScalars.append(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
            return text
        default: return String(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
        }
    }
}

/// Numbers and counts keys with an open-addressing table: a build adds tens of millions.
///
/// A key's number is its place in the order keys first came (`keys[number]`), which is also
/// the order of `counts`. A class over raw memory, not a struct of arrays: each add would
/// otherwise check two arrays for uniqueness and bounds, a third of its cost. One owner
/// uses it at a time (a page being counted, a partition being merged); it is never shared.
final class TermCounter {
    /// For each slot, the number of the key in it plus one (0: empty).
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    private var keyStore: UnsafeMutablePointer<UInt64>
    private var countStore: UnsafeMutablePointer<Int32>
    /// How many different keys were added.
    private(set) var count = 0

    /// A table with room for about `expected` different keys before it grows.
    init(expected: Int) {
        var size = 64
        while size < expected * 2 { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        keyStore = .allocate(capacity: size / 2 + 1)
        countStore = .allocate(capacity: size / 2 + 1)
    }

    deinit {
        slots.deallocate()
        keyStore.deallocate()
        countStore.deallocate()
    }

    /// The keys in the order they came.
    var keys: [UInt64] { Array(UnsafeBufferPointer(start: keyStore, count: count)) }
    /// Each key's count, in the order of `keys`.
    var counts: [Int32] { Array(UnsafeBufferPointer(start: countStore, count: count)) }

    /// The number of `key`, which is added (with count 0) when new.
    @inline(__always)
    func number(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let found = Int(slots[slot])
            if found == 0 { break }
            if keyStore[found - 1] == key { return found - 1 }
            slot = (slot + 1) & mask
        }
        keyStore[count] = key
        countStore[count] = 0
        count += 1
        slots[slot] = Int32(count)
        if count * 2 > mask { grow() }
        return count - 1
    }

    /// Adds `weight` to the count of `key`; true when the key was new.
    @inline(__always)
    @discardableResult
    func add(_ key: UInt64, _ weight: Int32) -> Bool {
        let known = count
        let number = number(of: key)
        countStore[number] &+= weight
        return count > known
    }

    /// Doubles the table, keeping every key's number (the key and count stores hold half as
    /// many keys as there are slots, plus one).
    private func grow() {
        let size = (mask + 1) * 2
        mask = size - 1
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: size / 2 + 1)
        keys.update(from: keyStore, count: count)
        keyStore.deallocate()
        keyStore = keys
        let counts = UnsafeMutablePointer<Int32>.allocate(capacity: size / 2 + 1)
        counts.update(from: countStore, count: count)
        countStore.deallocate()
        countStore = counts
        for index in 0..<count {
            var slot = Int(truncatingIfNeeded: (keyStore[index] &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
