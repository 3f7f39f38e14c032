/// One thing that happened in a simulation, at a millisecond.
public struct TraceEntry: Sendable, Hashable {
    public var time: Int64
    public var event: TraceEvent
    /// The reference rules that explain this entry (for example `A3` on a retry).
    public var rules: RuleSet

    public init(time: Int64, event: TraceEvent, rules: RuleSet) {
        self.time = time
        self.event = event
        self.rules = rules
    }
}

/// What happened.
public enum TraceEvent: Sendable, Hashable {
    /// A caller invoked (sync), an event was put (async), or a record entered the source
    /// (ESM; `shard` for streams, `group` for FIFO queues).
    case arrival(item: Int, size: Int64, shard: Int?, group: String?)
    /// What a synchronous or asynchronous caller got back.
    case response(item: Int, status: Int, error: String?, reason: String?)
    /// An async event entered Lambda's internal queue (A1).
    case enqueued(item: Int)
    /// SQS messages were received by a poller and became invisible; each with its new
    /// `ApproximateReceiveCount` (Q2, Q4).
    case received(items: [Int], receiveCounts: [Int])
    /// A batch was formed, and what closed it (E2).
    case batch(invocation: Int, items: [Int], trigger: BatchTrigger, lane: Int)
    /// The handler started on an execution environment.
    case start(invocation: Int, instance: Int, items: [Int], attempt: Int)
    /// The handler finished; `reported` lists records a partial batch response named (Q7, K11).
    case end(invocation: Int, instance: Int, items: [Int], result: AttemptResult, reported: [Int])
    /// A request was refused before the handler ran (429 or 5xx): no attempt.
    case throttled(items: [Int], reason: String)
    /// A retry was scheduled `delay` ms from now.
    case retryScheduled(items: [Int], reason: RetryReason, delay: Int64)
    /// SQS messages became visible again after their visibility timeout (Q2).
    case visible(items: [Int])
    /// A failed batch stops its shard (K4) until it succeeds or is discarded.
    case shardBlocked(shard: Int, items: [Int])
    case shardUnblocked(shard: Int)
    /// A failed batch was split in two (K10): both halves are retried, except at a partial
    /// batch response's checkpoint (K11), where `first` is what succeeded before the reported
    /// record and only `second` is retried.
    case bisected(items: [Int], first: [Int], second: [Int])
    /// A message to a destination, DLQ or redrive queue.
    case delivery(Delivery)
    /// Items that left the system without success or delivery.
    case discarded(items: [Int], reason: DiscardReason)
    /// A request met an environment that had to run `Init` first (X1, X2, X6): the handler
    /// begins `duration` after the start (`failed`: `Init` crashed or overran, X2, X4).
    case coldStart(invocation: Int, instance: Int, items: [Int], duration: Int64, failed: Bool)
    /// Lambda stopped an invocation: the items' chain would exceed 16 invocations (L3, L4).
    case recursionStopped(items: [Int], depth: Int)
    /// Provisioned environments became READY, `Init` already run (X1, X9, X11).
    case provisioned(instances: [Int], initDuration: Int64)
    /// A note that explains something the scenario might expect (for example that sync
    /// invocations ignore destinations, S9).
    case note(String)
}

/// What closed a batch (E2).
public enum BatchTrigger: String, Sendable, Hashable {
    /// The batching window expired (or was 0).
    case window
    /// BatchSize records were gathered.
    case size
    /// The next record would have pushed the payload over 6 MB.
    case payload
    /// A retry of a failed batch, or one half of a bisected one.
    case retry
}

/// How one attempt ended.
public enum AttemptResult: String, Sendable, Hashable {
    case ok
    case error
    case timeout
}

/// Why a retry was scheduled.
public enum RetryReason: String, Sendable, Hashable {
    /// Function error, async (A3).
    case functionError = "function-error"
    /// 429 or 5xx before the handler ran (A8, K6, Q12).
    case throttled
    /// A failed stream batch (K4, K9).
    case streamBatchFailed = "stream-batch-failed"
    /// The caller's own retry (S4).
    case caller
    /// An SDK in adaptive mode holding a call until its rate limiter has a token (R10).
    case clientRateLimit = "client-rate-limit"
    /// An at-least-once duplicate delivery (A10).
    case duplicate
}

/// Why items were discarded.
public enum DiscardReason: String, Sendable, Hashable {
    case retriesExhausted = "retries-exhausted"
    case eventAgeExceeded = "event-age-exceeded"
    case recordAgeExceeded = "record-age-exceeded"
    case zeroReservedConcurrency = "zero-reserved-concurrency"
    case retentionExpired = "retention-expired"
    case droppedByLambda = "dropped-by-lambda"
    case deliveryFailed = "delivery-failed"
    case beforeStartingPosition = "before-starting-position"
    /// DocumentDB: an event of another collection than the mapping's CollectionName (D2).
    case otherCollection = "other-collection"
    /// Amazon MQ: delivered the most times the broker allows, returned to it for its
    /// dead-letter queue (ActiveMQ), or dead-lettered past a quorum queue's delivery limit
    /// (RabbitMQ, assumed) (M4).
    case poisonPill = "poison-pill"
    /// Recursive loop detection stopped the event's chain (L3, L4).
    case recursionStopped = "recursion-stopped"
    /// The calling service could not hand the event to Lambda and had no dead-letter queue
    /// (R2, R6, R7), or S3 lost the notification (R9, §17).
    case handOffRefused = "hand-off-refused"
}

/// A message to a destination, a dead-letter queue or a redrive queue.
public struct Delivery: Sendable, Hashable {
    /// Which of the places a failed or finished item can go.
    public enum Route: String, Sendable, Hashable, CaseIterable {
        case onSuccess = "OnSuccess"
        case onFailure = "OnFailure"
        /// The function's dead-letter queue (A15).
        case dlq = "DLQ"
        /// The source queue's dead-letter queue (Q4).
        case redrive
        /// The calling service's dead-letter queue: an SNS subscription's (R4) or an
        /// EventBridge target's (R7), for hand-offs Lambda refused.
        case callerDLQ = "caller-DLQ"
    }

    public var route: Route
    public var target: TargetKind
    /// `Success`, `RetriesExhausted`, `EventAgeExceeded`, `ZeroReservedConcurrency`,
    /// `RetryAttemptsExhausted`, `RecordAgeExceeded`; nil for DLQ and redrive messages.
    public var condition: String?
    public var items: [Int]
    public var approximateInvokeCount: Int?
    /// The message's content, by dotted path (A14, A15, K12).
    public var fields: [String: FieldValue]
    /// False when AWS cannot deliver to the target (A13: FIFO queues and topics).
    public var delivered: Bool

    public init(route: Route, target: TargetKind, condition: String?, items: [Int], approximateInvokeCount: Int?, fields: [String: FieldValue], delivered: Bool)
    {
        self.route = route
        self.target = target
        self.condition = condition
        self.items = items
        self.approximateInvokeCount = approximateInvokeCount
        self.fields = fields
        self.delivered = delivered
    }
}

/// A field of a delivered message.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int64)
    /// A payload of this many bytes.
    case size(Int64)
    case absent

    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .int(let number): "\(number)"
        case .size(let bytes): "{size: \(bytes)}"
        case .absent: "absent"
        }
    }
}

/// Where an event or record ended (scenario format, `outcome`).
public enum Outcome: String, Sendable, Hashable, CaseIterable, Comparable {
    case ok
    case errorReturned = "error-returned"
    case throttled
    case rejected
    case dlq
    case onFailure = "on-failure"
    case discarded
    case pending

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
