/// A map from input ids to values over the window of live ids, stored in a ring buffer.
///
/// Ids are handed out in arrival order and settle roughly in that order, so the live ids
/// form a moving window: the ring holds the ids from the oldest live one on, memory stays
/// proportional to what is in flight, and a lookup is a masked index instead of a hash. It
/// is a class so that the engine mutates it in place without copy-on-write checks.
final class IDTable<Value> {
    private var storage: RingSlots<Value?>
    private var capacity: Int
    /// The lowest id of the window and the window's length.
    private var base = 0
    private var span = 0
    private(set) var count = 0

    /// The ring's size at its first insert.
    static var initialCapacity: Int { 64 }

    /// An empty table, with no ring until its first insert: an engine makes a table for
    /// requests and one for records, and a run of most modes never inserts into one of them.
    init() {
        capacity = 0
        storage = RingSlots(capacity: 0)
    }

    deinit {
        storage.deinitializeAll(count: capacity)
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    subscript(id: Int) -> Value? {
        @inline(__always) get {
            guard id >= base, id < base + span else { return nil }
            return storage[id & (capacity - 1)]
        }
        set {
            if let newValue {
                insert(newValue, at: id)
            } else {
                remove(id)
            }
        }
    }

    /// Changes a live id's value in place and returns it (nil, unchanged, when the id is not
    /// live): the window stays as it is, so none of `insert`'s bookkeeping.
    @inline(__always)
    func update(_ id: Int, _ change: (inout Value) -> Void) -> Value? {
        guard id >= base, id < base + span else { return nil }
        let slot = id & (capacity - 1)
        guard storage[slot] != nil else { return nil }
        change(&storage[slot]!)
        return storage[slot]
    }

    @discardableResult
    func removeValue(forKey id: Int) -> Value? {
        let value = self[id]
        if value != nil { remove(id) }
        return value
    }

    /// The live ids, in ascending order.
    var keys: [Int] {
        (base..<(base + span)).filter { storage[$0 & (capacity - 1)] != nil }
    }

    /// The live values, in id order.
    var values: [Value] {
        (base..<(base + span)).compactMap { storage[$0 & (capacity - 1)] }
    }

    private func insert(_ value: Value, at id: Int) {
        if capacity == 0 { grow(toHold: Self.initialCapacity) }
        if span == 0 {
            base = id
            span = 1
        } else if id < base {
            grow(toHold: base + span - id)
            // The ring stays keyed by id & mask; the new slots below `base` are already nil.
            span += base - id
            base = id
        } else if id >= base + span {
            if id - base >= capacity { grow(toHold: id - base + 1) }
            span = id - base + 1
        }
        let slot = id & (capacity - 1)
        if storage[slot] == nil { count += 1 }
        storage[slot] = value
    }

    private func remove(_ id: Int) {
        guard id >= base, id < base + span else { return }
        let slot = id & (capacity - 1)
        guard storage[slot] != nil else { return }
        storage[slot] = nil
        count -= 1
        if count == 0 {
            span = 0
            return
        }
        // The window shrinks only from the end the id was at; another id is still live, so
        // the scan stops inside the window.
        if id == base {
            while storage[base & (capacity - 1)] == nil {
                base += 1
                span -= 1
            }
        } else if id == base + span - 1 {
            while storage[(base + span - 1) & (capacity - 1)] == nil {
                span -= 1
            }
        }
    }

    /// Doubles the ring until it holds `needed` consecutive ids.
    private func grow(toHold needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = Swift.max(capacity, Self.initialCapacity)
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = RingSlots<Value?>(capacity: newCapacity)
        newStorage.initializeAll(to: nil, count: newCapacity)
        for id in base..<(base + span) {
            newStorage[id & (newCapacity - 1)] = storage[id & (capacity - 1)]
        }
        storage.deinitializeAll(count: capacity)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
