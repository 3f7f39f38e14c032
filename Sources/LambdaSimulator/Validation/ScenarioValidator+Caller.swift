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
        if spec.mode.eventSource != nil, caller.sdk != nil || custom || caller.timeout != nil {
            issues.add(
                .unsupported, "caller", "an event source mapping's poller is the caller: it retries by the mapping's rules, not by a caller policy",
                rule: "R16")
        }
    }
}
