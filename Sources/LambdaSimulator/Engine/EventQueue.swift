/// A priority queue of scheduled actions ordered by (time, sequence number).
///
/// The sequence number is the insertion order, so actions scheduled for the same
/// millisecond run in the order they were scheduled: the simulation is deterministic.
/// The heap moves only small keys; payloads wait in a slot array until popped.
struct EventQueue<Payload> {
    private struct Key {
        var time: Int64
        var sequence: UInt64
        var slot: Int

        @inline(__always)
        func precedes(_ other: Key) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    private var heap: [Key] = []
    private var payloads: [Payload?] = []
    private var freeSlots: [Int] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The time of the earliest action.
    var nextTime: Int64? { heap.first?.time }

    mutating func schedule(_ payload: Payload, at time: Int64) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            payloads[slot] = payload
        } else {
            slot = payloads.count
            payloads.append(payload)
        }
        heap.append(Key(time: time, sequence: nextSequence, slot: slot))
        nextSequence &+= 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest action.
    mutating func pop() -> (time: Int64, payload: Payload)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        let payload = payloads[first.slot].take()!
        freeSlots.append(first.slot)
        return (first.time, payload)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let entry = heap[parent]
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            let child = right < count && heap[right].precedes(heap[left]) ? right : left
            guard heap[child].precedes(entry) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = entry
    }
}
