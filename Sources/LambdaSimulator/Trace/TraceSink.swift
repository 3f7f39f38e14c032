/// Receives a simulation's entries as they happen, so a run's memory can stay
/// proportional to what is in flight (a summary) or keep everything (a full trace).
public protocol TraceSink {
    /// One entry, in time order.
    mutating func record(_ entry: TraceEntry)
    /// The final state of an input event or record (one or two outcomes, `[dlq, on-failure]`).
    mutating func settle(item: Int, outcomes: OutcomeSet)
}

/// Keeps every entry and every outcome: the trace that notes are verified against.
public struct TraceRecorder: TraceSink {
    public private(set) var entries: [TraceEntry] = []
    public private(set) var outcomes: [Int: [Outcome]] = [:]

    public init() {}

    public mutating func record(_ entry: TraceEntry) {
        entries.append(entry)
    }

    public mutating func settle(item: Int, outcomes: OutcomeSet) {
        self.outcomes[item] = outcomes.list
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

    public mutating func record(_ entry: TraceEntry) {
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
