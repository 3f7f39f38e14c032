/// Writes the YAML of one scenario block from choices: a mode, AWS settings in AWS's names
/// with boundary and extreme values, inputs, assumptions and claims, and now and then a
/// hostile structure (deep nesting, an alias bomb, a duplicate key, a tab, a long flow list).
///
/// Byte mutation of whole scenarios rarely produced a valid one with an extreme value in the
/// right place; here every input is a scenario, and the bytes choose what goes where.
struct ScenarioGenerator {
    var choices: Choices
    /// Whether the scenario is well formed but for a few values (`strictLines`).
    var strict = false

    /// The block's lines (without the fences).
    mutating func lines() -> [String] {
        if strict { return strictLines() }
        var lines: [String] = []
        if choices.chance(160) { lines.append("title: " + title()) }
        lines.append(choices.pick(ValuePools.modes))
        lines.append("function: { " + functionFields().joined(separator: ", ") + " }")
        for _ in 0..<choices.below(4) { lines += awsSection() }
        lines += inputs()
        for _ in 0..<choices.below(3) { lines += section() }
        if choices.chance(48) { lines += Hostile.structure(key: choices.pick(["events", "records", "function", "expect", "x"]), &choices) }
        if choices.chance(24), !lines.isEmpty {
            // A key written twice, or a line indented with a tab.
            let index = choices.below(lines.count)
            lines.insert(choices.chance(128) ? lines[index] : "\t" + lines[index], at: index)
        }
        return lines
    }

    private mutating func title() -> String {
        choices.pick(["\"SQS: batching\"", "<script>alert(\"x\")</script>", "日本語のタイトル", "'quoted'", "a: b", "\"\\u0000\"", "|"])
    }

    private mutating func value(_ pool: [String]) -> String {
        // Mostly the right kind of value for the key, sometimes any kind.
        choices.chance(224) ? choices.pick(pool) : choices.pick(ValuePools.integers + ValuePools.durations + ValuePools.words)
    }

    private mutating func functionFields() -> [String] {
        var fields = ["duration: " + value(ValuePools.durations)]
        if choices.chance(160) { fields.append("fails: " + choices.pick(ValuePools.fails)) }
        if choices.chance(64) { fields.append("failure: " + choices.pick(["error", "timeout", "throttled", "service-error", "x"])) }
        if choices.chance(64) { fields.append("Timeout: " + value(ValuePools.integers)) }
        if choices.chance(64) { fields.append("ReservedConcurrentExecutions: " + value(ValuePools.integers)) }
        if choices.chance(32) { fields.append("response-size: " + value(ValuePools.sizes)) }
        return fields
    }

    /// One of AWS's settings blocks, with every field at a value chosen from its pool.
    private mutating func awsSection() -> [String] {
        let sections: [(String, [(String, [String])])] = [
            (
                "EventInvokeConfig",
                [
                    ("MaximumRetryAttempts", ValuePools.integers), ("MaximumEventAgeInSeconds", ValuePools.integers),
                    ("DestinationConfig", ["{ OnSuccess: sqs, OnFailure: sqs }", "{ OnFailure: sns }", "{}"]),
                ]
            ),
            ("DeadLetterConfig", [("TargetArn", ["sqs", "sns", "x"])]),
            (
                "queue",
                [
                    ("VisibilityTimeout", ValuePools.integers), ("MessageRetentionPeriod", ValuePools.integers),
                    ("RedrivePolicy", ["{ maxReceiveCount: 1 }", "{ maxReceiveCount: 9223372036854775807 }", "{ maxReceiveCount: 0 }"]),
                    ("FifoQueue", ["true", "false"]),
                ]
            ),
            ("stream", [("shards", ValuePools.integers), ("RetentionPeriodHours", ValuePools.integers)]),
            (
                "EventSourceMapping",
                [
                    ("BatchSize", ValuePools.integers), ("MaximumBatchingWindowInSeconds", ValuePools.integers),
                    ("MaximumRetryAttempts", ValuePools.integers), ("MaximumRecordAgeInSeconds", ValuePools.integers),
                    ("BisectBatchOnFunctionError", ["true", "false"]), ("ParallelizationFactor", ValuePools.integers),
                    ("TumblingWindowInSeconds", ValuePools.integers), ("FunctionResponseTypes", ["[ReportBatchItemFailures]", "[]"]),
                    ("ScalingConfig", ["{ MaximumConcurrency: 2 }", "{ MaximumConcurrency: -9223372036854775808 }"]),
                    ("ProvisionedPollerConfig", ["{ MinimumPollers: 1, MaximumPollers: 2000 }", "{ MinimumPollers: 0 }"]),
                    ("StartingPosition", ["LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"]), ("Enabled", ["true", "false"]),
                    ("DestinationConfig", ["{ OnFailure: sqs }"]),
                ]
            ),
            ("account", [("ConcurrentExecutions", ValuePools.integers)]),
            ("caller", [("retries", ValuePools.integers), ("retry-on", ["[throttled, service-error]", "[error]", "[]"])]),
        ]
        let (name, fields) = choices.pick(sections)
        var lines = [name + ":"]
        for (field, pool) in fields where choices.chance(112) {
            lines.append("  \(field): " + value(pool))
        }
        if lines.count == 1 { lines[0] += " {}" }
        return lines
    }

    /// `events:` or `records:` with entries at extreme counts, times and sizes.
    private mutating func inputs() -> [String] {
        var lines = [choices.pick(["events:", "records:"])]
        for _ in 0..<max(1, choices.below(4)) {
            var fields = ["at: " + value(ValuePools.durations)]
            if choices.chance(96) { fields.append("count: " + value(ValuePools.integers)) }
            if choices.chance(64) { fields.append("every: " + value(ValuePools.durations)) }
            if choices.chance(48) { fields.append("size: " + value(ValuePools.sizes)) }
            if choices.chance(32) { fields.append(choices.pick(["shard", "partition-key", "group"]) + ": " + choices.pick(["1", "0", "-1", "k", "\"\""])) }
            if choices.chance(32) { fields.append("fails: " + choices.pick(ValuePools.fails)) }
            if choices.chance(24) { fields.append("duration: " + value(ValuePools.durations)) }
            lines.append("  - { " + fields.joined(separator: ", ") + " }")
        }
        return lines
    }

    /// One of the short sections: assumptions (tiny retry delays), `until`, `seed`, faults,
    /// or claims.
    private mutating func section() -> [String] {
        switch choices.below(5) {
        case 0:
            let assumption = choices.pick([
                "stream-retry-delay", "first-attempt-delay", "throttle-backoff", "sqs-error-backoff", "delivery-latency", "poll-latency",
                "sqs-low-traffic-wait", "record-overhead", "sync-limit", "bisect-at-zero-retries", "retry-from", "window-start",
            ])
            return ["assume: { \(assumption): " + value(ValuePools.durations) + " }"]
        case 1: return ["until: " + value(ValuePools.durations)]
        case 2: return ["seed: " + value(ValuePools.integers)]
        case 3: return ["faults: { " + choices.pick(["drop", "duplicate", "malformed"]) + ": " + value(ValuePools.integers) + " }"]
        default: return ["expect:"] + claims()
        }
    }

    private mutating func claims() -> [String] {
        var lines: [String] = []
        for _ in 0..<max(1, choices.below(4)) {
            switch choices.below(8) {
            case 0: lines.append("  attempts: " + value(ValuePools.integers))
            case 1: lines.append("  attempts-at: [" + (0..<choices.below(4)).map { _ in value(ValuePools.durations) }.joined(separator: ", ") + "]")
            case 2: lines.append("  outcome: " + choices.pick(ValuePools.words))
            case 3:
                lines.append("  batches: [" + (0..<choices.below(3)).map { _ in choices.pick(["1", "\"1-8\"", "[1, 2]", "0"]) }.joined(separator: ", ") + "]")
            case 4: lines.append("  rejected: " + choices.pick(["MaximumRetryAttempts", "BatchSize", "x"]))
            case 5: lines.append("  max-concurrency: { min: " + value(ValuePools.integers) + ", max: " + value(ValuePools.integers) + " }")
            case 6: lines.append("  tolerance: " + value(ValuePools.durations))
            default: lines.append("  first-attempt-at: { min: " + value(ValuePools.durations) + ", max: " + value(ValuePools.durations) + " }")
            }
        }
        return lines
    }
}
