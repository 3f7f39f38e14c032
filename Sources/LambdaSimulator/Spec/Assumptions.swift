import NotesCore

/// The values AWS does not document (reference §10), as named, overridable assumptions.
///
/// Each simulation records which of them it actually relied on, so a page can say which
/// assumptions a figure rests on.
public struct Assumptions: Sendable, Hashable {
    /// The names used in scenarios (`assume:`).
    public enum Name: String, Sendable, Hashable, CaseIterable, Comparable {
        case firstAttemptDelay = "first-attempt-delay"
        case retryFrom = "retry-from"
        case throttleBackoff = "throttle-backoff"
        case streamRetryDelay = "stream-retry-delay"
        case bisectSplit = "bisect-split"
        case bisectAtZeroRetries = "bisect-at-zero-retries"
        case sqsErrorBackoff = "sqs-error-backoff"
        case redriveAt = "redrive-at"
        case windowStart = "window-start"
        case deliveryLatency = "delivery-latency"
        case pollLatency = "poll-latency"
        case recordOverhead = "record-overhead"
        case syncLimit = "sync-limit"
        case sqsLowTrafficWait = "sqs-low-traffic-wait"
        case kafkaRetryDelay = "kafka-retry-delay"
        case kafkaStartDelay = "kafka-start-delay"
        case topicExpiry = "topic-expiry"
        case kafkaBatchScope = "kafka-batch-scope"
        case kafkaPollers = "kafka-pollers"
        case kafkaPollerBatches = "kafka-poller-batches"
        case kafkaScalingDelay = "kafka-scaling-delay"
        case activemqRedeliveryDelay = "activemq-redelivery-delay"
        case rabbitmqRedelivery = "rabbitmq-redelivery"
        case changeStreamRetryDelay = "change-stream-retry-delay"
        case idleLifetime = "idle-lifetime"
        case environmentReuse = "environment-reuse"
        case provisionedReadyAfter = "provisioned-ready-after"
        case initOverrun = "init-overrun"
        case sdkJitter = "sdk-jitter"
        case sdkRetryGeneration = "sdk-retry-generation"
        case sfnRetryFrom = "sfn-retry-from"
        case snsBackoff = "sns-backoff"
        case eventbridgeBackoff = "eventbridge-backoff"
        case s3HandOff = "s3-hand-off"
        case snapstartRestore = "snapstart-restore"
        case adaptiveLimiter = "adaptive-limiter"
        case maxEnvironmentLifetime = "max-environment-lifetime"
        case recursionThreshold = "recursion-threshold"
        case handOffLatency = "hand-off-latency"
        case snapstartReactivation = "snapstart-reactivation"
        case recursionCondition = "recursion-condition"
        case provisionedRecycle = "provisioned-recycle"
        case startingPosition = "starting-position"

        public static func < (lhs: Name, rhs: Name) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The rule whose gap the assumption fills.
        public var rule: String {
            switch self {
            case .firstAttemptDelay: "A2"
            case .retryFrom: "A3"
            case .throttleBackoff: "A8"
            case .streamRetryDelay: "K9"
            case .bisectSplit, .bisectAtZeroRetries: "K10"
            case .sqsErrorBackoff: "Q12"
            case .redriveAt: "Q4"
            case .windowStart: "E3"
            case .deliveryLatency: "A12"
            case .pollLatency: "Q1"
            case .recordOverhead: "E6"
            case .syncLimit: "S5"
            case .sqsLowTrafficWait: "Q6"
            case .kafkaRetryDelay, .topicExpiry: "KF4"
            case .kafkaStartDelay: "KF3"
            case .kafkaBatchScope: "KF1"
            case .kafkaPollers, .kafkaScalingDelay: "KF7"
            case .kafkaPollerBatches: "KF8"
            case .activemqRedeliveryDelay, .rabbitmqRedelivery: "M4"
            case .changeStreamRetryDelay: "D3"
            case .idleLifetime, .maxEnvironmentLifetime: "X7"
            case .environmentReuse: "X6"
            case .provisionedReadyAfter: "X11"
            case .initOverrun: "X2"
            case .sdkJitter, .sdkRetryGeneration: "R12"
            case .sfnRetryFrom: "R14"
            case .snsBackoff: "R3"
            case .eventbridgeBackoff: "R6"
            case .s3HandOff, .handOffLatency: "R9"
            case .snapstartRestore, .snapstartReactivation: "X13"
            case .adaptiveLimiter: "R10"
            case .recursionThreshold: "L3"
            case .recursionCondition: "L4"
            case .provisionedRecycle: "X8"
            case .startingPosition: "K3"
            }
        }
    }

    /// What one Kafka batch may hold (KF1: "A single Lambda payload can contain messages from
    /// multiple partitions"; which partitions share a payload is not documented).
    public enum KafkaBatchScope: String, Sendable, Hashable, CaseIterable {
        /// Records of one partition per batch: the default, the same per-partition order and
        /// blocking with nothing invented about how pollers group partitions.
        case partition
        /// Records of every free partition an event poller owns (partitions spread
        /// round-robin over the pollers), still one batch in flight per partition.
        case mixed
    }

    /// Where the async retry wait is measured from (A3).
    public enum RetryReference: String, Sendable, Hashable, CaseIterable {
        case attemptEnd = "attempt-end"
        case attemptStart = "attempt-start"
    }

    /// Delay before the first async attempt, ms (A2) [0].
    public var firstAttemptDelay: Int64 = 0
    /// [attempt-end] (A3).
    public var retryFrom: RetryReference = .attemptEnd
    /// Throttle/5xx backoff: `min(base × 2^n, cap)` ms (A8) [1 s doubling to 300 s].
    public var throttleBackoffBase: Int64 = 1_000
    public var throttleBackoffCap: Int64 = 300_000
    /// Delay before retrying a failed stream batch, ms (K9) [nil: 1 s Kinesis, 250 ms DynamoDB].
    public var streamRetryDelay: Int64?
    /// Whether the first half of a bisected batch is the larger ⌈n/2⌉ and runs first (K10) [yes].
    public var bisectFirstHalfFirst = true
    /// Whether a batch is bisected when MaximumRetryAttempts is 0 (K10) [yes].
    public var bisectAtZeroRetries = true
    /// Extra wait before an SQS poller invokes again after a function error, ms (Q12) [0].
    public var sqsErrorBackoff: Int64 = 0
    /// Whether a message that reached maxReceiveCount moves at its visibility expiry (Q4) [yes].
    public var redriveAtVisibilityExpiry = true
    /// Whether an idle source's batching window opens at enable / after each invocation (E3) [yes].
    public var windowStartsAfterInvocation = true
    /// Destination and DLQ delivery latency, ms [0].
    public var deliveryLatency: Int64 = 0
    /// Time between a record becoming available and a poll returning it, ms (Q1, K2) [0].
    public var pollLatency: Int64 = 0
    /// Metadata bytes added to each record in an ESM payload (E6) [0].
    public var recordOverhead: Int64 = 0
    /// The synchronous request/response limit in bytes (S5) [6,291,456].
    public var syncLimit: Int64 = 6_291_456
    /// SQS low-traffic wait before invoking with a window, ms (Q6) [0 = off].
    public var sqsLowTrafficWait: Int64 = 0
    /// Delay before a failed Kafka batch is retried, ms (KF4, §17) [1 s, one poll].
    public var kafkaRetryDelay: Int64 = 1_000
    /// Whether a Kafka batch holds one partition's records or mixes an event poller's
    /// partitions (KF1) [one partition].
    public var kafkaBatchScope: KafkaBatchScope = .partition
    /// Kafka deletes whole log segments: with a segment length (`segment.ms`), the records
    /// produced in one segment expire together at the segment's end + retention (KF4, §17)
    /// [nil: each record exactly at produce time + retention].
    public var topicSegment: Int64?
    /// A RabbitMQ quorum queue's delivery limit (`x-delivery-limit`): a message failed more
    /// than this many redeliveries is dead-lettered, or dropped without a dead-letter
    /// exchange (M4, §17) [nil: unlimited, as AWS documents no limit].
    public var rabbitmqDeliveryLimit: Int?
    /// Time from t = 0 until a Kafka mapping polls, ms (KF3, §17) [0].
    public var kafkaStartDelay: Int64 = 0
    /// Event pollers an on-demand Kafka mapping starts with (KF7: "a default number";
    /// 2022 text: one consumer) [1].
    public var kafkaPollers = 1
    /// Batches one Kafka event poller keeps in flight (KF8: AWS's example of 1 MB payloads
    /// and 1 s invocations gives 5 per poller) [5].
    public var kafkaPollerBatches = 5
    /// Time from an offset-lag evaluation to the poller change it decides, ms (KF7: "within
    /// three minutes") [180 s].
    public var kafkaScalingDelay: Int64 = 180_000
    /// Wait before ActiveMQ redelivers a failed batch, ms (M4, §17) [1 s, `redeliveryDelay`].
    public var activemqRedeliveryDelay: Int64 = 1_000
    /// Delay before a failed DocumentDB batch is retried, ms (D3, §17) [1 s].
    public var changeStreamRetryDelay: Int64 = 1_000
    /// How long a frozen on-demand environment stays available for reuse, ms (X7, §17)
    /// [600 s].
    public var idleLifetime: Int64 = 600_000
    /// How long after a mid-scenario PutProvisionedConcurrencyConfig its environments are
    /// READY, ms (X11, §17) [120 s; configured before t = 0 means READY at 0].
    public var provisionedReadyAfter: Int64 = 120_000
    /// Whether an SDK's backoff is jittered from the scenario's seed, or the full ceiling
    /// is waited (R12, §17) [seeded].
    public var sdkJitter = true
    /// Whether SDKs use the 2026 retry behaviour (R11, §17) [pre-2026].
    public var sdkRetries2026 = false
    /// How long a SnapStart environment's `Restore` (and its after-restore hooks) holds the
    /// request, ms (X13, §17) [0].
    public var snapstartRestore: Int64 = 0
    /// Which of several idle environments serves the next request (X6, §17) [most-recent].
    public var environmentReuse: EnvironmentReuse = .mostRecent
    /// How long an on-demand environment lives at most, busy or not, ms (X7, §17) [nil: off].
    public var maxEnvironmentLifetime: Int64?
    /// How long a provisioned environment serves before it is recycled and runs `Init` again,
    /// ms (X8: "every few hours", §17) [nil: off].
    public var provisionedRecycle: Int64?
    /// How an on-demand `Init` over 10 s goes on inside the first invocation (X2, §17) [twice].
    public var initOverrun: InitOverrun = .twice
    /// Where a Step Functions retrier's wait is measured from (R14, §17) [attempt-end].
    public var sfnRetryFrom: RetryReference = .attemptEnd
    /// The curve of SNS's backoff phase between 1 s and 20 s (R3, §17) [geometric].
    public var snsBackoff: SNSBackoffFunction = .geometric
    /// EventBridge's retry wait: `min(base × 2^(n−1), cap)` ms (R6, §17) [1 s doubling to 480 s].
    public var eventbridgeBackoffBase: Int64 = 1_000
    public var eventbridgeBackoffCap: Int64 = 480_000
    /// What S3 does with a notification Lambda refused (R9, §17) [lost].
    public var s3HandOff: S3HandOff = .lost
    /// An adaptive SDK's rate limiter: the share of the rate kept after a throttle and the
    /// lowest rate, calls/s (R10, botocore) [0.7, 0.5].
    public var adaptiveBeta = 0.7
    public var adaptiveMinimumRate = 0.5
    /// Invocations of one recursive chain that run before the next is stopped (L3, §17) [16].
    public var recursionThreshold = 16
    /// Time from SNS, EventBridge or S3 receiving an event to its first hand-off to Lambda,
    /// ms (R9: S3 "typically … in seconds"; §17) [0].
    public var handOffLatency: Int64 = 0
    /// How long an `Inactive` SnapStart version takes to become `Active` again after the
    /// invoke that found it inactive, ms (X13: not documented) [nil: the function's `init`,
    /// as Lambda "is initializing your function"].
    public var snapstartReactivation: Int64?
    /// The condition an asynchronous event stopped in a recursive loop carries to its
    /// on-failure destination (L4; §17: AWS names none) ["RecursiveInvocationException", the
    /// error a synchronous caller gets].
    public var recursionCondition = "RecursiveInvocationException"

    public init() {}

    /// The stream retry delay for a mode (K9): the assumption, else one poll interval (K2).
    public func streamRetryDelay(for mode: InvocationMode) -> Int64 {
        if let streamRetryDelay { return streamRetryDelay }
        return switch mode {
        case .dynamodb: 250
        case .sync, .async, .sqs, .sqsFIFO, .kinesis, .kafka, .mq, .documentdb: 1_000
        }
    }

    /// The nth throttle backoff (n from 0): `min(base × 2^n, cap)` (A8).
    public func throttleBackoff(_ n: Int) -> Int64 {
        Self.doubling(base: throttleBackoffBase, times: n, cap: throttleBackoffCap)
    }

    /// `min(base × 2^times, cap)` without overflow: the doubling backoffs of A8 and R6.
    public static func doubling(base: Int64, times: Int, cap: Int64) -> Int64 {
        let value = base.multipliedReportingOverflow(by: Int64(1) << Int64(min(max(times, 0), 40)))
        return value.overflow ? cap : min(value.partialValue, cap)
    }
}
