/// A map from input ids to values, stored in pages that are freed once empty.
///
/// Ids are handed out in arrival order and settle roughly in that order, so the live ids
/// form a moving window: memory stays proportional to what is in flight, and a lookup is an
/// array index instead of a hash.
struct IDTable<Value> {
    private static var pageBits: Int { 10 }
    private var pages: [[Value?]] = []
    private var live: [Int] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    subscript(id: Int) -> Value? {
        get {
            let page = id >> Self.pageBits
            guard page < pages.count, !pages[page].isEmpty else { return nil }
            return pages[page][id & ((1 << Self.pageBits) - 1)]
        }
        set {
            let page = id >> Self.pageBits
            let slot = id & ((1 << Self.pageBits) - 1)
            if page >= pages.count {
                guard newValue != nil else { return }
                pages.append(contentsOf: repeatElement([], count: page - pages.count + 1))
                live.append(contentsOf: repeatElement(0, count: page - live.count + 1))
            }
            if pages[page].isEmpty {
                guard newValue != nil else { return }
                pages[page] = Array(repeating: nil, count: 1 << Self.pageBits)
            }
            let had = pages[page][slot] != nil
            pages[page][slot] = newValue
            let has = newValue != nil
            if had != has {
                let delta = has ? 1 : -1
                live[page] += delta
                count += delta
                if live[page] == 0 { pages[page] = [] }
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
        for (page, slots) in pages.enumerated() where !slots.isEmpty {
            for (slot, value) in slots.enumerated() where value != nil {
                ids.append(page << Self.pageBits | slot)
            }
        }
        return ids
    }

    /// The live values, in id order.
    var values: [Value] {
        keys.compactMap { self[$0] }
    }
}
