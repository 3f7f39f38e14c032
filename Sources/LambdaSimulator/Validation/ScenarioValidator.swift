import NotesCore
/// Checks a scenario against AWS's documented ranges and combination rules, before any
/// simulation: a configuration AWS rejects is reported, never simulated.
///
/// Where AWS accepts a configuration and fails later (a FIFO queue as an async
/// destination, A13), validation passes and the simulation shows the failure.
public enum ScenarioValidator {
    /// The largest account concurrency simulated. AWS raises the quota on request, without a
    /// documented maximum; a million environments is far beyond any figure, and keeps the
    /// engine's sums of capacities inside 64 bits.
    public static let maximumAccountConcurrency = 1_000_000

    /// Every issue of the scenario, in a stable order.
    public static func validate(_ spec: ScenarioSpec) -> [ValidationIssue] {
        var issues = IssueList()
        validateFunction(spec, &issues)
        validateEnvironments(spec, &issues)
        validateCaller(spec, &issues)
        validateInputs(spec, &issues)
        switch spec.mode {
        case .sync:
            break
        case .async:
            validateAsync(spec, &issues)
        case .sqs, .sqsFIFO:
            validateQueue(spec, &issues)
        case .kinesis, .dynamodb:
            validateStream(spec, &issues)
        case .kafka:
            validateKafka(spec, &issues)
        case .mq:
            validateMQ(spec, &issues)
        case .documentdb:
            validateDocumentDB(spec, &issues)
        }
        if spec.mode != .async {
            // S9: function-level async settings are accepted in every mode (AWS accepts them on
            // any function); their ranges still apply.
            validateAsyncRanges(spec, &issues)
        }
        return issues.items
    }

    /// AT_TIMESTAMP without the time to start from: AWS rejects the mapping (K3, KF2, D2).
    static func validateStartingTimestamp(_ mapping: MappingSpec, rule: String, _ issues: inout IssueList) {
        guard case .atTimestamp(nil) = mapping.startingPosition else { return }
        issues.add(
            .combination, "EventSourceMapping.StartingPosition",
            "StartingPosition AT_TIMESTAMP needs a StartingPositionTimestamp, the time reading starts from", rule: rule)
    }

    /// Collects issues.
    struct IssueList {
        var items: [ValidationIssue] = []

        mutating func range<T: Comparable>(_ value: T, _ bounds: ClosedRange<T>, _ parameter: String, rule: String?, what: String? = nil) {
            guard !bounds.contains(value) else { return }
            let limits = "\(bounds.lowerBound)–\(bounds.upperBound)"
            items.append(
                ValidationIssue(
                    .range, parameter: parameter, "\(Self.leaf(parameter)) must be \(limits)\(what.map { " " + $0 } ?? "") (AWS limit), not \(value)",
                    rule: rule))
        }

        mutating func add(_ kind: ValidationIssue.Kind, _ parameter: String, _ message: String, rule: String?) {
            items.append(ValidationIssue(kind, parameter: parameter, message, rule: rule))
        }

        static func leaf(_ parameter: String) -> String {
            String(parameter.split(separator: ".").last ?? Substring(parameter))
        }
    }

    private static func validateFunction(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let function = spec.function
        issues.range(function.timeoutSeconds, 1...900, "function.Timeout", rule: "S6", what: "seconds")
        if spec.mode.eventSource == nil, case .records = function.fails {
            issues.add(.unsupported, "function.fails", recordsOnEvents, rule: nil)
        }
        if spec.accountConcurrency < 1 {
            issues.add(.range, "account.ConcurrentExecutions", "ConcurrentExecutions must be at least 1, not \(spec.accountConcurrency)", rule: "C1")
        } else if spec.accountConcurrency > maximumAccountConcurrency {
            issues.add(
                .range, "account.ConcurrentExecutions",
                "ConcurrentExecutions must be at most \(maximumAccountConcurrency) (simulation limit), not \(spec.accountConcurrency)", rule: "C1")
        }
        // Only against an account in range: `ConcurrentExecutions: -9223372036854775808`
        // minus 100 would trap.
        if let reserved = function.reservedConcurrency, (1...maximumAccountConcurrency).contains(spec.accountConcurrency) {
            let maximum = max(0, spec.accountConcurrency - 100)
            issues.range(
                reserved, 0...maximum, "function.ReservedConcurrentExecutions", rule: "C2",
                what: "(at least 100 of the account's \(spec.accountConcurrency) must stay unreserved)")
        }
        if function.durations.contains(where: { $0 < 0 }) {
            issues.add(.range, "function.duration", "durations must not be negative", rule: nil)
        }
        if case .attempts(let numbers) = function.fails, numbers.contains(where: { $0 < 1 }) {
            issues.add(.range, "function.fails", "attempt numbers count from 1", rule: nil)
        }
        if case .rate(let perMille) = function.fails, !(0...1_000).contains(perMille) {
            issues.add(.range, "function.fails", "a failure rate must be 0–100%", rule: nil)
        }
        if function.responseSize < 0 || function.errorMessageSize < 0 {
            issues.add(.range, "function.result", "sizes must not be negative", rule: nil)
        }
    }

    /// An entry's own `duration` and `fails` script its events' attempts (sync and async); a
    /// mapping invokes batches, which run as `function:` says, so there they were ignored.
    /// Poison records (`fails: { records }`) belong to a mapping's batches: an event's
    /// attempts have no records to poison.
    private static func validateScripts(_ group: ArrivalGroup, path: String, _ mode: InvocationMode, _ issues: inout IssueList) {
        if mode.eventSource != nil {
            for (key, given) in [("duration", group.durations != nil), ("fails", group.fails != nil)] where given {
                issues.add(
                    .unsupported, "\(path).\(key)",
                    "a record's own \(key) applies to events (sync and async); a mapping's batches run as function: says (a record that fails: function: { fails: { records: [N] } })",
                    rule: "E1")
            }
        } else if case .records = group.fails {
            issues.add(.unsupported, "\(path).fails", recordsOnEvents, rule: nil)
        }
    }

    /// The bytes a record of `group` puts in a payload, as the engine counts them: its size,
    /// a change event's full document (D2), and the `record-overhead` assumption (E6).
    static func recordBytes(_ group: ArrivalGroup, _ spec: ScenarioSpec) -> Int64 {
        // Sizes are read up to 1024 GB each, so the sum cannot overflow.
        let document = spec.mode == .documentdb ? spec.changeStream.fullDocumentBytes(group.operation ?? .insert, document: group.documentSize ?? 0) : 0
        return group.size + spec.assumptions.recordOverhead + document
    }

    /// Why `fails: { records }` is refused on events.
    static let recordsOnEvents =
        "fails: { records } names poison records in a mapping's batches; an event's attempts fail by number (fails: [1, 2]), always, or by rate"

    private static func validateInputs(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let noun = spec.mode.inputsKey
        for (index, group) in spec.arrivals.enumerated() {
            let path = "\(noun).\(index + 1)"
            if group.count < 0 { issues.add(.range, "\(path).count", "count must not be negative", rule: nil) }
            if group.every < 0 { issues.add(.range, "\(path).every", "every must not be negative", rule: nil) }
            if group.size < 0 { issues.add(.range, "\(path).size", "size must not be negative", rule: nil) }
            if spec.mode.eventSource == nil, group.at < 0 {
                issues.add(.range, "\(path).at", "events cannot arrive before 0 s (only ESM records may already wait in the source)", rule: nil)
            }
            if let durations = group.durations, durations.contains(where: { $0 < 0 }) {
                issues.add(.range, "\(path).duration", "durations must not be negative", rule: nil)
            }
            if let shard = group.shard {
                if spec.mode.eventSource != .stream {
                    issues.add(.unsupported, "\(path).shard", "shard applies to Kinesis and DynamoDB streams only", rule: "K1")
                } else if !(1...max(1, spec.stream.shards)).contains(shard) {
                    issues.add(.range, "\(path).shard", "shard must be 1–\(spec.stream.shards) (the stream has \(spec.stream.shards))", rule: "K1")
                }
            }
            if group.partition != nil, spec.mode != .kafka {
                issues.add(.unsupported, "\(path).partition", "partition applies to Kafka topics only (streams have shards)", rule: "KF1")
            }
            if group.collection != nil || group.operation != nil || group.documentSize != nil, spec.mode != .documentdb {
                issues.add(.unsupported, path, "collection, operation and document describe DocumentDB change events only", rule: "D2")
            }
            if let document = group.documentSize, document < 0 {
                issues.add(.range, "\(path).document", "document must not be negative", rule: "D2")
            }
            validateScripts(group, path: path, spec.mode, &issues)
            if let key = group.partitionKey, spec.mode.eventSource != .stream, spec.mode != .kafka {
                issues.add(
                    .unsupported, "\(path).partition-key",
                    "partition-key '\(key)' applies to Kinesis and DynamoDB streams (key to Kafka topics) only", rule: "K1")
            }
            if group.group != nil, spec.mode != .sqsFIFO {
                issues.add(.unsupported, "\(path).group", "message groups exist on SQS FIFO queues only", rule: "Q11")
            }
            if let source = spec.mode.eventSource, [.stream, .topic, .changeStream].contains(source), case let bytes = recordBytes(group, spec),
                bytes > spec.assumptions.syncLimit
            {
                // E2, S5: no payload over the limit reaches the function; what a stream, topic
                // or change stream mapping does with such a record AWS does not document (MQ
                // drops it, M5), so it is not simulated rather than invoked as if it fitted.
                issues.add(
                    .unsupported, "\(path).\(group.documentSize != nil ? "document" : "size")",
                    "a record of \(bytes) bytes cannot be in a Lambda payload (at most \(spec.assumptions.syncLimit), sync-limit), and AWS does not document what this mapping does with one",
                    rule: "E2")
            }
            if spec.mode.eventSource == .queue, group.size > 1_048_576 {
                issues.add(.range, "\(path).size", "an SQS message is at most 1 MiB (1,048,576 bytes), not \(group.size)", rule: "Q13")
            }
        }
        if spec.inputCount > spec.limits.maximumInputs {
            let count = spec.inputCount == .max ? "at least \(Int.max)" : "\(spec.inputCount)"
            issues.add(
                .limit, crossingCount(spec, noun: noun),
                "the scenario has \(count) \(noun); the limit is \(spec.limits.maximumInputs) (limits.records)", rule: nil)
        }
        validateArrivalTimes(spec, noun: noun, &issues)
        if let until = spec.until, until > spec.limits.horizon {
            issues.add(
                .limit, "until",
                "until is \(SimTime(milliseconds: until)), beyond the limit of \(SimTime(milliseconds: spec.limits.horizon)) of simulated time (limits.horizon)",
                rule: nil)
        }
    }

    /// Where the inputs go past `limits.records`: the `count` of the first entry that takes
    /// the running total over it (the entry itself when it has no `count`), which is the
    /// number to lower, rather than the list.
    private static func crossingCount(_ spec: ScenarioSpec, noun: String) -> String {
        var total = 0
        for (index, group) in spec.arrivals.enumerated() {
            let (sum, overflow) = total.addingReportingOverflow(max(0, group.count))
            total = overflow ? .max : sum
            if total > spec.limits.maximumInputs { return "\(noun).\(index + 1).count" }
        }
        return noun
    }

    /// An input whose first arrival comes after the simulation ends (`until`, else
    /// `limits.horizon`) would never arrive: it would be missing from every count and claim
    /// without a word, so it is refused where its `at` is written.
    private static func validateArrivalTimes(_ spec: ScenarioSpec, noun: String, _ issues: inout IssueList) {
        let end = spec.until ?? spec.limits.horizon
        let setting = spec.until == nil ? "limits.horizon" : "until"
        for (index, group) in spec.arrivals.enumerated() where group.count > 0 && group.at > end {
            issues.add(
                .limit, "\(noun).\(index + 1).at",
                "\(SimTime(milliseconds: group.at)) is after the simulation ends at \(SimTime(milliseconds: end)) (\(setting)): these \(noun) would never arrive",
                rule: nil)
        }
    }

    private static func validateAsync(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        validateAsyncRanges(spec, &issues)
    }

    private static func validateAsyncRanges(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let config = spec.eventInvokeConfig
        issues.range(config.maximumRetryAttempts, 0...2, "EventInvokeConfig.MaximumRetryAttempts", rule: "A5", what: "for asynchronous invocation")
        issues.range(config.maximumEventAgeSeconds, 60...21_600, "EventInvokeConfig.MaximumEventAgeInSeconds", rule: "A6", what: "seconds")
        for (route, target) in [("OnSuccess", config.onSuccess), ("OnFailure", config.onFailure)] where target == .kafka {
            issues.add(.unsupported, "EventInvokeConfig.DestinationConfig.\(route)", "a Kafka topic is a destination of Kafka mappings only", rule: "KF6")
        }
        if config.onSuccess == .s3 {
            issues.add(.unsupported, "EventInvokeConfig.DestinationConfig.OnSuccess", "an S3 bucket can only be an on-failure destination", rule: "A13")
        }
        if let dlq = spec.deadLetter, ![.sqs, .sns, .sqsFIFO, .snsFIFO].contains(dlq) {
            issues.add(.unsupported, "DeadLetterConfig.TargetArn", "a dead-letter queue must be an SQS queue or an SNS topic, not \(dlq.rawValue)", rule: "A15")
        }
    }

    private static func validateQueue(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let mapping = spec.mapping
        let fifo = spec.mode == .sqsFIFO
        let path = "EventSourceMapping"
        if let size = mapping.batchSize {
            issues.range(size, 1...(fifo ? 10 : 10_000), "\(path).BatchSize", rule: "E5", what: fifo ? "for a FIFO queue" : "for an SQS queue")
        }
        if let window = mapping.batchingWindowSeconds {
            issues.range(window, 0...300, "\(path).MaximumBatchingWindowInSeconds", rule: "E4", what: "seconds")
            if fifo, window != 0 {
                // Q6: 0 is no window at all (E3's default), which a FIFO queue takes.
                issues.add(.unsupported, "\(path).MaximumBatchingWindowInSeconds", "batching windows are not supported for FIFO queues", rule: "Q6")
            }
        }
        if !fifo, (mapping.batchSize ?? 10) > 10, (mapping.batchingWindowSeconds ?? 0) < 1 {
            issues.add(
                .combination, "\(path).BatchSize",
                "a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1 on an SQS standard queue", rule: "E4")
        }
        for key in [
            "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "ParallelizationFactor",
            "TumblingWindowInSeconds", "StartingPosition", "DestinationConfig",
        ] where mapping.explicitlySet.contains(key) {
            let hint = key == "DestinationConfig" ? "; an SQS source uses its own queue's RedrivePolicy instead" : ""
            issues.add(.unsupported, "\(path).\(key)", "\(key) is not supported for SQS event sources\(hint)", rule: key == "DestinationConfig" ? "Q4" : "E5")
        }
        if let maximum = mapping.maximumConcurrency {
            issues.range(maximum, 2...1_000, "\(path).ScalingConfig.MaximumConcurrency", rule: "Q9")
        }
        if let minimum = mapping.provisionedMinimum {
            issues.range(minimum, 2...200, "\(path).ProvisionedPollerConfig.MinimumPollers", rule: "Q10")
            if mapping.maximumConcurrency != nil {
                issues.add(.combination, "\(path).ScalingConfig", "ScalingConfig and ProvisionedPollerConfig cannot be used together", rule: "Q9")
            }
        }
        if let maximum = mapping.provisionedMaximum {
            // Q10 with the §18 correction: both current copies of the ProvisionedPollerConfig
            // API page give 2–10,000 for SQS (the older parameter table said 2,000).
            issues.range(maximum, 2...10_000, "\(path).ProvisionedPollerConfig.MaximumPollers", rule: "Q10")
            if let minimum = mapping.provisionedMinimum, minimum > maximum {
                issues.add(.combination, "\(path).ProvisionedPollerConfig", "MinimumPollers must not exceed MaximumPollers", rule: "Q10")
            }
        }
        let queue = spec.queue
        issues.range(queue.visibilityTimeoutSeconds, 0...43_200, "queue.VisibilityTimeout", rule: "Q2", what: "seconds")
        issues.range(queue.messageRetentionSeconds, 60...1_209_600, "queue.MessageRetentionPeriod", rule: nil, what: "seconds")
        if let count = queue.maxReceiveCount {
            issues.range(count, 1...1_000, "queue.RedrivePolicy.maxReceiveCount", rule: "Q4")
        }
        if queue.visibilityTimeoutSeconds < spec.function.timeoutSeconds {
            issues.add(
                .combination, "queue.VisibilityTimeout",
                "Queue visibility timeout: \(queue.visibilityTimeoutSeconds) seconds is less than Function timeout: \(spec.function.timeoutSeconds) seconds",
                rule: "Q3")
        }
    }

    private static func validateStream(_ spec: ScenarioSpec, _ issues: inout IssueList) {
        let mapping = spec.mapping
        let path = "EventSourceMapping"
        if let size = mapping.batchSize {
            issues.range(size, 1...10_000, "\(path).BatchSize", rule: "E5")
        }
        if let window = mapping.batchingWindowSeconds {
            issues.range(window, 0...300, "\(path).MaximumBatchingWindowInSeconds", rule: "K3", what: "seconds")
        }
        issues.range(mapping.maximumRetryAttempts, -1...10_000, "\(path).MaximumRetryAttempts", rule: "K5", what: "(−1 is infinite)")
        let age = mapping.maximumRecordAgeSeconds
        if age != -1, !(60...604_800).contains(age) {
            issues.add(
                .range, "\(path).MaximumRecordAgeInSeconds", "MaximumRecordAgeInSeconds must be −1 (infinite) or 60–604800 (AWS limit), not \(age)", rule: "K7")
        }
        issues.range(mapping.parallelizationFactor, 1...10, "\(path).ParallelizationFactor", rule: "K13")
        issues.range(mapping.tumblingWindowSeconds, 0...900, "\(path).TumblingWindowInSeconds", rule: "K14", what: "seconds")
        if case .atTimestamp = mapping.startingPosition, spec.mode == .dynamodb {
            issues.add(.unsupported, "\(path).StartingPosition", "AT_TIMESTAMP is supported only for Kinesis streams", rule: "K3")
        } else {
            validateStartingTimestamp(mapping, rule: "K3", &issues)
        }
        if let target = mapping.onFailure, ![.sqs, .sns, .s3, .sqsFIFO, .snsFIFO].contains(target) {
            issues.add(
                .unsupported, "\(path).DestinationConfig.OnFailure",
                "a stream's on-failure destination must be an SQS queue, an SNS topic or an S3 bucket, not \(target.rawValue)", rule: "K12")
        }
        for key in ["ScalingConfig", "ProvisionedPollerConfig", "FunctionResponseTypesFIFO"] where mapping.explicitlySet.contains(key) {
            issues.add(.unsupported, "\(path).\(key)", "\(key) applies to SQS event sources only", rule: "Q9")
        }
        issues.range(spec.stream.shards, 1...500, "stream.shards", rule: "K1")
        if spec.mode == .kinesis {
            issues.range(spec.stream.retentionHours, 24...8_760, "stream.RetentionPeriodHours", rule: "K8")
        } else if spec.stream.retentionHours != 24 {
            // K8: a DynamoDB stream keeps records 24 hours, which no setting changes; another
            // value was accepted and the run used 24.
            issues.add(
                .unsupported, "stream.RetentionPeriodHours",
                "a DynamoDB stream keeps records 24 hours; RetentionPeriodHours (\(spec.stream.retentionHours)) sets a Kinesis stream's", rule: "K8")
        }
    }
}
