/// A first-in first-out ring of entries whose times never decrease.
///
/// Actions scheduled the same delay after a clock that only moves forward arrive in time
/// order, so a lane keeps them sorted for free: append at the tail, pop at the head. It is a
/// class so that the queue mutates it in place without copy-on-write checks.
final class FIFOLane<Payload> {
    private var storage: RingSlots<TimedEntry<Payload>>
    private var capacity = 16
    private var head = 0
    private(set) var count = 0

    init() {
        storage = RingSlots(capacity: capacity)
    }

    deinit {
        for index in 0..<count { storage.deinitialize((head + index) & (capacity - 1)) }
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The earliest entry's time and sequence number; only when not empty.
    @inline(__always)
    var first: (time: Int64, sequence: UInt64) {
        return (storage[head].time, storage[head].sequence)
    }

    /// The latest entry's time; only when not empty.
    var lastTime: Int64 { storage[(head + count - 1) & (capacity - 1)].time }

    @inline(__always)
    func append(_ entry: TimedEntry<Payload>) {
        if count == capacity { grow() }
        storage.initialize((head + count) & (capacity - 1), to: entry)
        count += 1
    }

    /// Removes and returns the earliest entry; only when not empty.
    @inline(__always)
    func removeFirst() -> TimedEntry<Payload> {
        let entry = storage.move(head)
        head = (head + 1) & (capacity - 1)
        count -= 1
        return entry
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newStorage = RingSlots<TimedEntry<Payload>>(capacity: newCapacity)
        for index in 0..<count {
            newStorage.moveInitialize(index, from: storage, (head + index) & (capacity - 1))
        }
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
        head = 0
    }
}
