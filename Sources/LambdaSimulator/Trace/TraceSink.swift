/// Receives a simulation's entries as they happen, so a run's memory can stay
/// proportional to what is in flight (a summary) or keep everything (a full trace).
public protocol TraceSink {
    /// One entry, in time order; the sink takes it over (a recorder keeps it without a copy).
    mutating func record(_ entry: consuming TraceEntry)
    /// The final state of an input event or record (one or two outcomes, `[dlq, on-failure]`).
    mutating func settle(item: Int, outcomes: OutcomeSet)
}

/// Keeps the first `detailLimit` entries, every outcome, and, for every entry, the facts
/// claims are checked against, the counts the aggregate view draws and the choice of
/// exemplars: the trace that notes are verified against.
///
/// Why the limit: the entries feed the detailed figure and the event log, which a reader
/// can only use up to a few thousand lines; past that, a run's memory stays flat however
/// long it goes on.
public struct TraceRecorder: TraceSink {
    public private(set) var entries: [TraceEntry] = []
    public private(set) var entryCount = 0
    /// Final states by event or record id, made when asked (`Trace` asks once).
    public var outcomes: [Int: [Outcome]] { settled.map }
    private var settled = SettledOutcomes()
    public private(set) var facts: ClaimFacts
    /// The aggregates, counted entry by entry once entries are dropped (from the kept ones
    /// first); nil while every entry is kept (`Trace.aggregates` counts them when asked).
    private(set) var countedAggregates: TraceAggregates?
    private(set) var picker = ExemplarPicker()
    public let detailLimit: Int
    /// The entries a recorder makes room for at its first.
    static var initialCapacity: Int { 16 }

    public init(mode: InvocationMode, detailLimit: Int = .max) {
        facts = ClaimFacts(mode: mode)
        self.detailLimit = detailLimit
    }

    public mutating func record(_ entry: consuming TraceEntry) {
        entryCount += 1
        facts.add(entry)
        picker.add(entry)
        if entries.count < detailLimit {
            // Room for a short scenario's entries at once, not grown from one by doubling.
            if entries.isEmpty { entries.reserveCapacity(min(detailLimit, Self.initialCapacity)) }
            // Moved, not copied: a copy retained each of the entry's arrays and strings.
            entries.append(entry)
        } else {
            if countedAggregates == nil { countedAggregates = TraceAggregates(entries: entries) }
            countedAggregates!.add(entry)
        }
    }

    public mutating func settle(item: Int, outcomes: OutcomeSet) {
        settled.settle(item, outcomes)
        picker.settle(item: item, outcomes: outcomes)
    }
}

/// Counts final states without keeping entries: for very large scenarios and benchmarks.
public struct TraceSummary: TraceSink, Sendable, Equatable {
    public private(set) var entryCount = 0
    public private(set) var settledItems = 0
    private var counts = [Int](repeating: 0, count: Outcome.allCases.count)

    public init() {}

    /// Final states, by outcome.
    public var outcomes: [Outcome: Int] {
        var result: [Outcome: Int] = [:]
        for outcome in Outcome.allCases where counts[outcome.ordinal] > 0 { result[outcome] = counts[outcome.ordinal] }
        return result
    }

    public mutating func record(_ entry: consuming TraceEntry) {
        entryCount += 1
    }

    public mutating func settle(item: Int, outcomes: OutcomeSet) {
        settledItems += 1
        var bits = outcomes.rawValue
        while bits != 0 {
            counts[bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }
}
