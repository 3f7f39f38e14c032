/// A group of input events (sync/async) or records (ESM) that arrive on a schedule.
///
/// Events and records are numbered from 1 in arrival order across all groups; equal
/// arrival times keep the order of the groups (scenario format, "Keys").
public struct ArrivalGroup: Sendable, Hashable {
    /// First arrival, in ms (may be negative for records already in the source at 0).
    public var at: Int64
    /// How many arrive.
    public var count: Int = 1
    /// Spacing between arrivals, in ms.
    public var every: Int64 = 0
    /// Payload size of each, in bytes.
    public var size: Int64 = 1_024
    /// Stream shard (from 1), for streams.
    public var shard: Int?
    /// Partition key, for streams (K13: order is kept per key); the record key for Kafka
    /// (KF1: a key keeps one partition).
    public var partitionKey: String?
    /// Kafka partition, counted from 0 as Kafka does (KF1).
    public var partition: Int?
    /// Message group, for FIFO queues (Q11).
    public var group: String?
    /// DocumentDB: the collection, the kind of change and the size of the changed document
    /// (D2: CollectionName and FullDocument decide what reaches the function).
    public var collection: String?
    public var operation: ChangeStreamSpec.Operation?
    public var documentSize: Int64?
    /// Per-entry behaviour overrides.
    public var durations: [Int64]?
    public var fails: FailurePlan?

    public init(at: Int64, count: Int = 1, every: Int64 = 0, size: Int64 = 1_024) {
        self.at = at
        self.count = count
        self.every = every
        self.size = size
    }
}

/// Where a destination or dead-letter queue points (short names of the scenario format).
public enum TargetKind: String, Sendable, Hashable, CaseIterable {
    case sqs, sns, lambda, eventbridge, s3
    /// A Kafka topic in the source cluster: Kafka mappings only (KF6).
    case kafka
    case sqsFIFO = "sqs-fifo"
    case snsFIFO = "sns-fifo"

    /// Whether AWS can deliver to it at all (A13: FIFO queues and topics are not supported).
    public var acceptsDeliveries: Bool { self != .sqsFIFO && self != .snsFIFO }
}

/// Function-level asynchronous settings (`EventInvokeConfig`, A5, A6, A12, A13).
public struct EventInvokeConfig: Sendable, Hashable {
    /// 0–2, default 2 (A5).
    public var maximumRetryAttempts: Int = 2
    /// 60–21,600 s, default 21,600 (A6).
    public var maximumEventAgeSeconds: Int64 = 21_600
    public var onSuccess: TargetKind?
    public var onFailure: TargetKind?

    public init() {}
}

/// The SQS source queue (Q2, Q4, Q11).
public struct QueueSpec: Sendable, Hashable {
    /// 0–43,200 s, default 30 (Q2).
    public var visibilityTimeoutSeconds: Int64 = 30
    /// `RedrivePolicy.maxReceiveCount` (1–1,000); nil when the queue has no DLQ (Q4).
    public var maxReceiveCount: Int?
    /// `MessageRetentionPeriod`, 60–1,209,600 s, default 345,600 (4 days).
    public var messageRetentionSeconds: Int64 = 345_600

    public init() {}
}

/// The stream source (K1, K8).
public struct StreamSpec: Sendable, Hashable {
    public var shards: Int = 1
    /// Kinesis `RetentionPeriodHours` (24–8,760, default 24); DynamoDB Streams keep 24 h.
    public var retentionHours: Int64 = 24

    public init() {}
}

/// Where a stream mapping starts reading (K3).
public enum StartingPosition: Sendable, Hashable {
    case trimHorizon
    case latest
    /// From a time in ms (Kinesis, Kafka, DocumentDB); nil when the scenario gave no
    /// `StartingPositionTimestamp`, which AWS requires with AT_TIMESTAMP, so validation
    /// rejects it and no simulation reads it (K3, KF2, D2).
    case atTimestamp(Int64?)
}

/// `AWS::Lambda::EventSourceMapping` settings (E*, Q*, K*).
public struct MappingSpec: Sendable, Hashable {
    /// nil: AWS's default for the source (10 for SQS, 100 for streams; E5).
    public var batchSize: Int?
    /// `MaximumBatchingWindowInSeconds`, 0–300 (E4).
    public var batchingWindowSeconds: Int64?
    public var reportBatchItemFailures = false
    /// −1 (default, infinite) or 0–10,000 (K5).
    public var maximumRetryAttempts: Int = -1
    /// −1 (default, infinite) or 60–604,800 (K7).
    public var maximumRecordAgeSeconds: Int64 = -1
    public var bisectBatchOnFunctionError = false
    /// 1–10 (K13).
    public var parallelizationFactor: Int = 1
    /// 0–900; 0 is off (K14).
    public var tumblingWindowSeconds: Int64 = 0
    public var startingPosition: StartingPosition = .trimHorizon
    /// Whether the scenario named `StartingPosition`: AWS requires one (K3), so reading from
    /// `TRIM_HORIZON` without it is an assumption (§10), named when it decides the run.
    public var startingPositionNamed = false
    /// `ScalingConfig.MaximumConcurrency`, 2–1,000 (Q9).
    public var maximumConcurrency: Int?
    /// `ProvisionedPollerConfig` (Q10): MinimumPollers (2–200) and MaximumPollers (2–2,000).
    public var provisionedMinimum: Int?
    public var provisionedMaximum: Int?
    /// `DestinationConfig.OnFailure` (K12).
    public var onFailure: TargetKind?
    /// `Enabled` (E7).
    public var enabled = true
    /// Which stream-only or SQS-only keys the scenario set, for validation (E4, K3).
    public var explicitlySet: Set<String> = []

    public init() {}
}

/// What a synchronous caller does on errors (S4). Default: nothing, so the figure shows
/// what Lambda itself does.
public struct CallerSpec: Sendable, Hashable {
    public enum RetryCondition: String, Sendable, Hashable, CaseIterable {
        case throttled
        case serviceError = "service-error"
        case timeout
    }

    public var retries: Int = 0
    public var retryOn: Set<RetryCondition> = []
    /// The caller's own timeout in ms (a client timeout; S4).
    public var timeout: Int64?
    /// An SDK or CLI retry mode (R10–R13); when set it decides retries instead of
    /// `retries` and `retryOn`.
    public var sdk: SDKRetryPolicy?
    /// A Step Functions Task state's `Retry` field (R14); retries function errors too.
    public var retriers: [StepFunctionsRetrier]?
    /// SNS, EventBridge or S3 handing events to Lambda: refused hand-offs, the service's
    /// retries and its dead-letter queue (R2–R4, R6–R9).
    public var service = ServiceCallerSpec()

    public init(retries: Int = 0, retryOn: Set<RetryCondition> = []) {
        self.retries = retries
        self.retryOn = retryOn
    }
}

/// At-least-once faults (A10, E1).
public struct Faults: Sendable, Hashable {
    /// Events or records delivered a second time after they succeeded.
    public var duplicate: Set<Int> = []
    /// Events deleted without ever being sent (A10).
    public var drop: Set<Int> = []

    public init() {}
}
