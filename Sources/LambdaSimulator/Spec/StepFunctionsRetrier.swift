/// One retrier of a Step Functions Task state's `Retry` field (rules R14, R15).
///
/// Why: a Step Functions Task is the one synchronous caller that retries function errors,
/// and only as its `Retry` field says; without one an error fails the state.
public struct StepFunctionsRetrier: Sendable, Hashable {
    /// Error names this retrier catches (`States.ALL`, `States.TaskFailed`, `Lambda.…`).
    public var errorEquals: [String]
    /// `IntervalSeconds` (default 1), `MaxAttempts` (default 3; 0 never retries),
    /// `BackoffRate` (default 2.0), `MaxDelaySeconds` (no cap by default).
    public var intervalSeconds: Int64 = 1
    public var maxAttempts: Int = 3
    public var backoffRate: Double = 2.0
    public var maxDelaySeconds: Int64?
    /// `JitterStrategy: FULL`: a random wait in [0, the computed one] (default `NONE`).
    public var fullJitter = false

    public init(errorEquals: [String]) {
        self.errorEquals = errorEquals
    }

    /// Whether it catches a failure known by these names (R14: `States.ALL` catches all,
    /// `States.TaskFailed` all but `States.Timeout`).
    public func matches(_ names: [String]) -> Bool {
        errorEquals.contains { $0 == "States.ALL" || names.contains($0) }
    }

    /// The wait before retry `k` (from 1), ms: `min(IntervalSeconds × BackoffRate^(k−1),
    /// MaxDelaySeconds)` (R14).
    public func wait(beforeRetry k: Int) -> Int64 {
        var seconds = Double(intervalSeconds) * Self.power(backoffRate, k - 1)
        if let maxDelaySeconds { seconds = min(seconds, Double(maxDelaySeconds)) }
        return Int64(min(seconds * 1_000, 8.64e12).rounded())
    }

    /// `x^n` for a whole `n` without Foundation (the simulator uses only the standard
    /// library); past 1,000 steps the wait is capped anyway.
    private static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(max(n, 0), 1_000) { result *= x }
        return result
    }

    /// The names Step Functions gives a failed Lambda task (R15): a handler's exception has
    /// no documented name of its own, so only the `States.` catch-alls see it.
    public static func errorNames(_ failure: CallerSpec.RetryCondition?, timedOut: Bool) -> [String] {
        switch failure {
        case .throttled: ["Lambda.TooManyRequestsException", "States.TaskFailed"]
        case .serviceError: ["Lambda.ServiceException", "States.TaskFailed"]
        case .timeout, nil: timedOut ? ["Lambda.Unknown", "States.TaskFailed"] : ["States.TaskFailed"]
        }
    }
}
