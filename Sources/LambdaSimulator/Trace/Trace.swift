/// The record of a simulation: its first entries in time order (all of them when
/// `isComplete`), where each input ended, and, over every entry, the facts claims are
/// checked against, counts over time and the paths of a few exemplar inputs.
public struct Trace: Sendable {
    public var mode: InvocationMode
    /// The first entries, at most the recorder's detail limit.
    public var entries: [TraceEntry]
    /// Entries the run made in all.
    public var entryCount: Int
    /// Final states by event or record id (from 1).
    public var outcomes: [Int: [Outcome]]
    public var stats: SimulationStats
    /// The undocumented values this run relied on (reference §10).
    public var assumptionsUsed: Set<Assumptions.Name>
    /// Every rule id that explains some entry.
    public var rulesFired: Set<String>
    /// What claims are checked against, over every entry.
    public var facts: ClaimFacts
    /// Counts per stretch of time, over every entry.
    public var aggregates: TraceAggregates
    /// The first input, the first failure and the first to reach each final state, with
    /// their entries.
    public var exemplars: [Exemplar]

    public init(
        mode: InvocationMode, entries: [TraceEntry], entryCount: Int, outcomes: [Int: [Outcome]], stats: SimulationStats,
        assumptionsUsed: Set<Assumptions.Name>, rulesFired: Set<String>, facts: ClaimFacts, aggregates: TraceAggregates, exemplars: [Exemplar]
    ) {
        self.mode = mode
        self.entries = entries
        self.entryCount = entryCount
        self.outcomes = outcomes
        self.stats = stats
        self.assumptionsUsed = assumptionsUsed
        self.rulesFired = rulesFired
        self.facts = facts
        self.aggregates = aggregates
        self.exemplars = exemplars
    }

    /// Whether `entries` holds every entry of the run.
    public var isComplete: Bool { entries.count == entryCount }

    /// Handler starts, in start order.
    public var starts: [(time: Int64, invocation: Int, instance: Int, items: [Int], attempt: Int)] {
        entries.compactMap { entry in
            if case .start(let invocation, let instance, let items, let attempt) = entry.event {
                return (entry.time, invocation, instance, items, attempt)
            }
            return nil
        }
    }

    /// Handler ends, in end order.
    public var ends: [(time: Int64, invocation: Int, result: AttemptResult, reported: [Int])] {
        entries.compactMap { entry in
            if case .end(let invocation, _, _, let result, let reported) = entry.event {
                return (entry.time, invocation, result, reported)
            }
            return nil
        }
    }

    /// Deliveries, in delivery order.
    public var deliveries: [(time: Int64, delivery: Delivery)] {
        entries.compactMap { entry in
            if case .delivery(let delivery) = entry.event { return (entry.time, delivery) }
            return nil
        }
    }

    /// Batches formed (ESM), in order.
    public var batches: [(time: Int64, invocation: Int, items: [Int], trigger: BatchTrigger)] {
        entries.compactMap { entry in
            if case .batch(let invocation, let items, let trigger, _) = entry.event { return (entry.time, invocation, items, trigger) }
            return nil
        }
    }

    /// Instants of refusals that ran nothing.
    public var throttleTimes: [Int64] {
        entries.compactMap { entry in
            if case .throttled = entry.event { return entry.time }
            return nil
        }
    }
}
