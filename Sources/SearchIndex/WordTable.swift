#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers words by their bytes in an open-addressing table keyed by their hash: the page's
/// table of words (`WordTerms`) and the shared one of splits (`WordSplits`).
///
/// Why its own table: a dictionary keyed by the bytes would hash each word a second time
/// and make an array per lookup.
struct WordTable {
    /// For each slot, the number of the word in it plus one (0: empty).
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// Each word's bytes: `bytes[starts[n]..<starts[n + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]

    /// A table with room for `words` words of `bytes` bytes in all before its arrays grow
    /// (a page's table is made for every page: growing each array from empty cost more than
    /// its words).
    init(words: Int = 0, bytes byteCount: Int = 0) {
        var size = 64
        while size < words * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        hashes.reserveCapacity(words)
        bytes.reserveCapacity(byteCount)
        starts.reserveCapacity(words + 1)
    }

    /// The number of `word` (hash `hash`), or nil when it holds no such word.
    @inline(__always)
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash >> 32) & (slots.count - 1)
            while slots[slot] != 0 {
                let number = Int(slots[slot]) - 1
                if hashes[number] == hash, sameBytes(word, number: number) { return number }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Adds `word` (not held yet, hash `hash`) as number `count`.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash >> 32) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(hashes.count + 1)
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        if hashes.count * 2 > slots.count { grow() }
    }

    /// Whether word `number` has the bytes of `word` (one `memcmp`, not a loop per byte).
    private func sameBytes(_ word: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        let start = Int(starts[number])
        guard Int(starts[number + 1]) - start == word.count else { return false }
        guard let wordStart = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, wordStart, word.count) == 0 }
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
