/// Where a caller's own retry policy can apply (R16).
///
/// Why: an event source mapping's poller is the caller and retries by the mapping's rules
/// (§3–§5), so an SDK policy there would describe nothing; and a hand-written retry count
/// and an SDK mode cannot both decide.
extension ScenarioValidator {
    static func validateCaller(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let caller = spec.caller
        let custom = caller.retries != 0 || !caller.retryOn.isEmpty
        if caller.sdk != nil, custom {
            issues.add(.combination, "caller", "retry-mode and max-attempts replace retries and retry-on: give one or the other", rule: "R10")
        }
        if let retriers = caller.retriers { validateRetriers(retriers, spec, &issues) }
        let eventSource = spec.mode.eventSource != nil
        if !eventSource { validateServiceCaller(spec, &issues) }
        if let trigger = spec.trigger, [.sns, .eventbridge, .s3].contains(trigger), caller.sdk != nil || custom || caller.timeout != nil {
            // R16: SNS, EventBridge and S3 are the callers; their hand-off policy is their own.
            issues.add(
                .unsupported, "caller",
                "\(trigger.rawValue) invokes the function itself and retries by its own policy: retry-mode, retries and timeout describe an SDK or CLI",
                rule: "R16")
        }
        if eventSource, caller.sdk != nil || custom || caller.timeout != nil || caller.retriers != nil || caller.service.isSet {
            issues.add(
                .unsupported, "caller", "an event source mapping's poller is the caller: it retries by the mapping's rules, not by a caller policy",
                rule: "R16")
        }
    }

    /// R14: every retrier names errors; `States.ALL` stands alone in the last one; AWS's
    /// ranges for the counts; Step Functions waits for the function, so only synchronously.
    private static func validateRetriers(_ retriers: [StepFunctionsRetrier], _ spec: ScenarioSpec, _ issues: inout IssueList) {
        if spec.mode != .sync {
            issues.add(.unsupported, "caller.Retry", "a Step Functions Retry applies to a Task that waits for the function (mode: sync)", rule: "R14")
        }
        if spec.caller.sdk != nil {
            issues.add(.combination, "caller.Retry", "a caller is either Step Functions (Retry) or an SDK (retry-mode), not both", rule: "R16")
        }
        for (index, retrier) in retriers.enumerated() {
            let path = "caller.Retry[\(index)]"
            if retrier.errorEquals.isEmpty {
                issues.add(.range, path + ".ErrorEquals", "ErrorEquals must name at least one error", rule: "R14")
            }
            if retrier.errorEquals.contains("States.ALL"), retrier.errorEquals.count > 1 || index != retriers.count - 1 {
                issues.add(.combination, path + ".ErrorEquals", "States.ALL must appear alone, in the last retrier", rule: "R14")
            }
            issues.range(retrier.maxAttempts, 0...99_999_999, path + ".MaxAttempts", rule: "R14")
            issues.range(retrier.intervalSeconds, 1...99_999_999, path + ".IntervalSeconds", rule: "R14", what: "seconds")
            if let delay = retrier.maxDelaySeconds { issues.range(delay, 1...99_999_999, path + ".MaxDelaySeconds", rule: "R14", what: "seconds") }
        }
    }
}
