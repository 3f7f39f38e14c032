/// Everything the simulator needs to know about one scenario, as Swift values.
///
/// The scenario parser (ScenarioKit) builds this from a note's YAML; tests build it
/// directly. Defaults are AWS's defaults.
public struct ScenarioSpec: Sendable, Hashable {
    public var title: String = ""
    public var mode: InvocationMode
    /// `InvocationType: DryRun`: validate, make no attempt (S3).
    public var dryRun = false
    public var trigger: Trigger?
    public var function = FunctionSpec()
    /// Input events (sync, async) or records (ESM).
    public var arrivals: [ArrivalGroup] = []
    public var eventInvokeConfig = EventInvokeConfig()
    /// `DeadLetterConfig.TargetArn` (A15).
    public var deadLetter: TargetKind?
    public var queue = QueueSpec()
    public var stream = StreamSpec()
    public var mapping = MappingSpec()
    /// Account `ConcurrentExecutions` (C1) [1,000].
    public var accountConcurrency: Int = 1_000
    public var caller = CallerSpec()
    public var faults = Faults()
    /// How long the scenario runs, in ms; nil: until everything settles, capped by the limits.
    public var until: Int64?
    public var assumptions = Assumptions()
    /// Seed for `rate` failures.
    public var seed: UInt64 = 0
    public var limits = SimulationLimits()

    public init(mode: InvocationMode) {
        self.mode = mode
    }

    /// The number of input events or records.
    public var inputCount: Int {
        arrivals.reduce(0) { $0 + $1.count }
    }
}

/// Caps that keep every simulation finite (issue: "never a hang").
public struct SimulationLimits: Sendable, Hashable {
    /// Input events or records per scenario.
    public var maximumInputs: Int = 10_000_000
    /// Simulated time, ms [7 days].
    public var horizon: Int64 = 7 * 24 * 3_600_000
    /// Engine steps (scheduled events processed).
    public var maximumSteps: Int = 500_000_000

    public init() {}
}
