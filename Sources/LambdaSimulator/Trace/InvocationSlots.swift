/// Values by invocation number while the invocations run: what a start noted, waiting for
/// its end.
///
/// Why not a dictionary: one was hashed on every start and every end, and its first insert
/// allocated storage in every run. Invocations are numbered from 1 as they start and end in
/// about that order, so the running ones form a window of numbers: a list from the oldest
/// running one on. A number the window cannot hold (below it, or far past its end) goes to
/// a dictionary, which lookups also ask; the engine makes none.
struct InvocationSlots<Value: Sendable>: Sendable {
    /// The furthest past the window's end that a number still extends the list.
    static var reach: Int { 4_096 }

    /// `slots[i]` holds invocation `first + i`; the slots before `front` are empty.
    private var slots: [Value?] = []
    private var first = 0
    private var front = 0
    private var others: [Int: Value] = [:]

    /// Sets the value of `invocation`, replacing any.
    mutating func set(_ value: Value, for invocation: Int) {
        if front == slots.count, invocation >= first + front {
            // Nothing is running: the window starts again at this number, the next slot.
            first = invocation - front
        }
        let index = invocation - first
        guard index >= front, index < slots.count + Self.reach else {
            others[invocation] = value
            return
        }
        if !others.isEmpty { others[invocation] = nil }
        if index == slots.count {
            // Room for a short run's window at once, not grown from one by doubling.
            if slots.isEmpty, slots.capacity == 0 { slots.reserveCapacity(16) }
            slots.append(value)
            return
        }
        while slots.count <= index { slots.append(nil) }
        slots[index] = value
    }

    /// Removes the value of `invocation` and returns it (nil when it has none).
    mutating func remove(_ invocation: Int) -> Value? {
        let index = invocation - first
        guard index >= front, index < slots.count, let value = slots[index] else {
            return others.isEmpty ? nil : others.removeValue(forKey: invocation)
        }
        slots[index] = nil
        if index == front {
            while front < slots.count, slots[front] == nil { front += 1 }
            compact()
        }
        return value
    }

    /// Drops the empty slots at the front once they are most of the list, so that the list
    /// stays about as long as the window.
    private mutating func compact() {
        guard front >= 64, front * 2 >= slots.count else { return }
        slots.removeFirst(front)
        first += front
        front = 0
    }
}
