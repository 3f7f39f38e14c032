/// AWS's ranges for Amazon MQ mappings (M2, M6, M7): the batching parameters only, since
/// Lambda leaves retries to the broker and offers no retry, age, bisect or destination
/// settings for MQ.
extension ScenarioValidator {
    /// The settings AWS scopes to streams, SQS or Kafka and an MQ mapping does not take (M6).
    static let settingsMQDoesNotTake = [
        "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "DestinationConfig", "FunctionResponseTypes",
        "ParallelizationFactor", "TumblingWindowInSeconds", "StartingPosition", "StartingPositionTimestamp", "ScalingConfig",
        "ProvisionedPollerConfig",
    ]

    static func validateMQ(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let mapping = spec.mapping
        let path = "EventSourceMapping"
        if let size = mapping.batchSize {
            issues.range(size, 1...10_000, "\(path).BatchSize", rule: "M2")
        }
        if let window = mapping.batchingWindowSeconds {
            issues.range(window, 0...300, "\(path).MaximumBatchingWindowInSeconds", rule: "M2", what: "seconds")
        }
        switch (spec.broker.engine, spec.broker.deployment) {
        case (_, .singleInstance), (.activemq, .activeStandby), (.rabbitmq, .cluster): break
        case (let engine, let deployment):
            let other = engine == .activemq ? "active-standby" : "cluster"
            issues.add(
                .unsupported, "broker.deployment", "\(engine.rawValue) brokers deploy as single-instance or \(other), not \(deployment.rawValue)",
                rule: "M1")
        }
        if let window = spec.broker.maintenance, window.isEmpty {
            issues.add(.range, "broker.maintenance.duration", "the maintenance must last longer than 0 s", rule: "M1")
        }
        for key in settingsMQDoesNotTake where mapping.explicitlySet.contains(key) {
            issues.add(.unsupported, "\(path).\(key)", "\(key) is not supported for Amazon MQ; the broker redelivers failed messages", rule: "M6")
        }
        if (brokerMappingTimeoutSeconds + 1...900).contains(spec.function.timeoutSeconds) {
            issues.range(
                spec.function.timeoutSeconds, 1...brokerMappingTimeoutSeconds, "function.Timeout", rule: "M7",
                what: "seconds for an Amazon MQ event source mapping")
        }
    }
}
