/// The simulation core's entry points: validate a scenario, then simulate it.
///
/// ```swift
/// var spec = ScenarioSpec(mode: .async)
/// spec.function.fails = .always
/// spec.arrivals = [ArrivalGroup(at: 0)]
/// let trace = try Simulator.simulate(spec)   // attempts at 0 s, 1 min, 3 min
/// ```
public enum Simulator {
    /// The version of the simulation semantics, for people (`notesim --version`); caches are
    /// keyed by the build of notesim itself, not by this number.
    public static let version = "2"

    /// Validates and simulates, keeping the first `detailLimit` entries (all by default).
    ///
    /// When the run made more entries than that, it runs a second time to gather the
    /// exemplars' entries (the first run chose them as it went); the simulation is
    /// deterministic, so both runs are the same run, and neither keeps more than its limits.
    public static func simulate(_ spec: ScenarioSpec, detailLimit: Int = .max) throws(SimulationError) -> Trace {
        let issues = ScenarioValidator.validate(spec)
        guard issues.isEmpty else { throw .invalid(issues) }
        return try simulate(validated: spec, detailLimit: detailLimit)
    }

    /// Simulates a spec in which `ScenarioValidator.validate` found no issue, keeping the
    /// first `detailLimit` entries, as `simulate(_:detailLimit:)` does without validating
    /// again: a scenario block is validated as it is read (its document lists the issues),
    /// and a second pass over AWS's rules cost every block as much as reading a section.
    public static func simulate(validated spec: ScenarioSpec, detailLimit: Int = .max) throws(SimulationError) -> Trace {
        var recorder = TraceRecorder(mode: spec.mode, detailLimit: detailLimit)
        let summary = try run(spec, into: &recorder, keepingEntries: true)
        // A run cut short collects its exemplars' entries in a second, identical run; one
        // that kept every entry finds them there when they are asked for.
        var collected: [Exemplar]?
        if recorder.entries.count < recorder.entryCount {
            var collector = ExemplarCollector(items: recorder.picker.chosen.map(\.item))
            _ = try run(spec, into: &collector, keepingEntries: true)
            collected = collector.exemplars(reasons: recorder.picker.chosen.map(\.reasons))
        }
        return Trace(
            mode: spec.mode, recorder: recorder, stats: summary.stats, assumptionsUsed: summary.assumptionsUsed,
            firedRules: summary.firedRules, collectedExemplars: collected)
    }

    /// What a run reports besides its sink.
    public struct Summary: Sendable, Equatable {
        public var stats: SimulationStats
        public var assumptionsUsed: Set<Assumptions.Name>
        /// The rules that explain some entry, as bits (`RuleSet`): naming them, and hashing
        /// the names into a set, is left to whoever asks (`rulesFired`).
        public var firedRules: RuleSet
        /// Every rule id that explains some entry.
        public var rulesFired: Set<String> { Set(firedRules.names) }
    }

    /// Validates and simulates into any sink; with `keepingEntries: false` only outcomes
    /// reach the sink, and memory stays proportional to what is in flight.
    public static func simulate<Sink: TraceSink>(_ spec: ScenarioSpec, into sink: inout Sink, keepingEntries: Bool) throws(SimulationError) -> Summary {
        let issues = ScenarioValidator.validate(spec)
        guard issues.isEmpty else { throw .invalid(issues) }
        return try run(spec, into: &sink, keepingEntries: keepingEntries)
    }

    /// Simulates a validated spec into any sink (`simulate(_:into:keepingEntries:)` after
    /// its validation).
    private static func run<Sink: TraceSink>(_ spec: ScenarioSpec, into sink: inout Sink, keepingEntries: Bool) throws(SimulationError) -> Summary {
        // A recorder is handed over as itself (the engine calls it directly), and taken back.
        let recorder = sink as? TraceRecorder
        let other: (any TraceSink)? = recorder == nil ? sink : nil
        let engine = Engine(spec: spec, recorder: recorder, sink: other, keepsEntries: keepingEntries)
        defer { sink = engine.recordsDirectly ? engine.recorder as! Sink : engine.otherSink as! Sink }
        try engine.run()
        return Summary(stats: engine.stats, assumptionsUsed: engine.assumptionsUsed, firedRules: engine.rulesFired)
    }
}
