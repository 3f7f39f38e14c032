/// Values by input number, as a run's facts gather them (an input's final outcomes, the
/// last answer its caller got): a list indexed by number, and a map only for numbers the
/// engine never makes (negative, or past `listLimit`).
///
/// Why not a map alone: inputs are numbered from 1 as they arrive, so the list holds them
/// without hashing; a map grown input by input hashed every one and rehashed itself as it
/// grew, and its first insert allocated a table in every run.
struct ByInput<Value: Sendable>: Sendable {
    /// The input numbers below this are kept in the list.
    static var listLimit: Int { 1 << 20 }

    private var list: [Value?] = []
    private var others: [Int: Value] = [:]
    /// How many inputs have a value.
    private(set) var count = 0

    /// The value of `item`, if it has one.
    subscript(item: Int) -> Value? {
        if item >= 0, item < list.count { return list[item] }
        return others.isEmpty ? nil : others[item]
    }

    /// Gives `item` a value, replacing any it had.
    mutating func set(_ value: Value, for item: Int) {
        guard item >= 0, item < Self.listLimit else {
            if others.updateValue(value, forKey: item) == nil { count += 1 }
            return
        }
        // Room for a short run's inputs at once, not grown from one by doubling.
        if list.isEmpty { list.reserveCapacity(32) }
        if item == list.count {
            // Inputs come in about the order they arrived: the list grows by one at a time.
            list.append(value)
            count += 1
            return
        }
        while list.count <= item { list.append(nil) }
        if list[item] == nil { count += 1 }
        list[item] = value
    }

    /// The values by input number, each turned into what the map holds.
    func map<T>(_ transform: (Value) -> T) -> [Int: T] {
        var map = [Int: T](minimumCapacity: count)
        for (item, value) in list.enumerated() {
            if let value { map[item] = transform(value) }
        }
        for (item, value) in others { map[item] = transform(value) }
        return map
    }
}
