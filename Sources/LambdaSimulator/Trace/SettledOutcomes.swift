/// Each input's final outcomes, kept by input number as a run settles them and turned into
/// the trace's map (`Trace.outcomes`) once, at the end.
///
/// Why: a map grown input by input rehashed itself as it grew, and each settle made a list
/// of its outcomes; here a settle stores one byte by number (`ByInput`), and the lists of
/// a single outcome are shared (`OutcomeSet.list`).
struct SettledOutcomes: Sendable {
    private var byItem = ByInput<OutcomeSet>()

    /// How many distinct inputs settled.
    var count: Int { byItem.count }

    /// Records the final outcomes of `item`, replacing any recorded before.
    mutating func settle(_ item: Int, _ outcomes: OutcomeSet) {
        byItem.set(outcomes, for: item)
    }

    /// The outcomes by input number, in `Outcome` order.
    ///
    /// An input that ended as the one before it did shares that input's list
    /// (`OutcomeSet.list` looked the shared lists up, or made one, per input).
    var map: [Int: [Outcome]] {
        var last: (outcomes: OutcomeSet, list: [Outcome])?
        return byItem.map { outcomes in
            if let last, last.outcomes == outcomes { return last.list }
            let list = outcomes.list
            last = (outcomes, list)
            return list
        }
    }
}
