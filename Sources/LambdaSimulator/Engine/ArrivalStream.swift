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
    }

    /// The time of the next arrival, if any.
    var nextTime: Int64? {
        var best: Int64?
        for index in groups.indices where emitted[index] < groups[index].count {
            let time = arrivalTime(index)
            if best == nil || time < best! { best = time }
        }
        return best
    }

    /// Takes the next arrival.
    mutating func next() -> Arrival? {
        var chosen: Int?
        var chosenTime: Int64 = 0
        for index in groups.indices where emitted[index] < groups[index].count {
            let time = arrivalTime(index)
            if chosen == nil || time < chosenTime {
                chosen = index
                chosenTime = time
            }
        }
        guard let index = chosen else { return nil }
        emitted[index] += 1
        defer { nextID += 1 }
        return Arrival(id: nextID, time: chosenTime, group: index, size: groups[index].size)
    }

    private func arrivalTime(_ index: Int) -> Int64 {
        groups[index].at + Int64(emitted[index]) * groups[index].every
    }
}
