/// Eight counters stored inline: the engine's counts of outcomes and of delivery routes.
///
/// Why not an `[Int]`: an array is checked for uniqueness on every increment (a call into the
/// runtime), and every settled input is counted. A tuple has no storage of its own to check.
/// Not for `TraceSummary`: 64 bytes would no longer fit the sink existential's inline buffer,
/// and every settle would then check the existential's box for uniqueness instead.
struct InlineCounts: Sendable, Equatable {
    private var storage: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// How many counters there are.
    static var count: Int { 8 }

    /// The counter at `index` (0 ..< 8).
    subscript(index: Int) -> Int {
        precondition(index >= 0 && index < Self.count, "InlineCounts index out of range")
        return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: index &* 8, as: Int.self) }
    }

    /// Adds one to the counter of each bit set in `bits` (bit n: counter n).
    @inline(__always)
    mutating func addOne(forEachBitOf bits: UInt8) {
        var bits = bits
        while bits != 0 {
            increment(bits.trailingZeroBitCount)
            bits &= bits &- 1
        }
    }

    /// Adds one to the counter at `index`, in place (the subscript's getter reads a copy).
    @inline(__always)
    mutating func increment(_ index: Int) {
        precondition(index >= 0 && index < Self.count, "InlineCounts index out of range")
        withUnsafeMutableBytes(of: &storage) { bytes in
            let offset = index &* 8
            bytes.storeBytes(of: bytes.load(fromByteOffset: offset, as: Int.self) + 1, toByteOffset: offset, as: Int.self)
        }
    }

    static func == (lhs: InlineCounts, rhs: InlineCounts) -> Bool {
        (0..<count).allSatisfy { lhs[$0] == rhs[$0] }
    }
}

extension InlineCounts {
    /// The counters of `counts`, each at its key's `position`.
    init<Key>(_ counts: [Key: Int], _ position: (Key) -> Int) {
        self.init()
        for (key, count) in counts {
            let index = position(key)
            precondition(index >= 0 && index < Self.count, "InlineCounts index out of range")
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: count, toByteOffset: index &* 8, as: Int.self) }
        }
    }

    /// The counters above zero as a map, each key's counter read at its `position`.
    func map<Key: Hashable>(_ keys: [Key], _ position: (Key) -> Int) -> [Key: Int] {
        var map: [Key: Int] = [:]
        for key in keys where self[position(key)] > 0 { map[key] = self[position(key)] }
        return map
    }
}
