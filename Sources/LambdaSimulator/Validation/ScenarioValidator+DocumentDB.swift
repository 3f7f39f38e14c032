/// AWS's ranges and requirements for DocumentDB mappings (D2, D3, D4): batching parameters,
/// a database name, a supported cluster, and none of the retry settings (D3).
extension ScenarioValidator {
    /// The settings a DocumentDB mapping does not take: it retries until success (D3).
    static let settingsDocumentDBDoesNotTake = [
        "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "DestinationConfig", "FunctionResponseTypes",
        "ParallelizationFactor", "TumblingWindowInSeconds", "ScalingConfig", "ProvisionedPollerConfig",
    ]

    static func validateDocumentDB(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let mapping = spec.mapping
        let path = "EventSourceMapping"
        if let size = mapping.batchSize {
            issues.range(size, 1...10_000, "\(path).BatchSize", rule: "D2")
        }
        if let window = mapping.batchingWindowSeconds {
            issues.range(window, 0...300, "\(path).MaximumBatchingWindowInSeconds", rule: "D2", what: "seconds")
        }
        if spec.changeStream.databaseName.isEmpty {
            issues.add(.combination, "\(path).DocumentDBEventSourceConfig", "a DocumentDB mapping needs a DocumentDBEventSourceConfig.DatabaseName", rule: "D2")
        }
        validateStartingTimestamp(mapping, rule: "D2", &issues)
        for key in settingsDocumentDBDoesNotTake where mapping.explicitlySet.contains(key) {
            issues.add(.unsupported, "\(path).\(key)", "\(key) is not supported for DocumentDB; Lambda retries until the batch succeeds", rule: "D3")
        }
        if !["4.0", "5.0"].contains(spec.changeStream.version) {
            issues.add(.unsupported, "cluster.version", "Lambda supports DocumentDB 4.0 and 5.0 only, not \(spec.changeStream.version)", rule: "D4")
        }
        if [.elastic, .global].contains(spec.changeStream.clusterType) {
            issues.add(
                .unsupported, "cluster.type",
                "Lambda supports instance-based and regional DocumentDB clusters, not \(spec.changeStream.clusterType.rawValue) ones",
                rule: "D4")
        }
        if spec.changeStream.retention < 1 {
            issues.add(.range, "cluster.change-stream-retention", "change-stream-retention must be positive", rule: "D3")
        }
    }
}
