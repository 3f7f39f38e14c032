/// The full record of a simulation: every entry in time order, and where each input ended.
public struct Trace: Sendable {
    public var mode: InvocationMode
    public var entries: [TraceEntry]
    /// Final states by event or record id (from 1).
    public var outcomes: [Int: [Outcome]]
    public var stats: SimulationStats
    /// The undocumented values this run relied on (reference §10).
    public var assumptionsUsed: Set<Assumptions.Name>
    /// Every rule id that explains some entry.
    public var rulesFired: Set<String>

    public init(
        mode: InvocationMode, entries: [TraceEntry], outcomes: [Int: [Outcome]], stats: SimulationStats, assumptionsUsed: Set<Assumptions.Name>,
        rulesFired: Set<String>
    ) {
        self.mode = mode
        self.entries = entries
        self.outcomes = outcomes
        self.stats = stats
        self.assumptionsUsed = assumptionsUsed
        self.rulesFired = rulesFired
    }

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
