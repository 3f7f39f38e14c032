/// A binary min-heap of entries ordered by (time, sequence number).
///
/// The heap moves only small keys; payloads wait in a slot array until popped.
struct BinaryHeap<Payload> {
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

    /// The earliest entry's time and sequence number.
    var first: (time: Int64, sequence: UInt64)? { heap.first.map { ($0.time, $0.sequence) } }

    mutating func insert(_ entry: TimedEntry<Payload>) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            payloads[slot] = entry.payload
        } else {
            slot = payloads.count
            payloads.append(entry.payload)
        }
        heap.append(Key(time: entry.time, sequence: entry.sequence, slot: slot))
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest entry.
    mutating func removeFirst() -> TimedEntry<Payload>? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        let payload = payloads[first.slot].take()!
        freeSlots.append(first.slot)
        return TimedEntry(time: first.time, sequence: first.sequence, payload: payload)
    }

    /// Puts `entry` in the earliest entry's place and returns that one: one sift down where
    /// a removal and an insertion take two. Only when not empty.
    mutating func replaceFirst(with entry: TimedEntry<Payload>) -> TimedEntry<Payload> {
        let first = heap[0]
        let payload = payloads[first.slot].take()!
        payloads[first.slot] = entry.payload
        heap[0] = Key(time: entry.time, sequence: entry.sequence, slot: first.slot)
        siftDown(0)
        return TimedEntry(time: first.time, sequence: first.sequence, payload: payload)
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
