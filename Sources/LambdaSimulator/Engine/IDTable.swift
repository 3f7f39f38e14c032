/// A map from input ids to values, stored in one array over the window of live ids.
///
/// Ids are handed out in arrival order and settle roughly in that order, so the live ids
/// form a moving window: the array holds the ids from the oldest live one on, memory stays
/// proportional to what is in flight, and a lookup is an index instead of a hash.
struct IDTable<Value> {
    private var slots: [Value?] = []
    /// The id stored at `slots[0]`.
    private var base = 0
    /// Slots before this index are empty (dropped from the array in bulk now and then).
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    subscript(id: Int) -> Value? {
        get {
            let index = id - base
            guard index >= head, index < slots.count else { return nil }
            return slots[index]
        }
        set {
            let has = newValue != nil
            if count == 0 {
                guard has else { return }
                slots.removeAll(keepingCapacity: true)
                base = id
                head = 0
            }
            var index = id - base
            if index < 0 {
                guard has else { return }
                // An id older than the window (rare): grow the window downwards.
                slots.insert(contentsOf: repeatElement(nil, count: -index), at: 0)
                base = id
                index = 0
            }
            if index >= slots.count {
                guard has else { return }
                if index == slots.count {
                    slots.append(nil)
                } else {
                    slots.append(contentsOf: repeatElement(nil, count: index - slots.count + 1))
                }
            }
            if index < head { head = index }
            let had = slots[index] != nil
            slots[index] = newValue
            guard had != has else { return }
            count += has ? 1 : -1
            if !has, index == head {
                while head < slots.count, slots[head] == nil { head += 1 }
                if head > 4_096, head * 2 > slots.count {
                    slots.removeFirst(head)
                    base += head
                    head = 0
                }
            }
        }
    }

    @discardableResult
    mutating func removeValue(forKey id: Int) -> Value? {
        let value = self[id]
        if value != nil { self[id] = nil }
        return value
    }

    /// The live ids, in ascending order.
    var keys: [Int] {
        var ids: [Int] = []
        var index = head
        while index < slots.count {
            if slots[index] != nil { ids.append(base + index) }
            index += 1
        }
        return ids
    }

    /// The live values, in id order.
    var values: [Value] {
        slots[head...].compactMap { $0 }
    }
}
