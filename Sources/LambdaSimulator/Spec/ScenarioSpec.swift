import NotesCore
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
    /// The Kafka topic a `kafka` mapping reads (KF1–KF8).
    public var topic = TopicSpec()
    /// The Amazon MQ broker an `mq` mapping reads (M1–M5).
    public var broker = BrokerSpec()
    /// The DocumentDB cluster and change stream a `documentdb` mapping reads (D1–D4).
    public var changeStream = ChangeStreamSpec()
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

    /// The number of input events or records; `Int.max` when they are more than that
    /// (`count: 9223372036854775807` and one more event must be a limit error, not a trap).
    public var inputCount: Int {
        arrivals.reduce(0) { total, group in
            let (sum, overflow) = total.addingReportingOverflow(group.count)
            return overflow ? .max : sum
        }
    }
}

/// Caps that keep every simulation finite and small: work, memory and output of a scenario
/// grow with its inputs and steps, so the defaults are what a reader can use in a figure and
/// a claim (a retry loop that runs for days stops with an error that names the limit),
/// measured to keep one scenario under about a second and 256 MB (docs/reliability.md).
public struct SimulationLimits: Sendable, Hashable {
    /// Input events or records per scenario.
    public var maximumInputs: Int = 50_000
    /// Simulated time, ms [7 days].
    public var horizon: Int64 = 7 * 24 * 3_600_000
    /// Engine steps (scheduled events processed).
    public var maximumSteps: Int = 100_000

    public init() {}

    /// One of the limits, named as in the `limits:` setting of `notesim.yml`.
    public enum Limit: String, Sendable, CaseIterable {
        case records
        case horizon
        case steps

        /// `1,000,000 steps`, `100,000 records`, `7 d of simulated time`.
        func describe(_ value: Int64) -> String {
            switch self {
            case .records: "\(GroupedDigits.text(value)) records"
            case .steps: "\(GroupedDigits.text(value)) steps"
            case .horizon: "\(SimTime(milliseconds: value)) of simulated time"
            }
        }
    }
}
