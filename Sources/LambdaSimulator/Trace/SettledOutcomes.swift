/// Each input's final outcomes, kept by input number as a run settles them and turned into
/// the trace's map (`Trace.outcomes`) once, at the end.
///
/// Why: inputs are numbered from 1 as they arrive, so a list indexed by number holds them
/// without hashing; a map grown input by input rehashed itself as it grew. Numbers the
/// engine never makes (negative, or past `listLimit`) are kept in a map of their own.
struct SettledOutcomes: Sendable {
    /// The input numbers below this are kept in the list.
    static var listLimit: Int { 1 << 20 }

    private var byItem: [OutcomeSet?] = []
    private var others: [Int: OutcomeSet] = [:]
    /// How many distinct inputs settled.
    private(set) var count = 0

    /// Records the final outcomes of `item`, replacing any recorded before.
    mutating func settle(_ item: Int, _ outcomes: OutcomeSet) {
        guard item >= 0, item < Self.listLimit else {
            if others.updateValue(outcomes, forKey: item) == nil { count += 1 }
            return
        }
        // Inputs settle in about the order they arrived: the list grows by one at a time.
        while byItem.count <= item { byItem.append(nil) }
        if byItem[item] == nil { count += 1 }
        byItem[item] = outcomes
    }

    /// The outcomes by input number, in `Outcome` order.
    var map: [Int: [Outcome]] {
        var map = [Int: [Outcome]](minimumCapacity: count)
        for (item, outcomes) in byItem.enumerated() {
            if let outcomes { map[item] = outcomes.list }
        }
        for (item, outcomes) in others { map[item] = outcomes.list }
        return map
    }
}
