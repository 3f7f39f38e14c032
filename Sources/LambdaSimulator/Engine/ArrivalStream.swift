/// The input events or records of a scenario, produced lazily in arrival order.
///
/// Groups are merged by (time, group index), so ids follow arrival order with equal times in
/// list order, and a million arrivals never sit in memory at once. The groups' next arrivals
/// wait in a heap: a scenario of a thousand bursts took each arrival's next by scanning
/// every group, more than half of its simulation time.
struct ArrivalStream {
    /// One arrival.
    struct Arrival {
        var id: Int
        var time: Int64
        var group: Int
        var size: Int64
    }

    private let groups: [ArrivalGroup]
    private var emitted: [Int]
    private var nextID = 1
    /// Each group with arrivals left, at the time of its next one (sequence: its index);
    /// used past `scanLimit` groups, below which a scan costs less than the heap.
    private var pending = BinaryHeap<Int>()
    private let usesHeap: Bool
    /// The most groups scanned for each arrival (a heap costs about 280 instructions an
    /// arrival; a scan about 10 a group).
    static let scanLimit = 16

    init(groups: [ArrivalGroup]) {
        self.groups = groups
        self.emitted = Array(repeating: 0, count: groups.count)
        usesHeap = groups.count > Self.scanLimit
        if usesHeap {
            for index in groups.indices where groups[index].count > 0 { schedule(index) }
        }
        findNext()
    }

    /// The time of the next arrival, if any.
    private(set) var nextTime: Int64?
    /// The group the next arrival comes from.
    private var nextGroup = 0

    /// Takes the next arrival.
    mutating func next() -> Arrival? {
        guard let time = nextTime else { return nil }
        let group = nextGroup
        emitted[group] += 1
        if usesHeap { advanceInHeap(group) }
        defer {
            nextID += 1
            findNext()
        }
        return Arrival(id: nextID, time: time, group: group, size: groups[group].size)
    }

    /// The group stays in the heap at its next arrival, or leaves it when it has none. Kept
    /// out of line so that `next` stays small enough to be inlined into the engine's loop
    /// (the one-group workloads never take this path).
    @inline(never)
    private mutating func advanceInHeap(_ group: Int) {
        if emitted[group] < groups[group].count {
            pending.delayFirst(to: arrivalTime(group))
        } else {
            _ = pending.removeFirst()
        }
    }

    private mutating func schedule(_ group: Int) {
        pending.insert(TimedEntry(time: arrivalTime(group), sequence: UInt64(group), payload: group))
    }

    /// The earliest pending arrival; ties go to the group listed first (its sequence, or the
    /// scan's order).
    private mutating func findNext() {
        if usesHeap {
            nextTime = pending.first?.time
            nextGroup = pending.first.map { Int($0.sequence) } ?? 0
            return
        }
        nextTime = nil
        for index in groups.indices where emitted[index] < groups[index].count {
            let time = arrivalTime(index)
            if nextTime == nil || time < nextTime! {
                nextTime = time
                nextGroup = index
            }
        }
    }

    private func arrivalTime(_ index: Int) -> Int64 {
        groups[index].at + Int64(emitted[index]) * groups[index].every
    }
}
