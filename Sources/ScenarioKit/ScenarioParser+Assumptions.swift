import LambdaSimulator
import NotesCore
import NotesYAML

/// The `assume:` section: each §10/§17 assumption's value, checked at its position.
///
/// Why its own file: every assumption has its own kind of value (a duration, a size, a word
/// from its list, a boolean, or a small mapping), and a value the simulator cannot honour
/// must be an error, never accepted and ignored.
extension ScenarioParser {
    static func readAssumptions(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) -> [Assumptions.Name] {
        var named: [Assumptions.Name] = []
        let known = Assumptions.Name.allCases.map(\.rawValue)
        for (key, _, value) in reader.mapping(node, at: "assume", known: known) {
            guard let name = Assumptions.Name(rawValue: key) else { continue }
            named.append(name)
            let path = "assume.\(key)"
            if let field = durationField(name) {
                if let v = reader.duration(value, path) { spec.assumptions[keyPath: field] = v }
                continue
            }
            switch name {
            case .streamRetryDelay: if let v = reader.duration(value, path) { spec.assumptions.streamRetryDelay = v }
            case .sdkJitter, .sdkRetryGeneration: readCallerAssumption(name, value, path, into: &spec, &reader)
            case .recordOverhead: if let v = reader.size(value, path) { spec.assumptions.recordOverhead = v }
            case .syncLimit: if let v = reader.size(value, path) { spec.assumptions.syncLimit = v }
            case .retryFrom: if let v: Assumptions.RetryReference = readWord(value, key, noun: "a retry reference", &reader) { spec.assumptions.retryFrom = v }
            case .bisectAtZeroRetries: if let v = reader.bool(value, path) { spec.assumptions.bisectAtZeroRetries = v }
            case .kafkaPollers: if let v = reader.int(value, path) { spec.assumptions.kafkaPollers = v }
            case .kafkaPollerBatches: if let v = reader.int(value, path) { spec.assumptions.kafkaPollerBatches = v }
            case .firstAttemptDelay, .sqsErrorBackoff, .deliveryLatency, .pollLatency, .sqsLowTrafficWait, .idleLifetime, .provisionedReadyAfter,
                .snapstartRestore, .throttleBackoff, .kafkaRetryDelay, .kafkaStartDelay, .kafkaScalingDelay, .activemqRedeliveryDelay,
                .changeStreamRetryDelay, .handOffLatency:
                break  // read above as durations
            case .snapstartReactivation: if let v = reader.duration(value, path) { spec.assumptions.snapstartReactivation = v }
            // §17's word-valued assumptions with alternatives (X2, X6, R3, R9, R14).
            case .environmentReuse:
                if let v: Assumptions.EnvironmentReuse = readWord(value, key, noun: "a reuse order", &reader) { spec.assumptions.environmentReuse = v }
            case .initOverrun: if let v: Assumptions.InitOverrun = readWord(value, key, noun: "an Init overrun", &reader) { spec.assumptions.initOverrun = v }
            case .sfnRetryFrom:
                if let v: Assumptions.RetryReference = readWord(value, key, noun: "a retry reference", &reader) { spec.assumptions.sfnRetryFrom = v }
            case .snsBackoff:
                if let v: Assumptions.SNSBackoffFunction = readWord(value, key, noun: "an SNS backoffFunction", &reader) { spec.assumptions.snsBackoff = v }
            case .s3HandOff: if let v: Assumptions.S3HandOff = readWord(value, key, noun: "an S3 hand-off", &reader) { spec.assumptions.s3HandOff = v }
            case .eventbridgeBackoff: readEventBridgeBackoff(value, path, into: &spec, &reader)
            case .adaptiveLimiter: readAdaptiveLimiter(value, path, into: &spec, &reader)
            case .maxEnvironmentLifetime: readDurationOrOff(\.maxEnvironmentLifetime, name, value, path, into: &spec, &reader)
            case .provisionedRecycle: readDurationOrOff(\.provisionedRecycle, name, value, path, into: &spec, &reader)
            case .recursionCondition: readRecursionCondition(value, path, into: &spec, &reader)
            case .recursionThreshold:
                guard let v = reader.int(value, path) else { break }
                if v < 1 {
                    reader.error("scenario.range", at: value, "recursion-threshold counts the invocations that run: at least 1, not \(v)")
                } else {
                    spec.assumptions.recursionThreshold = v
                }
            case .kafkaBatchScope, .topicExpiry, .rabbitmqRedelivery: readSourceAssumption(name, value, path, into: &spec, &reader)
            case .startingPosition:
                // The mapping's own setting says where it starts; a second place would disagree.
                reader.error(
                    "scenario.value", at: value,
                    "'starting-position' is the mapping's: set EventSourceMapping.StartingPosition (TRIM_HORIZON, LATEST or AT_TIMESTAMP)")
            case .bisectSplit, .redriveAt, .windowStart:
                // Named so that figures can list them, but with no other value implemented:
                // a value here was accepted and ignored.
                if reader.string(value, path) != nil {
                    reader.error("scenario.value", at: value, "'\(key)' cannot be changed: the simulator implements only its default, \(Self.onlyValue(name))")
                }
            }
        }
        return named
    }

    /// Where a duration-valued assumption goes; nil for the assumptions with other values.
    private static func durationField(_ name: Assumptions.Name) -> WritableKeyPath<Assumptions, Int64>? {
        switch name {
        case .firstAttemptDelay: \.firstAttemptDelay
        case .sqsErrorBackoff: \.sqsErrorBackoff
        case .deliveryLatency: \.deliveryLatency
        case .pollLatency: \.pollLatency
        case .sqsLowTrafficWait: \.sqsLowTrafficWait
        case .idleLifetime: \.idleLifetime
        case .provisionedReadyAfter: \.provisionedReadyAfter
        case .snapstartRestore: \.snapstartRestore
        case .throttleBackoff: \.throttleBackoffBase
        case .kafkaRetryDelay: \.kafkaRetryDelay
        case .kafkaStartDelay: \.kafkaStartDelay
        case .kafkaScalingDelay: \.kafkaScalingDelay
        case .activemqRedeliveryDelay: \.activemqRedeliveryDelay
        case .changeStreamRetryDelay: \.changeStreamRetryDelay
        case .handOffLatency: \.handOffLatency
        case .streamRetryDelay, .sdkJitter, .sdkRetryGeneration, .recordOverhead, .syncLimit, .retryFrom, .bisectAtZeroRetries, .kafkaPollers,
            .kafkaPollerBatches, .environmentReuse, .initOverrun, .sfnRetryFrom, .snsBackoff, .s3HandOff, .eventbridgeBackoff, .adaptiveLimiter,
            .maxEnvironmentLifetime, .recursionThreshold, .recursionCondition, .snapstartReactivation, .bisectSplit, .redriveAt, .windowStart, .topicExpiry,
            .kafkaBatchScope, .provisionedRecycle, .startingPosition,
            .rabbitmqRedelivery:
            nil
        }
    }

    /// `recursion-condition: NAME`: the condition an on-failure record of an event stopped in a
    /// recursive loop carries (L4), a name as AWS writes conditions (letters and digits).
    private static func readRecursionCondition(_ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard let text = reader.string(value, path) else { return }
        guard !text.isEmpty, text.utf8.count <= 64, text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else {
            reader.error(
                "scenario.value", at: value,
                "recursion-condition is a condition name of letters and digits such as RecursiveInvocationException, not '\(text)'")
            return
        }
        spec.assumptions.recursionCondition = text
    }

    /// `max-environment-lifetime: 2h` or `provisioned-recycle: 4h`, or `off` (their default):
    /// X7's and X8's "every few hours".
    private static func readDurationOrOff(
        _ field: WritableKeyPath<Assumptions, Int64?>, _ name: Assumptions.Name, _ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec,
        _ reader: inout ScenarioReader
    ) {
        guard let text = reader.string(value, path) else { return }
        if text.lowercased() == "off" {
            spec.assumptions[keyPath: field] = nil
        } else if text.first?.isLetter == true {
            // A word that is not `off`: refused with the closest word, as word-valued
            // assumptions are.
            let guess = Suggestion.closest(to: text.lowercased(), among: ["off"]).map { "; did you mean '\($0)'?" } ?? ""
            reader.error("scenario.value", at: value, "\(name.rawValue) is off or a duration such as 4h, not '\(text)'\(guess)")
        } else if let v = reader.duration(value, path) {
            guard v > 0 else { return reader.error("scenario.range", at: value, "\(name.rawValue) must be longer than 0s, or off") }
            spec.assumptions[keyPath: field] = v
        }
    }

    /// `eventbridge-backoff: 2s` (the base) or `{ base: 2s, cap: 5m }` (R6, §17).
    private static func readEventBridgeBackoff(_ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        var base = spec.assumptions.eventbridgeBackoffBase
        var cap = spec.assumptions.eventbridgeBackoffCap
        if value.mapping == nil {
            guard let v = reader.duration(value, path) else { return }
            base = v
        } else {
            for (key, _, item) in reader.mapping(value, at: path, known: ["base", "cap"]) {
                guard let v = reader.duration(item, "\(path).\(key)") else { return }
                if key == "base" { base = v } else { cap = v }
            }
        }
        guard base > 0, cap >= base else {
            return reader.error("scenario.range", at: value, "eventbridge-backoff needs a base longer than 0s and a cap at least as long as the base")
        }
        spec.assumptions.eventbridgeBackoffBase = base
        spec.assumptions.eventbridgeBackoffCap = cap
    }

    /// `adaptive-limiter: { beta: 0.5, minimum-rate: 1 }`: the share of the rate kept after a
    /// throttle (0 < beta < 1) and the lowest rate in calls per second (R10).
    private static func readAdaptiveLimiter(_ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, item) in reader.mapping(value, at: path, known: ["beta", "minimum-rate"]) {
            guard let text = reader.string(item, "\(path).\(key)") else { continue }
            let number = Double(text.replacingUnderscores)
            if key == "beta" {
                guard let number, number > 0, number < 1 else {
                    reader.error(
                        "scenario.range", at: item, "beta is the share of the rate kept after a throttle: a number between 0 and 1 such as 0.7, not '\(text)'")
                    continue
                }
                spec.assumptions.adaptiveBeta = number
            } else {
                guard let number, number > 0, number.isFinite else {
                    reader.error("scenario.range", at: item, "minimum-rate is calls per second: a number above 0 such as 0.5, not '\(text)'")
                    continue
                }
                spec.assumptions.adaptiveMinimumRate = number
            }
        }
    }

    /// The one behaviour of an assumption that has no alternative yet, in the guide's words.
    static func onlyValue(_ name: Assumptions.Name) -> String {
        switch name {
        case .bisectSplit: "the first half ⌈n/2⌉ first"
        case .redriveAt: "the last receive + VisibilityTimeout"
        case .windowStart: "after the previous invocation"
        default: "its documented default"
        }
    }
}
