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
    /// The rules that explain some entry, as bits (`RuleSet`), whose `names` are in
    /// reference order.
    public var firedRules: RuleSet
    /// Every rule id that explains some entry (named and hashed only when asked: a figure
    /// lists `firedRules.names`).
    public var rulesFired: Set<String> { Set(firedRules.names) }
    /// What claims are checked against, over every entry.
    public var facts: ClaimFacts
    /// Counts per stretch of time, over every entry.
    ///
    /// Only the aggregate view reads them, so a run that kept every entry counts them from
    /// the entries when asked (in one pass, at the final bucket width); a longer run counted
    /// them entry by entry as it went.
    public var aggregates: TraceAggregates { countedAggregates ?? TraceAggregates(entries: entries) }
    let countedAggregates: TraceAggregates?
    /// The first input, the first failure and the first to reach each final state, with
    /// their entries (drawn by the aggregate view; for a run that kept every entry, taken
    /// from them when asked).
    public var exemplars: [Exemplar] { collectedExemplars ?? picker.exemplars(from: entries) }
    let collectedExemplars: [Exemplar]?
    let picker: ExemplarPicker

    init(
        mode: InvocationMode, recorder: TraceRecorder, stats: SimulationStats, assumptionsUsed: Set<Assumptions.Name>,
        firedRules: RuleSet, collectedExemplars: [Exemplar]?
    ) {
        self.mode = mode
        self.entries = recorder.entries
        self.entryCount = recorder.entryCount
        self.outcomes = recorder.outcomes
        self.stats = stats
        self.assumptionsUsed = assumptionsUsed
        self.firedRules = firedRules
        self.facts = recorder.facts
        self.countedAggregates = recorder.countedAggregates
        self.picker = recorder.picker
        self.collectedExemplars = collectedExemplars
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
