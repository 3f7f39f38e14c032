import NotesCore

/// AWS's ranges and combination rules for Kafka mappings (KF2, KF5, KF6, KF8, KF9), kept
/// apart from the SQS and stream rules because a Kafka mapping takes a different set of
/// parameters (a 500 ms window, poller configs, a Kafka topic as destination).
extension ScenarioValidator {
    /// The longest function timeout a Kafka or Amazon MQ mapping supports: 14 minutes (KF9, M7).
    public static let brokerMappingTimeoutSeconds: Int64 = 840

    static func validateKafka(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let mapping = spec.mapping
        let path = "EventSourceMapping"
        if let size = mapping.batchSize {
            issues.range(size, 1...10_000, "\(path).BatchSize", rule: "KF2")
        }
        if let window = mapping.batchingWindowSeconds {
            issues.range(window, 0...300, "\(path).MaximumBatchingWindowInSeconds", rule: "KF2", what: "seconds")
        }
        issues.range(mapping.maximumRetryAttempts, -1...10_000, "\(path).MaximumRetryAttempts", rule: "KF5", what: "(−1 is infinite)")
        let age = mapping.maximumRecordAgeSeconds
        if age != -1, !(60...604_800).contains(age) {
            issues.add(
                .range, "\(path).MaximumRecordAgeInSeconds", "MaximumRecordAgeInSeconds must be −1 (infinite) or 60–604800 (AWS limit), not \(age)",
                rule: "KF5")
        }
        for key in ["ParallelizationFactor", "TumblingWindowInSeconds"] where mapping.explicitlySet.contains(key) {
            issues.add(.unsupported, "\(path).\(key)", "\(key) applies to Kinesis and DynamoDB streams only, not to Kafka", rule: "KF2")
        }
        for key in ["ScalingConfig", "FunctionResponseTypesFIFO"] where mapping.explicitlySet.contains(key) {
            issues.add(.unsupported, "\(path).\(key)", "\(key) applies to SQS event sources only; Kafka uses ProvisionedPollerConfig", rule: "KF8")
        }
        validateStartingTimestamp(mapping, rule: "KF2", &issues)
        validateKafkaPollers(mapping, path: path, &issues)
        validateConsumerGroup(spec, path: path, &issues)
        issues.range(spec.assumptions.kafkaPollers, 1...10_000, "assume.kafka-pollers", rule: "KF7")
        issues.range(spec.assumptions.kafkaPollerBatches, 1...10_000, "assume.kafka-poller-batches", rule: "KF8")
        if let target = mapping.onFailure {
            if ![.sqs, .sns, .s3, .kafka, .sqsFIFO, .snsFIFO].contains(target) {
                issues.add(
                    .unsupported, "\(path).DestinationConfig.OnFailure",
                    "a Kafka mapping's on-failure destination must be an SQS queue, an SNS topic, an S3 bucket or a Kafka topic, not \(target.rawValue)",
                    rule: "KF6")
            } else if target == .kafka, spec.topic.failureTopic == spec.topic.name {
                // L7 (with KF6): the one recursive loop Lambda refuses at configuration time
                // rather than detecting it at run time (L3).
                issues.add(
                    .combination, "\(path).DestinationConfig.OnFailure",
                    "the on-failure Kafka topic must differ from the source topic '\(spec.topic.name)' (Lambda blocks the loop)", rule: "L7")
            }
        }
        if (brokerMappingTimeoutSeconds + 1...900).contains(spec.function.timeoutSeconds) {
            // Beyond 900 s the function's own range (S6) already says so.
            issues.range(
                spec.function.timeoutSeconds, 1...brokerMappingTimeoutSeconds, "function.Timeout", rule: "KF9",
                what: "seconds for a Kafka event source mapping")
        }
        issues.range(spec.topic.partitions, 1...10_000, "topic.partitions", rule: "KF1", what: "(simulation limit)")
        if spec.topic.retention < 1 {
            issues.add(.range, "topic.retention", "retention must be positive, not \(SimTime(milliseconds: spec.topic.retention))", rule: "KF4")
        }
        for (index, group) in spec.arrivals.enumerated() {
            if let partition = group.partition, !(0..<max(1, spec.topic.partitions)).contains(partition) {
                issues.add(
                    .range, "records.\(index + 1).partition",
                    "partition must be 0–\(max(1, spec.topic.partitions) - 1) (the topic has \(spec.topic.partitions)), not \(partition)", rule: "KF1")
            }
        }
    }

    /// `ConsumerGroupId` (KF2): in the config of the cluster's kind, 1–200 characters of
    /// `[a-zA-Z0-9-/*:_+=.@]`, as the API's pattern allows.
    private static func validateConsumerGroup(_ spec: ScenarioSpec, path: String, _ issues: inout IssueList) {
        let expected = spec.topic.consumerGroupConfigKey
        for key in ["AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig"] where key != expected {
            if spec.mapping.explicitlySet.contains(key) {
                issues.add(
                    .combination, "\(path).\(key)", "a \(spec.topic.cluster.rawValue) cluster takes \(expected), not \(key)", rule: "KF2")
            }
        }
        guard let id = spec.topic.consumerGroupId else { return }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/*:_+=.@")
        if !(1...200).contains(id.count) || !id.allSatisfy(allowed.contains) {
            issues.add(
                .range, "\(path).\(expected).ConsumerGroupId",
                "ConsumerGroupId must be 1–200 characters of letters, digits and -/*:_+=.@ (AWS limit), not '\(id)'", rule: "KF2")
        }
    }

    /// `ProvisionedPollerConfig` for Kafka: MinimumPollers 1–200, MaximumPollers 1–2,000,
    /// Maximum ≥ Minimum (KF8).
    private static func validateKafkaPollers(_ mapping: MappingSpec, path: String, _ issues: inout IssueList) {
        if let minimum = mapping.provisionedMinimum {
            issues.range(minimum, 1...200, "\(path).ProvisionedPollerConfig.MinimumPollers", rule: "KF8")
        }
        if let maximum = mapping.provisionedMaximum {
            issues.range(maximum, 1...2_000, "\(path).ProvisionedPollerConfig.MaximumPollers", rule: "KF8")
            if let minimum = mapping.provisionedMinimum, minimum > maximum {
                issues.add(.combination, "\(path).ProvisionedPollerConfig", "MaximumPollers must be greater than or equal to MinimumPollers", rule: "KF8")
            }
        }
    }
}
