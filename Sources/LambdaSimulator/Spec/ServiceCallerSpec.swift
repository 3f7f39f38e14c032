/// What an asynchronous AWS service (SNS, EventBridge, S3) does when Lambda refuses to take
/// an event from it (rules R2–R4, R6–R9).
///
/// Why a type of its own: the service's delivery ends when Lambda accepts the event (R1, R5),
/// so its own retries and dead-letter queue only show when the hand-off itself fails; the
/// scenario says which hand-offs fail and how, and the service's documented policy decides
/// what follows.
public struct ServiceCallerSpec: Sendable, Hashable {
    /// Why Lambda refused a hand-off, as the service sees it.
    public enum Refusal: String, Sendable, Hashable, CaseIterable {
        /// Lambda is unavailable or answers 5xx: a server-side error, retried (R2, R7).
        case serverError = "server-error"
        /// 429 `TooManyRequestsException`: server-side for SNS (R2), `THROTTLING` for
        /// EventBridge (R7); retried.
        case throttled
        /// The service may no longer invoke the function (403): a client-side error, not
        /// retried (R2, R7 `NO_PERMISSIONS`).
        case noPermission = "no-permission"
        /// The function no longer exists (404): a client-side error, not retried (R2, R7
        /// `NO_RESOURCE`).
        case deleted

        /// Whether the service retries it (R2, R7).
        public var isRetried: Bool { self == .serverError || self == .throttled }

        /// The HTTP status and Lambda's error name for the refusal.
        public var response: (status: Int, error: String) {
            switch self {
            case .serverError: (500, "ServiceException")
            case .throttled: (429, "TooManyRequestsException")
            case .noPermission: (403, "AccessDeniedException")
            case .deleted: (404, "ResourceNotFoundException")
            }
        }

        /// EventBridge's `ERROR_CODE` attribute on its DLQ message (R7).
        public var eventBridgeErrorCode: String {
            switch self {
            case .serverError: "ERROR_FROM_TARGET"
            case .throttled: "THROTTLING"
            case .noPermission: "NO_PERMISSIONS"
            case .deleted: "NO_RESOURCE"
            }
        }
    }

    /// Which EventBridge bus the rule or subscription belongs to (R6, R8).
    public enum Bus: String, Sendable, Hashable, CaseIterable {
        /// A classic custom or default bus: 185 retries over 24 hours by default (R6).
        case classic
        /// The 2025 Custom Event Bus (API `eventbridgev2-2025-05-15`): 5 retries or 300 s (R8).
        case eventbridgev2
    }

    /// Which of the service's hand-off attempts Lambda refuses: the Nth attempt of each
    /// event (`[1, 2]`), `always`, or a seeded rate.
    public var handOffFails: FailurePlan = .never
    public var handOffFailure: Refusal = .serverError
    /// The SNS subscription's `RedrivePolicy.deadLetterTargetArn` (R4) or the EventBridge
    /// target's `DeadLetterConfig.Arn` (R7).
    public var deadLetterQueue: TargetKind?
    /// EventBridge `RetryPolicy`; nil: the bus's default (R6, R8).
    public var maximumRetryAttempts: Int?
    public var maximumEventAgeSeconds: Int64?
    public var bus: Bus = .classic
    /// Whether `RetryPolicy` used the 2025 bus's names (`MaxRetryAttempts`,
    /// `MaxEventAgeInSeconds`), for validation (R8).
    public var usedBusV2Names = false
    /// Which AWS field named the dead-letter queue (`RedrivePolicy` is SNS's, R4;
    /// `DeadLetterConfig` EventBridge's, R7), for validation.
    public var deadLetterField: String?
    /// Whether `RetryPolicy` or `bus` was given, for validation (only EventBridge has them).
    public var setsEventBridgePolicy = false

    public init() {}

    /// Whether the scenario said anything about the service at all.
    public var isSet: Bool { self != ServiceCallerSpec() }

    /// EventBridge's retry limit: the policy's, else 185 on a classic bus (R6) and 5 on the
    /// 2025 bus (R8).
    public var eventBridgeRetries: Int { maximumRetryAttempts ?? (bus == .classic ? 185 : 5) }

    /// EventBridge's event age limit, ms: 24 h on a classic bus (R6), 300 s on the 2025 bus (R8).
    public var eventBridgeMaximumAge: Int64 { (maximumEventAgeSeconds ?? (bus == .classic ? 86_400 : 300)) * 1_000 }
}

/// The AWS-managed delivery policy SNS uses for Lambda endpoints (R3): 100,015 retries in
/// four phases, not configurable.
public enum SNSDeliveryPolicy {
    /// Retries after the first attempt: 3 + 2 + 10 + 100,000 (R3).
    public static let retries = 100_015

    /// The backoff phase's ten waits for the default `geometric` function, ms: `20^((k−1)/9)` s
    /// from 1 s to 20 s (§17 `sns-backoff`: AWS publishes only the endpoints; no jitter).
    static let backoffPhase: [Int64] = [1_000, 1_395, 1_946, 2_714, 3_786, 5_282, 7_368, 10_278, 14_337, 20_000]

    /// The wait before retry `k` (from 1), ms (R3): the immediate phase's 3 without delay,
    /// the pre-backoff phase's 2 one second apart, the backoff phase's 10 along `function`
    /// (`sns-backoff`), then 20 s apart.
    public static func wait(beforeRetry k: Int, function: Assumptions.SNSBackoffFunction = .geometric) -> Int64 {
        switch k {
        case ...3: 0
        case 4...5: 1_000
        case 6...15: backoff(step: k - 6, function)
        default: 20_000
        }
    }

    /// Wait `step` (0…9) of the backoff phase from 1 s to 20 s: the share `t = step/9` of the
    /// way along the curve, rounded to the millisecond (R3, §17).
    static func backoff(step: Int, _ function: Assumptions.SNSBackoffFunction) -> Int64 {
        let first: Int64 = 1_000
        let span: Int64 = 19_000
        let numerator: Int64
        let denominator: Int64
        switch function {
        case .geometric: return backoffPhase[step]
        case .linear: (numerator, denominator) = (Int64(step), 9)
        case .arithmetic: (numerator, denominator) = (Int64(step * step), 81)
        case .exponential: (numerator, denominator) = ((Int64(1) << Int64(step)) - 1, 511)
        }
        return first + (span * numerator + denominator / 2) / denominator
    }
}

/// The retry schedule of an EventBridge target (R6): exponential, unpublished.
public enum EventBridgeRetrySchedule {
    /// The wait before retry `n` (from 1), ms: `min(base × 2^(n−1), cap)`, by default
    /// `min(2^(n−1), 480)` s (§17 `eventbridge-backoff`: "exponential back off and jitter" is
    /// all AWS says).
    public static func wait(beforeRetry n: Int, base: Int64 = 1_000, cap: Int64 = 480_000) -> Int64 {
        Assumptions.doubling(base: base, times: max(n - 1, 0), cap: cap)
    }
}
