/// A set of small lane numbers taken out in ascending order, with no hashing and no
/// allocation once it has grown to its working size.
///
/// Why: the lanes that arrivals touched in one millisecond are filled when it ends, which
/// happens once per record on a busy topic; a `Set<Int>` hashed every insertion and
/// allocated a table and a sorted array every millisecond (issue 24: half the instructions
/// of the Kafka workload). A flag per lane and a list in insertion order do the same work.
struct LaneSet {
    /// Whether each lane is in the set, indexed by lane.
    private var marked: [Bool] = []
    /// The lanes in the set are `slots[0..<count]`, in insertion order; slots past `count`
    /// are storage kept for the next millisecond.
    private var slots: [Int] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds a lane (a no-op when it is already in).
    @inline(__always)
    mutating func insert(_ lane: Int) {
        if lane >= marked.count {
            marked.append(contentsOf: repeatElement(false, count: lane + 1 - marked.count))
        }
        guard !marked[lane] else { return }
        marked[lane] = true
        if count < slots.count {
            slots[count] = lane
        } else {
            slots.append(lane)
        }
        count += 1
    }

    /// Empties the set and returns how many lanes it held; until the next `insert`,
    /// `drained(_:)` reads them in ascending order. (A closure over the engine here would
    /// overlap the engine's access to the set.)
    mutating func drainSorted() -> Int {
        let lanes = count
        if lanes > 1 { slots[0..<lanes].sort() }
        for index in 0..<lanes { marked[slots[index]] = false }
        count = 0
        return lanes
    }

    /// The `index`th lane, in ascending order, of the last `drainSorted()`.
    @inline(__always)
    func drained(_ index: Int) -> Int { slots[index] }
}
