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

/// Counts what happened without keeping it: for very large scenarios and benchmarks.
public struct TraceSummary: TraceSink, Sendable, Equatable {
    public private(set) var entryCount = 0
    public private(set) var attempts = 0
    public private(set) var throttles = 0
    public private(set) var deliveries: [Delivery.Route: Int] = [:]
    public private(set) var outcomes: [Outcome: Int] = [:]
    public private(set) var settledItems = 0

    public init() {}

    public mutating func record(_ entry: TraceEntry) {
        entryCount += 1
        switch entry.event {
        case .start: attempts += 1
        case .throttled: throttles += 1
        case .delivery(let delivery): deliveries[delivery.route, default: 0] += 1
        default: break
        }
    }

    public mutating func settle(item: Int, outcomes: OutcomeSet) {
        settledItems += 1
        for outcome in outcomes.list { self.outcomes[outcome, default: 0] += 1 }
    }
}
