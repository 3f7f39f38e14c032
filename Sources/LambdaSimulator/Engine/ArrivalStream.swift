/// The input events or records of a scenario, produced lazily in arrival order.
///
/// Groups are merged by (time, group index), so ids follow arrival order with equal times in
/// list order, and a million arrivals never sit in memory at once. The groups' next arrivals
/// wait in a heap: a scenario of a thousand bursts took each arrival's next by scanning
/// every group, more than half of its simulation time. The group arriving now stays out of
/// the heap while it is still the earliest, so a burst touches the heap only when it ends or
/// another group comes first.
struct ArrivalStream {
    /// One arrival.
    struct Arrival {
        var id: Int
        var time: Int64
        var group: Int
        var size: Int64
    }

    private let groups: [ArrivalGroup]
    /// Arrivals taken so far, per group (a `PlainList`: one changes on every arrival).
    private let emitted: PlainList<Int>
    private var nextID = 1
    /// Each group with arrivals left but the current one (`nextGroup`), at the time of its
    /// next one (sequence: its index); used past `scanLimit` groups, below which a scan costs
    /// less than the heap.
    private var pending = BinaryHeap<Int>()
    private let usesHeap: Bool
    /// The most groups scanned for each arrival (a heap costs about 280 instructions an
    /// arrival; a scan about 10 a group).
    static let scanLimit = 16

    init(groups: [ArrivalGroup]) {
        self.groups = groups
        self.emitted = PlainList(repeating: 0, count: groups.count)
        usesHeap = groups.count > Self.scanLimit
        if usesHeap {
            for index in groups.indices where groups[index].count > 0 { schedule(index) }
            takeFromHeap()
        } else {
            findNext()
        }
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
        defer { nextID += 1 }
        if usesHeap { advanceInHeap(group) } else { findNext() }
        return Arrival(id: nextID, time: time, group: group, size: groups[group].size)
    }

    /// The current group's next arrival, unless another group's in the heap comes first: the
    /// current one then waits in the heap in its place. Kept out of line so that `next` stays
    /// small enough to be inlined into the engine's loop (the one-group workloads never take
    /// this path).
    @inline(never)
    private mutating func advanceInHeap(_ group: Int) {
        guard emitted[group] < groups[group].count else { return takeFromHeap() }
        let time = arrivalTime(group)
        if let other = pending.first, other.time < time || (other.time == time && other.sequence < UInt64(group)) {
            let earliest = pending.replaceFirst(with: TimedEntry(time: time, sequence: UInt64(group), payload: group))
            nextTime = earliest.time
            nextGroup = earliest.payload
        } else {
            nextTime = time
        }
    }

    /// The heap's earliest group becomes the current one (none when the heap is empty).
    private mutating func takeFromHeap() {
        let earliest = pending.removeFirst()
        nextTime = earliest?.time
        nextGroup = earliest?.payload ?? 0
    }

    private mutating func schedule(_ group: Int) {
        pending.insert(TimedEntry(time: arrivalTime(group), sequence: UInt64(group), payload: group))
    }

    /// The earliest arrival of at most `scanLimit` groups; ties go to the group listed first.
    private mutating func findNext() {
        nextTime = nil
        for index in groups.indices where emitted[index] < groups[index].count {
            let time = arrivalTime(index)
            if nextTime == nil || time < nextTime! {
                nextTime = time
                nextGroup = index
            }
        }
    }

    @inline(__always)
    private func arrivalTime(_ index: Int) -> Int64 {
        groups[index].at + Int64(emitted[index]) * groups[index].every
    }
}
