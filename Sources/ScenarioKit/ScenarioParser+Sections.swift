import LambdaSimulator
import NotesCore
import NotesYAML

/// The sections of a scenario, each read into the specification.
extension ScenarioParser {
    /// The keys of `function:`, made once (every scenario has the section, and joining the
    /// lists cost each one as much as reading a key).
    static let functionKeys =
        [
            "duration", "fails", "failure", "Timeout", "ReservedConcurrentExecutions", "response", "response-size", "error-message", "result", "state",
        ] + environmentKeys

    static func readFunction(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "function", known: functionKeys) {
            let path = "function.\(key)"
            switch key {
            case "duration":
                if let durations = readDurations(value, path, &reader) { spec.function.durations = durations }
            case "fails":
                if let plan = readFailurePlan(value, path, &reader) { spec.function.fails = plan }
            case "failure":
                guard let text = reader.string(value, path) else { continue }
                let words = ClaimWords(noun: "a kind of failure", words: ["error", "timeout", "throttled", "service-error"])
                if let kind = words.canonical(text).flatMap(FailureKind.init(rawValue:)) {
                    spec.function.failure = kind
                } else {
                    reader.error("scenario.value", at: value, "failure: " + words.refusal(text))
                }
            case "Timeout":
                if let seconds = reader.int64(value, path) { spec.function.timeoutSeconds = seconds }
            case "ReservedConcurrentExecutions":
                if let count = reader.int(value, path) { spec.function.reservedConcurrency = count }
            case "response":
                readResponse(value, path, into: &spec, &reader)
            case "response-size":
                if let size = reader.size(value, path) { spec.function.responseSize = size }
            case "error-message", "result":
                let size: Int64?
                if value.mapping != nil {
                    size = reader.mapping(value, at: path, known: ["size"]).first.flatMap { reader.size($0.value, path + ".size") }
                } else {
                    let text = reader.string(value, path)
                    if key == "error-message" { spec.function.errorMessage = text }
                    size = text.map { Int64($0.utf8.count) }
                }
                if let size { if key == "result" { spec.function.responseSize = size } else { spec.function.errorMessageSize = size } }
            case "state":
                if reader.string(value, path) == "omit" {
                    spec.function.omitsWindowState = true
                } else {
                    reader.error("scenario.value", at: value, "state can only be 'omit' (responses without state, K14)")
                }
            default: readEnvironmentKey(key, value, path, into: &spec, &reader)
            }
        }
    }

    static func readDurations(_ node: YAMLNode, _ path: String, _ reader: inout ScenarioReader) -> [Int64]? {
        if let sequence = node.sequence {
            let values = sequence.compactMap { reader.duration($0, path) }
            return values.count == sequence.count && !values.isEmpty ? values : nil
        }
        return reader.duration(node, path).map { [$0] }
    }

    static func readFailurePlan(_ node: YAMLNode, _ path: String, _ reader: inout ScenarioReader) -> FailurePlan? {
        if let sequence = node.sequence {
            let numbers = sequence.compactMap { reader.int($0, path) }
            if numbers.contains(where: { $0 < 1 }) {
                reader.error("scenario.range", at: node, "attempt numbers count from 1")
                return nil
            }
            return .attempts(Set(numbers))
        }
        if node.mapping != nil {
            var records: [Int] = []
            var times: Int?
            var rate: Int?
            for (key, _, value) in reader.mapping(node, at: path, known: ["records", "times", "rate"]) {
                switch key {
                case "records": records = readRecordNumbers(value, path + ".records", &reader)
                case "times": times = reader.int(value, path + ".times")
                default:
                    guard let text = reader.string(value, path + ".rate") else { continue }
                    let number = text.hasSuffix("%") ? Double(String(text.dropLast()).trimmingSpaces) : nil
                    guard let number, (0...100).contains(number) else {
                        reader.error("scenario.value", at: value, "rate must be a percentage from 0% to 100%, such as 10%")
                        continue
                    }
                    rate = Int((number * 10).rounded())
                }
            }
            if let rate { return .rate(perMille: rate) }
            return .records(Set(records), times: times)
        }
        guard let text = reader.string(node, path) else { return nil }
        switch text.lowercased() {
        case "never": return .never
        case "always": return .always
        default:
            reader.error(
                "scenario.value", at: node, "fails must be never, always, a list of attempt numbers, { records: [ids] } or { rate: 10% }, not '\(text)'")
            return nil
        }
    }

    /// The records of `fails: { records: [...] }`, ids that must count from 1.
    ///
    /// Records are numbered from 1 in arrival order, so `0` or `-1` names no record: accepted,
    /// it would silently fail nothing. Each such value is a range error at itself, as
    /// `fails: [0]` is for attempt numbers.
    static func readRecordNumbers(_ node: YAMLNode, _ path: String, _ reader: inout ScenarioReader) -> [Int] {
        let ids = readIDs(node, path, &reader)
        guard ids.contains(where: { $0 < 1 }) else { return ids }
        for item in node.sequence.map(Array.init) ?? [node] {
            guard let text = item.string, let numbers = Int(text).map({ [$0] }) ?? ItemRange.parse(text), numbers.contains(where: { $0 < 1 }) else { continue }
            reader.error("scenario.range", at: item, "record numbers count from 1, not '\(text)'")
        }
        return ids.filter { $0 >= 1 }
    }

    /// Ids as a list of numbers or ranges (`[1, 2, "5-8"]`).
    static func readIDs(_ node: YAMLNode, _ path: String, _ reader: inout ScenarioReader) -> [Int] {
        guard let sequence = node.sequence else {
            if let id = reader.int(node, path) { return [id] }
            return []
        }
        var ids: [Int] = []
        for item in sequence {
            guard let text = reader.string(item, path) else { continue }
            if let id = Int(text) {
                ids.append(id)
            } else if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), text.dropFirst().allSatisfy(\.isNumber) {
                _ = reader.int(item, path)  // a whole number beyond 64 bits: a range error
            } else if let range = ItemRange.parse(text) {
                ids += range
            } else {
                reader.error("scenario.value", at: item, "'\(text)' is not an id or a range such as \"1-8\"")
            }
        }
        return ids
    }

    static func readResponse(_ node: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        if case .scalar = node, let text = reader.string(node, path) {
            if text == "auto" {
                spec.function.response = .auto
            } else {
                reader.error("scenario.value", at: node, "response must be auto or a map from invocation number to a response")
            }
            return
        }
        guard let pairs = node.stringKeyedPairs else {
            reader.error("scenario.type", at: node, "response must be auto or a map from invocation number to a response")
            return
        }
        var responses: [Int: BatchResponseItem] = [:]
        for (key, keyNode, value) in pairs {
            guard let invocation = Int(key) else {
                reader.error("scenario.value", at: keyNode, "response keys are invocation numbers, not '\(key)'")
                continue
            }
            if value.sequence != nil {
                responses[invocation] = .failures(readIDs(value, path, &reader))
                continue
            }
            switch reader.string(value, path) {
            case "malformed": responses[invocation] = .malformed
            case "empty-identifier": responses[invocation] = .emptyIdentifier
            case "throw": responses[invocation] = .throw
            default: reader.error("scenario.value", at: value, "a response is a list of ids, malformed, empty-identifier or throw")
            }
        }
        spec.function.response = .explicit(responses)
    }

    /// The keys of an entry of `events:` or `records:`, made once, not per section read.
    static let arrivalKeys = [
        "at", "count", "every", "size", "shard", "partition-key", "partition", "key", "group", "duration", "fails", "payload", "collection", "operation",
        "document",
    ]

    static func readArrivals(_ node: YAMLNode, key: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard let sequence = node.sequence else {
            reader.error("scenario.type", at: node, "'\(key)' must be a list of entries such as - { at: 0s, count: 10 }")
            return
        }
        let known = arrivalKeys
        for (index, entry) in sequence.enumerated() {
            let path = "\(key).\(index + 1)"
            var group = ArrivalGroup(at: 0)
            var sawAt = false
            for (field, _, value) in reader.mapping(entry, at: path, known: known) {
                let fieldPath = "\(path).\(field)"
                switch field {
                case "at":
                    sawAt = true
                    if let at = reader.duration(value, fieldPath, allowNegative: true) { group.at = at }
                case "count":
                    if let count = reader.int(value, fieldPath) {
                        if count < 0 { reader.error("scenario.range", at: value, "count must not be negative") } else { group.count = count }
                    }
                case "every":
                    if let every = reader.duration(value, fieldPath) { group.every = every }
                case "size":
                    if let size = reader.size(value, fieldPath) { group.size = size }
                case "payload":
                    if value.mapping != nil {
                        if let size = reader.mapping(value, at: fieldPath, known: ["size"]).first.flatMap({ reader.size($0.value, fieldPath + ".size") }) {
                            group.size = size
                        }
                    } else if let text = reader.string(value, fieldPath) {
                        group.size = Int64(text.utf8.count)
                    }
                case "shard":
                    group.shard = reader.int(value, fieldPath)
                case "partition-key", "key":
                    group.partitionKey = reader.string(value, fieldPath)
                case "partition":
                    group.partition = reader.int(value, fieldPath)
                case "group":
                    group.group = reader.string(value, fieldPath)
                case "collection":
                    group.collection = reader.string(value, fieldPath)
                case "operation":
                    if let text = reader.string(value, fieldPath) {
                        group.operation = ChangeStreamSpec.Operation(rawValue: text)
                        if group.operation == nil {
                            reader.error("scenario.value", at: value, "operation must be insert, update, replace or delete, not '\(text)'")
                        }
                    }
                case "document":
                    group.documentSize = reader.size(value, fieldPath)
                case "duration":
                    group.durations = readDurations(value, fieldPath, &reader)
                case "fails":
                    group.fails = readFailurePlan(value, fieldPath, &reader)
                default: break
                }
            }
            if !sawAt, entry.mapping != nil {
                reader.error("scenario.missing-key", at: entry, "each entry of '\(key)' needs 'at' (when it arrives, such as 0s)")
            }
            spec.arrivals.append(group)
        }
    }

    static func readEventInvokeConfig(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        let path = "EventInvokeConfig"
        for (key, _, value) in reader.mapping(node, at: path, known: ["MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig"]) {
            switch key {
            case "MaximumRetryAttempts":
                if let value = reader.int(value, "\(path).\(key)") { spec.eventInvokeConfig.maximumRetryAttempts = value }
            case "MaximumEventAgeInSeconds":
                if let value = reader.int64(value, "\(path).\(key)") { spec.eventInvokeConfig.maximumEventAgeSeconds = value }
            default:
                for (route, _, target) in reader.mapping(value, at: "\(path).DestinationConfig", known: ["OnSuccess", "OnFailure"]) {
                    let kind = reader.target(target, "\(path).DestinationConfig.\(route)")
                    if route == "OnSuccess" { spec.eventInvokeConfig.onSuccess = kind } else { spec.eventInvokeConfig.onFailure = kind }
                }
            }
        }
    }

    static func readQueue(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "queue", known: ["VisibilityTimeout", "RedrivePolicy", "FifoQueue", "MessageRetentionPeriod"]) {
            let path = "queue.\(key)"
            switch key {
            case "VisibilityTimeout":
                if let seconds = reader.int64(value, path) { spec.queue.visibilityTimeoutSeconds = seconds }
            case "MessageRetentionPeriod":
                if let seconds = reader.int64(value, path) { spec.queue.messageRetentionSeconds = seconds }
            case "FifoQueue":
                if let fifo = reader.bool(value, path), fifo != (spec.mode == .sqsFIFO) {
                    reader.error(
                        "scenario.combination", at: value,
                        fifo ? "FifoQueue: true needs mode: sqs-fifo" : "mode sqs-fifo is a FIFO queue; FifoQueue cannot be false")
                }
            default:
                for (field, _, count) in reader.mapping(value, at: path, known: ["maxReceiveCount", "deadLetterTargetArn"]) where field == "maxReceiveCount" {
                    spec.queue.maxReceiveCount = reader.int(count, "\(path).maxReceiveCount")
                }
            }
        }
    }

    /// The keys of `EventSourceMapping:`, made once, not per section read.
    static let mappingKeys = [
        "BatchSize", "MaximumBatchingWindowInSeconds", "FunctionResponseTypes", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
        "BisectBatchOnFunctionError", "ParallelizationFactor", "TumblingWindowInSeconds", "StartingPosition",
        "StartingPositionTimestamp", "ScalingConfig", "ProvisionedPollerConfig", "DestinationConfig", "Enabled",
        "DocumentDBEventSourceConfig", "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig",
    ]

    static func readMapping(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        let known = mappingKeys
        let base = "EventSourceMapping"
        var timestamp: Int64?
        var startingPosition: String?
        for (key, _, value) in reader.mapping(node, at: base, known: known) {
            let path = "\(base).\(key)"
            spec.mapping.explicitlySet.insert(key)
            switch key {
            case "BatchSize": spec.mapping.batchSize = reader.int(value, path)
            case "MaximumBatchingWindowInSeconds": spec.mapping.batchingWindowSeconds = reader.int64(value, path)
            case "FunctionResponseTypes":
                let types = value.sequence?.compactMap { reader.string($0, path) } ?? []
                if types.contains(where: { $0 != "ReportBatchItemFailures" }) || value.sequence == nil {
                    reader.error("scenario.value", at: value, "FunctionResponseTypes is a list that can only hold ReportBatchItemFailures")
                }
                spec.mapping.reportBatchItemFailures = types.contains("ReportBatchItemFailures")
            case "MaximumRetryAttempts": if let v = reader.int(value, path) { spec.mapping.maximumRetryAttempts = v }
            case "MaximumRecordAgeInSeconds": if let v = reader.int64(value, path) { spec.mapping.maximumRecordAgeSeconds = v }
            case "BisectBatchOnFunctionError": if let v = reader.bool(value, path) { spec.mapping.bisectBatchOnFunctionError = v }
            case "ParallelizationFactor": if let v = reader.int(value, path) { spec.mapping.parallelizationFactor = v }
            case "TumblingWindowInSeconds": if let v = reader.int64(value, path) { spec.mapping.tumblingWindowSeconds = v }
            case "StartingPosition": startingPosition = reader.string(value, path)
            case "StartingPositionTimestamp": timestamp = reader.duration(value, path, allowNegative: true)
            case "Enabled": if let v = reader.bool(value, path) { spec.mapping.enabled = v }
            case "DocumentDBEventSourceConfig": readDocumentDBConfig(value, path: path, into: &spec, &reader)
            case "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig": readKafkaConfig(value, path: path, into: &spec, &reader)
            case "ScalingConfig":
                for (field, _, count) in reader.mapping(value, at: path, known: ["MaximumConcurrency"]) where field == "MaximumConcurrency" {
                    spec.mapping.maximumConcurrency = reader.int(count, "\(path).MaximumConcurrency")
                }
            case "ProvisionedPollerConfig":
                for (field, _, count) in reader.mapping(value, at: path, known: ["MinimumPollers", "MaximumPollers"]) {
                    let number = reader.int(count, "\(path).\(field)")
                    if field == "MinimumPollers" { spec.mapping.provisionedMinimum = number } else { spec.mapping.provisionedMaximum = number }
                }
                if spec.mapping.provisionedMinimum == nil, spec.mapping.provisionedMaximum != nil {
                    spec.mapping.provisionedMinimum = spec.mode == .kafka ? 1 : 2  // KF8: Kafka's default is 1
                }
            case "DestinationConfig":
                for (field, _, target) in reader.mapping(value, at: path, known: ["OnFailure"]) where field == "OnFailure" {
                    spec.mapping.onFailure = reader.target(target, "\(path).OnFailure")
                }
            default: break
            }
        }
        if let startingPosition {
            spec.mapping.startingPositionNamed = true
            let node = reader.positions["\(base).StartingPosition"]
            switch startingPosition {
            case "TRIM_HORIZON": spec.mapping.startingPosition = .trimHorizon
            case "LATEST": spec.mapping.startingPosition = .latest
            case "AT_TIMESTAMP": spec.mapping.startingPosition = .atTimestamp(timestamp)  // nil: rejected (K3, KF2, D2)
            default:
                let suggestion = Suggestion.closest(to: startingPosition.uppercased(), among: ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"])
                reader.diagnostics.append(
                    .error(
                        "scenario.value", path: reader.path, at: node,
                        "StartingPosition must be TRIM_HORIZON, LATEST or AT_TIMESTAMP, not '\(startingPosition)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")"
                    ))
            }
        }
    }

    static func readCaller(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        if node.mapping == nil {
            readRetryMode(node, "caller", into: &spec, &reader)
            return
        }
        for (key, _, value) in reader.mapping(node, at: "caller", known: ["retries", "retry-on", "timeout"] + sdkCallerKeys + serviceCallerKeys) {
            if serviceCallerKeys.contains(key) {
                readServiceCallerKey(key, value, into: &spec, &reader)
                continue
            }
            switch key {
            case "retries": if let count = reader.int(value, "caller.retries") { spec.caller.retries = count }
            case "timeout": spec.caller.timeout = reader.duration(value, "caller.timeout")
            case "retry-mode": readRetryMode(value, "caller.retry-mode", into: &spec, &reader)
            case "max-attempts": readMaxAttempts(value, into: &spec, &reader)
            case "Retry": readRetriers(value, into: &spec, &reader)
            default:
                for item in value.sequence?.nodes ?? [] {
                    guard let text = reader.string(item, "caller.retry-on") else { continue }
                    if let condition = CallerSpec.RetryCondition(rawValue: text) {
                        spec.caller.retryOn.insert(condition)
                    } else {
                        reader.error("scenario.value", at: item, "retry-on takes throttled, service-error and timeout, not '\(text)'")
                    }
                }
            }
        }
    }
}

/// `"1-8"` -> 1…8.
enum ItemRange {
    static func parse(_ text: String) -> [Int]? {
        let parts = text.split(separator: "-").map { String($0).trimmingSpaces }
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low <= high, high - low < 1_000_000 else { return nil }
        return Array(low...high)
    }
}
