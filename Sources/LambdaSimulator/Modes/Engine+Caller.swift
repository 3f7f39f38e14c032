/// The synchronous caller's own retries: an SDK or CLI retry mode (R10–R13), or the
/// scenario's hand-written `retries` / `retry-on` (S4).
///
/// Why apart from `Engine+Sync`: Lambda never retries a synchronous call (S1); what happens
/// after a 429, a 5xx or a client timeout is the caller's policy, and the SDK's numbers
/// (attempts, backoff, jitter) are their own rules.
extension Engine {
    /// What the trigger implies when the scenario names no caller policy: the AWS CLI v2
    /// retries in standard mode (R10), an SDK in boto3's legacy mode (R11).
    var callerPolicy: SDKRetryPolicy? {
        if let sdk = spec.caller.sdk { return sdk }
        guard spec.caller.retries == 0, spec.caller.retryOn.isEmpty else { return nil }
        switch spec.trigger {
        case .cli: return SDKRetryPolicy(mode: .standard)
        case .sdk: return SDKRetryPolicy(mode: .legacy)
        default: return nil
        }
    }

    /// The client's read timeout when the scenario sets none: 60 s for the CLI and boto3
    /// (R13, KC-SDK).
    var callerClientTimeout: Int64? {
        if let timeout = spec.caller.timeout { return timeout }
        return spec.trigger == .cli || spec.trigger == .sdk ? 60_000 : nil
    }

    /// Whether the caller tries again after try `callerTry` (from 0) failed with `condition`:
    /// an SDK retries throttles, 5xx and client timeouts until `maxAttempts` (R10, R13),
    /// never a function error; a hand-written caller what it lists (S4).
    func callerRetries(_ condition: CallerSpec.RetryCondition, callerTry: Int) -> Bool {
        if let policy = callerPolicy { return callerTry + 1 < policy.maxAttempts }
        return spec.caller.retryOn.contains(condition) && callerTry < spec.caller.retries
    }

    /// The wait before the caller's next try, ms: an SDK waits a seeded random share of its
    /// backoff ceiling (R12); a hand-written caller 100 ms doubling to 20 s (S4).
    func callerBackoff(item: Int, callerTry: Int, throttling: Bool) -> Int64 {
        guard let policy = callerPolicy else { return min(100 * (Int64(1) << min(callerTry, 20)), 20_000) }
        if policy.mode != .legacy { assume(.sdkRetryGeneration) }
        let ceiling = policy.backoffCeiling(retry: callerTry + 1, throttling: throttling, generation2026: spec.assumptions.sdkRetries2026)
        assume(.sdkJitter)
        guard spec.assumptions.sdkJitter else { return ceiling }
        let draw = FunctionModel.mix(spec.seed, UInt64(item), 0x5D4_0000 + UInt64(callerTry)) % 1_000_000
        return Int64(draw) * ceiling / 1_000_000
    }

    /// Step Functions runs the task again if a retrier catches the failure known by `names`
    /// and has attempts left: it records the retry and returns true (R14, R15). The first
    /// retrier that catches the error decides, even with no attempts left. The wait counts
    /// from the end of the failed attempt, or from its start (`sfn-retry-from`, §17).
    func retryStepFunctions(item: Int, callerTry: Int, names: [String]) -> Bool {
        guard let retriers = spec.caller.retriers, syncItems[item] != nil,
            let index = retriers.firstIndex(where: { $0.matches(names) })
        else { return false }
        var counts = stepFunctionsRetries[item] ?? Array(repeating: 0, count: retriers.count)
        let retrier = retriers[index]
        let used = counts[index]
        guard used < retrier.maxAttempts else { return false }
        counts[index] = used + 1
        stepFunctionsRetries[item] = counts
        assume(.sfnRetryFrom)
        var wait = retrier.wait(beforeRetry: used + 1)
        if retrier.fullJitter {
            assume(.sdkJitter)
            let draw = FunctionModel.mix(spec.seed, UInt64(item), 0x5F0_0000 + UInt64(used)) % 1_000_001
            wait = Int64(draw) * wait / 1_000_000
        }
        if spec.assumptions.sfnRetryFrom == .attemptStart, let start = syncItems[item]?.triedAt {
            wait = max(0, wait - (now - start))
        }
        record(.retryScheduled(items: [item], reason: .caller, delay: wait), rules: [.R14, .R15, .R16])
        schedule(.syncTry(item: item, callerTry: callerTry + 1), after: wait)
        return true
    }

    /// An asynchronous service's delivery succeeds when Lambda accepts the event (202): its
    /// own retry policy and dead-letter queue are for hand-offs Lambda refuses, and function
    /// errors are Lambda's to retry (A3). SNS (R1), EventBridge rules (R5), S3 (R9); R16 sums
    /// up who retries what.
    var serviceHandOffRules: RuleSet {
        switch spec.trigger {
        case .sns: [.R1, .R16]
        case .eventbridge: [.R5, .R16]
        case .s3: [.R9, .R16]
        default: []
        }
    }

    /// The rules behind a caller retry: the SDK's (R10, R12, R13) or S4.
    var callerRules: RuleSet {
        callerPolicy == nil ? .S4 : [.S4, .R10, .R12, .R13, .R16]
    }
}
