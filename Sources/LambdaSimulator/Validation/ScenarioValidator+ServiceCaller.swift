/// Where the services' hand-off settings apply, and AWS's ranges for them (R3, R4, R6–R9).
///
/// Why: SNS, EventBridge and S3 each have their own policy, named by their own fields; a
/// setting of one service on another (a `RetryPolicy` on SNS, whose policy for Lambda is
/// AWS-managed) would describe nothing, so it is an error that names the rule.
extension ScenarioValidator {
    static func validateServiceCaller(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let service = spec.caller.service
        guard service.isSet else { return }
        switch spec.trigger {
        case .sns:
            if service.setsEventBridgePolicy {
                issues.add(.unsupported, "caller.RetryPolicy", "SNS's delivery policy for Lambda is AWS-managed and cannot be changed", rule: "R3")
            }
            validateDeadLetter(service, field: "RedrivePolicy", path: "caller.RedrivePolicy.deadLetterTargetArn", rule: "R4", &issues)
        case .eventbridge:
            let rule = service.bus == .classic ? "R6" : "R8"
            let names = service.bus == .classic ? ("MaximumRetryAttempts", "MaximumEventAgeInSeconds") : ("MaxRetryAttempts", "MaxEventAgeInSeconds")
            let setsPolicy = service.maximumRetryAttempts != nil || service.maximumEventAgeSeconds != nil
            if setsPolicy, service.usedBusV2Names != (service.bus == .eventbridgev2) {
                issues.add(
                    .combination, "caller.RetryPolicy", "the retry policy of a target on bus \(service.bus.rawValue) is named \(names.0) and \(names.1)",
                    rule: "R8")
            }
            if let count = service.maximumRetryAttempts { issues.range(count, 0...185, "caller.RetryPolicy.\(names.0)", rule: rule) }
            if let age = service.maximumEventAgeSeconds {
                issues.range(age, 60...86_400, "caller.RetryPolicy.\(names.1)", rule: rule, what: "seconds")
            }
            validateDeadLetter(service, field: "DeadLetterConfig", path: "caller.DeadLetterConfig.Arn", rule: "R7", &issues)
        case .s3:
            if service.setsEventBridgePolicy || service.deadLetterQueue != nil {
                issues.add(.unsupported, "caller", "S3 event notifications have no retry policy or dead-letter queue of their own", rule: "R9")
            }
        default:
            issues.add(
                .unsupported, "caller",
                "hand-off-fails, RedrivePolicy, RetryPolicy and DeadLetterConfig describe a service handing events to Lambda (trigger: sns, eventbridge or s3)",
                rule: "R16")
        }
    }

    /// The service's DLQ is named by its own field and is a standard SQS queue (R4, R7).
    private static func validateDeadLetter(_ service: ServiceCallerSpec, field: String, path: String, rule: String, _ issues: inout IssueList) {
        guard let target = service.deadLetterQueue, let used = service.deadLetterField else { return }
        if used != field {
            issues.add(.unsupported, "caller.\(used)", "this service's dead-letter queue is caller.\(field)", rule: rule)
        } else if target != .sqs {
            issues.add(.unsupported, path, "the dead-letter queue must be a standard SQS queue, not \(target.rawValue)", rule: rule)
        }
    }
}
