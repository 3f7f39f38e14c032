/// The final states of one input: usually one, `[dlq, onFailure]` when both received it.
public struct OutcomeSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public init(_ outcome: Outcome) {
        self.init(rawValue: 1 << outcome.ordinal)
    }

    public static let ok = OutcomeSet(.ok)
    public static let errorReturned = OutcomeSet(.errorReturned)
    public static let throttled = OutcomeSet(.throttled)
    public static let rejected = OutcomeSet(.rejected)
    public static let dlq = OutcomeSet(.dlq)
    public static let onFailure = OutcomeSet(.onFailure)
    public static let discarded = OutcomeSet(.discarded)
    public static let pending = OutcomeSet(.pending)

    /// The outcomes, in `Outcome` order.
    public var list: [Outcome] {
        if rawValue != 0, rawValue & (rawValue &- 1) == 0 {
            return Self.singleLists[rawValue.trailingZeroBitCount]
        }
        return Outcome.allCases.filter { contains(OutcomeSet($0)) }
    }

    /// Each outcome alone as a list, made once and shared: nearly every input ends in one
    /// outcome, and a list made for each of them was an allocation per settled input.
    static let singleLists: [[Outcome]] = Outcome.allCases.map { [$0] }
}

extension Outcome {
    /// The position of the case in `allCases`, without a search.
    var ordinal: Int {
        switch self {
        case .ok: 0
        case .errorReturned: 1
        case .throttled: 2
        case .rejected: 3
        case .dlq: 4
        case .onFailure: 5
        case .discarded: 6
        case .pending: 7
        }
    }
}

extension Delivery.Route {
    /// The position of the case in `allCases`, without a search.
    var ordinal: Int {
        switch self {
        case .onSuccess: 0
        case .onFailure: 1
        case .dlq: 2
        case .redrive: 3
        case .callerDLQ: 4
        }
    }
}

extension Assumptions.Name {
    /// A bit of its own, for cheap "relied on" bookkeeping.
    var bit: UInt64 {
        switch self {
        case .firstAttemptDelay: 1 << 0
        case .retryFrom: 1 << 1
        case .throttleBackoff: 1 << 2
        case .streamRetryDelay: 1 << 3
        case .bisectSplit: 1 << 4
        case .bisectAtZeroRetries: 1 << 5
        case .sqsErrorBackoff: 1 << 6
        case .redriveAt: 1 << 7
        case .windowStart: 1 << 8
        case .deliveryLatency: 1 << 9
        case .pollLatency: 1 << 10
        case .recordOverhead: 1 << 11
        case .syncLimit: 1 << 12
        case .sqsLowTrafficWait: 1 << 13
        case .kafkaRetryDelay: 1 << 14
        case .kafkaStartDelay: 1 << 15
        case .topicExpiry: 1 << 16
        case .kafkaBatchScope: 1 << 17
        case .kafkaPollers: 1 << 18
        case .activemqRedeliveryDelay: 1 << 19
        case .rabbitmqRedelivery: 1 << 20
        case .changeStreamRetryDelay: 1 << 21
        case .idleLifetime: 1 << 22
        case .environmentReuse: 1 << 23
        case .provisionedReadyAfter: 1 << 24
        case .initOverrun: 1 << 25
        case .sdkJitter: 1 << 26
        case .sdkRetryGeneration: 1 << 27
        case .sfnRetryFrom: 1 << 28
        case .kafkaPollerBatches: 1 << 29
        case .kafkaScalingDelay: 1 << 30
        case .snsBackoff: 1 << 31
        case .eventbridgeBackoff: 1 << 32
        case .s3HandOff: 1 << 33
        case .snapstartRestore: 1 << 34
        case .adaptiveLimiter: 1 << 35
        case .maxEnvironmentLifetime: 1 << 36
        case .recursionThreshold: 1 << 37
        case .handOffLatency: 1 << 38
        case .snapstartReactivation: 1 << 39
        case .recursionCondition: 1 << 40
        case .provisionedRecycle: 1 << 41
        case .startingPosition: 1 << 42
        }
    }
}
