/// A priority queue of scheduled actions ordered by (time, sequence number).
///
/// The sequence number is the insertion order, so actions scheduled for the same
/// millisecond run in the order they were scheduled: the simulation is deterministic.
///
/// Almost every action is scheduled a fixed delay after the current time (an invocation's
/// runtime, a 1 min retry, a visibility timeout), and the clock only moves forward, so the
/// actions that share a delay arrive already sorted. Each of the few most recent delays gets
/// a FIFO lane; the earliest action is the earliest lane head, found by a short scan instead
/// of a heap's log n moves. Actions with any other delay go to a binary heap. Both give the
/// same order: (time, sequence).
struct EventQueue<Payload> {
    /// How many delays get a lane of their own.
    static var laneLimit: Int { 8 }

    private var lanes: [FIFOLane<Payload>] = []
    private var heap = BinaryHeap<Payload>()
    private var nextSequence: UInt64 = 0
    /// Where the earliest action is: a lane index, `heapSource`, or `unknownSource`.
    private var best = EventQueue.unknownSource
    private static var heapSource: Int { -1 }
    private static var unknownSource: Int { -2 }
    private var storedCount = 0

    var isEmpty: Bool { storedCount == 0 }

    /// Schedules `payload` at `time`, which is `time - now` after the current time `now`.
    /// `now` must never decrease from one call to the next.
    mutating func schedule(_ payload: Payload, at time: Int64, now: Int64) {
        let entry = TimedEntry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        storedCount += 1
        let source = place(entry, delay: time - now)
        if storedCount == 1 {
            best = source
        } else if best != Self.unknownSource, let current = head(of: best),
            entry.precedes(time: current.time, sequence: current.sequence)
        {
            best = source
        }
    }

    /// The time of the earliest action.
    var nextTime: Int64? {
        mutating get {
            if storedCount == 0 { return nil }
            if best == Self.unknownSource { best = findBest() }
            return head(of: best)!.time
        }
    }

    /// Removes and returns the earliest action.
    mutating func pop() -> (time: Int64, payload: Payload)? {
        if storedCount == 0 { return nil }
        if best == Self.unknownSource { best = findBest() }
        let entry = best == Self.heapSource ? heap.removeFirst()! : lanes[best].removeFirst()
        storedCount -= 1
        best = Self.unknownSource
        return (entry.time, entry.payload)
    }

    /// Removes every action, in no particular order.
    mutating func drain() -> [Payload] {
        var payloads: [Payload] = []
        payloads.reserveCapacity(storedCount)
        for lane in lanes {
            while !lane.isEmpty { payloads.append(lane.removeFirst().payload) }
        }
        while let entry = heap.removeFirst() { payloads.append(entry.payload) }
        storedCount = 0
        best = Self.unknownSource
        return payloads
    }

    /// Appends to the lane of `delay` (claiming an empty lane if needed) or to the heap;
    /// returns where the entry went.
    private mutating func place(_ entry: TimedEntry<Payload>, delay: Int64) -> Int {
        var spare: Int?
        for index in lanes.indices {
            let lane = lanes[index]
            if lane.delay == delay {
                if lane.isEmpty || lane.lastTime <= entry.time {
                    lane.append(entry)
                    return index
                }
                break
            }
            if spare == nil, lane.isEmpty { spare = index }
        }
        if let spare {
            lanes[spare].delay = delay
            lanes[spare].append(entry)
            return spare
        }
        if lanes.count < Self.laneLimit {
            let lane = FIFOLane<Payload>(delay: delay)
            lane.append(entry)
            lanes.append(lane)
            return lanes.count - 1
        }
        heap.insert(entry)
        return Self.heapSource
    }

    private func head(of source: Int) -> (time: Int64, sequence: UInt64)? {
        if source == Self.heapSource { return heap.first }
        let lane = lanes[source]
        return lane.isEmpty ? nil : lane.first
    }

    /// The source holding the earliest action; only when something is stored.
    private func findBest() -> Int {
        var bestSource = Self.heapSource
        var bestKey = heap.first ?? (Int64.max, UInt64.max)
        for index in lanes.indices {
            let lane = lanes[index]
            guard !lane.isEmpty else { continue }
            let key = lane.first
            if key.time < bestKey.time || (key.time == bestKey.time && key.sequence < bestKey.sequence) {
                bestSource = index
                bestKey = key
            }
        }
        return bestSource
    }
}
