/// AWS's rules for execution-environment settings (X2, X5, X9).
///
/// Why a file of its own: provisioned concurrency has its own limits, tied to reserved and
/// account concurrency, and the scenario's `init` is a simulation value with a range.
extension ScenarioValidator {
    /// The longest `Init` simulated: 15 min, what a provisioned environment may take (X3).
    public static let maximumInitDuration: Int64 = 900_000

    static func validateEnvironments(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let function = spec.function
        if !(0...maximumInitDuration).contains(function.initDuration) {
            issues.add(.range, "function.init", "init must be 0–15 min (the longest Init of a provisioned environment, X3)", rule: "X3")
        }
        if function.snapStart, function.initFails != .never {
            // X13: Init ran when the version was published; no request waits for it.
            issues.add(.combination, "function.init-fails", "with SnapStart, Init runs when the version is published, not on a request", rule: "X13")
        }
        if function.lastInvoked != nil, !function.snapStart || spec.mode != .sync {
            // X13: AWS documents what an Invoke of an Inactive version returns, not what its
            // asynchronous queue or a mapping's poller does with it.
            issues.add(
                .unsupported, "function.last-invoked",
                "last-invoked makes a SnapStart version Inactive (X13), which AWS documents for synchronous invocations only (mode: sync with SnapStart)",
                rule: "X13")
        }
        if case .attempts(let numbers) = function.initFails, numbers.contains(where: { $0 < 1 }) {
            issues.add(.range, "function.init-fails", "Init numbers count from 1", rule: "X4")
        }
        if function.loops, spec.mode == .sync || (spec.mode.eventSource.map { $0 != .queue } ?? false) {
            // L2: streams, Kafka topics, brokers and change streams are not tracked (a loop
            // there runs forever; L7 refuses a Kafka destination equal to the source topic), and
            // a function calling itself synchronously is not simulated.
            issues.add(
                .unsupported, "function.loop",
                "loops are simulated through SQS, SNS, S3, EventBridge and asynchronous invocations only: AWS does not stop a loop through a stream, a Kafka topic, a broker or a change stream, and a synchronous one is not simulated",
                rule: "L2")
        }
        guard let provisioned = function.provisionedConcurrency else { return }
        // X9: at least 1, at most the function's reserved concurrency, and at most the
        // account's unreserved concurrency minus 100.
        let unreservedMaximum = max(1, spec.accountConcurrency - 100 - (function.reservedConcurrency ?? 0))
        if provisioned < 1 {
            issues.add(
                .range, "function.ProvisionedConcurrentExecutions", "ProvisionedConcurrentExecutions must be at least 1 (AWS limit), not \(provisioned)",
                rule: "X9")
        } else if let reserved = function.reservedConcurrency, provisioned > reserved {
            issues.add(
                .combination, "function.ProvisionedConcurrentExecutions",
                "ProvisionedConcurrentExecutions (\(provisioned)) cannot exceed ReservedConcurrentExecutions (\(reserved))", rule: "X9")
        } else if function.reservedConcurrency == nil, provisioned > unreservedMaximum {
            issues.add(
                .range, "function.ProvisionedConcurrentExecutions",
                "ProvisionedConcurrentExecutions must be at most \(unreservedMaximum) (the account's unreserved concurrency minus 100, AWS limit), not \(provisioned)",
                rule: "X9")
        }
    }
}
