#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    fileprivate(set) var count = 0

    /// A table with room for about `expected` different keys before it grows.
    init(expected: Int) {
        var size = 64
        while size < expected * 2 { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        // memset: `initialize(repeating:count:)` stored one slot at a time.
        memset(slots, 0, size * MemoryLayout<Int32>.stride)
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

    /// Calls `body` with the keys and their counts in place, in the order keys came.
    func withStores<Result>(_ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Int32>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: keyStore, count: count), UnsafeBufferPointer(start: countStore, count: count))
    }

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

    /// A cursor over the table for a loop that adds many keys (`Cursor`).
    func cursor() -> Cursor {
        Cursor(counter: self, slots: slots, mask: mask, keyStore: keyStore, countStore: countStore, count: count)
    }

    /// Adds keys with the table's pointers and size held in the loop's own variables.
    ///
    /// Why: the term scan adds a key per character; through the class, each add loaded the
    /// table's five fields again (a store through one of its pointers might have changed
    /// them). The counter must not be used directly between `cursor()` and `store()`.
    struct Cursor {
        let counter: TermCounter
        var slots: UnsafeMutablePointer<Int32>
        var mask: Int
        var keyStore: UnsafeMutablePointer<UInt64>
        var countStore: UnsafeMutablePointer<Int32>
        var count: Int

        /// Adds `weight` to the count of `key`; true when the key was new.
        @inline(__always)
        @discardableResult
        mutating func add(_ key: UInt64, _ weight: Int32) -> Bool {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while true {
                let found = Int(slots[slot])
                if found == 0 { break }
                if keyStore[found &- 1] == key {
                    countStore[found &- 1] &+= weight
                    return false
                }
                slot = (slot &+ 1) & mask
            }
            keyStore[count] = key
            countStore[count] = weight
            count &+= 1
            slots[slot] = Int32(truncatingIfNeeded: count)
            if count &* 2 > mask { grow() }
            return true
        }

        /// Hands the keys added back to the counter, which may then be used directly.
        func store() {
            counter.count = count
        }

        /// Takes up the counter's table again after it was used directly.
        mutating func reload() {
            self = counter.cursor()
        }

        private mutating func grow() {
            store()
            counter.grow()
            reload()
        }
    }

    /// Doubles the table, keeping every key's number (the key and count stores hold half as
    /// many keys as there are slots, plus one).
    fileprivate func grow() {
        let size = (mask + 1) * 2
        mask = size - 1
        slots.deallocate()
        slots = .allocate(capacity: size)
        memset(slots, 0, size * MemoryLayout<Int32>.stride)
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
