/// The input events or records of a scenario, produced lazily in arrival order.
///
/// Groups are merged by (time, group index), so ids follow arrival order with equal times in
/// list order, and a million arrivals never sit in memory at once.
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

    init(groups: [ArrivalGroup]) {
        self.groups = groups
        self.emitted = Array(repeating: 0, count: groups.count)
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
        defer {
            nextID += 1
            findNext()
        }
        return Arrival(id: nextID, time: time, group: group, size: groups[group].size)
    }

    /// Finds the earliest pending arrival; ties go to the group listed first.
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

    private func arrivalTime(_ index: Int) -> Int64 {
        groups[index].at + Int64(emitted[index]) * groups[index].every
    }
}
