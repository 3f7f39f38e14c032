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
    /// The same lanes, unretained (`lanes` owns them): appending through a strong reference
    /// read from `lanes` retained and released the lane on every `schedule`.
    private var laneRefs: [Unmanaged<FIFOLane<Payload>>] = []
    /// The delay each lane serves (actions at `now + delay`), apart from the lanes: a search
    /// among plain numbers, where reading each lane would retain and release it.
    private var laneDelays: [Int64] = []
    private var heap = BinaryHeap<Payload>()
    private var nextSequence: UInt64 = 0
    /// Where the earliest action is: a lane index, `heapSource`, or `unknownSource`.
    private var best = EventQueue.unknownSource
    /// The earliest action's time and sequence while `best` is known: a new action is
    /// compared with it without reading the lane again.
    private var bestKey: (time: Int64, sequence: UInt64) = (.max, .max)
    private static var heapSource: Int { -1 }
    private static var unknownSource: Int { -2 }
    private var storedCount = 0

    var isEmpty: Bool { storedCount == 0 }
    /// How many actions are scheduled.
    var count: Int { storedCount }

    /// Schedules `payload` at `time`, which is `time - now` after the current time `now`.
    /// `now` must never decrease from one call to the next.
    mutating func schedule(_ payload: Payload, at time: Int64, now: Int64) {
        let entry = TimedEntry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        storedCount += 1
        let source = place(entry, delay: time - now)
        if storedCount == 1 || (best != Self.unknownSource && entry.precedes(time: bestKey.time, sequence: bestKey.sequence)) {
            best = source
            bestKey = (entry.time, entry.sequence)
        }
    }

    /// The time of the earliest action.
    var nextTime: Int64? {
        mutating get {
            if storedCount == 0 { return nil }
            if best == Self.unknownSource { findBest() }
            return bestKey.time
        }
    }

    /// Removes and returns the earliest action.
    mutating func pop() -> (time: Int64, payload: Payload)? {
        if storedCount == 0 { return nil }
        if best == Self.unknownSource { findBest() }
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
    @inline(__always)
    private mutating func place(_ entry: TimedEntry<Payload>, delay: Int64) -> Int {
        if let index = laneDelays.firstIndex(of: delay) {
            let appended = laneRefs[index]._withUnsafeGuaranteedRef { lane in
                guard lane.isEmpty || lane.lastTime <= entry.time else { return false }
                lane.append(entry)
                return true
            }
            if appended { return index }
        }
        return placeWithoutLane(entry, delay: delay)
    }

    /// A delay no lane serves: an empty lane is claimed for it, or a new one made while there
    /// are fewer than `laneLimit`, else the entry goes to the heap.
    @inline(never)
    private mutating func placeWithoutLane(_ entry: TimedEntry<Payload>, delay: Int64) -> Int {
        if let spare = lanes.firstIndex(where: \.isEmpty) {
            laneDelays[spare] = delay
            lanes[spare].append(entry)
            return spare
        }
        if lanes.count < Self.laneLimit {
            let lane = FIFOLane<Payload>()
            lane.append(entry)
            lanes.append(lane)
            laneRefs.append(Unmanaged.passUnretained(lane))
            laneDelays.append(delay)
            return lanes.count - 1
        }
        heap.insert(entry)
        return Self.heapSource
    }

    /// Finds the source holding the earliest action and its key; only when something is
    /// stored.
    private mutating func findBest() {
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
        best = bestSource
        self.bestKey = bestKey
    }
}
