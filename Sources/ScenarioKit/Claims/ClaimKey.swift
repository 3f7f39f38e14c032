import LambdaSimulator

/// One key of a scenario's `expect:` block.
///
/// Every list of claim keys comes from this enum: the parser's known keys, the "applies to"
/// error, the guide's table (`ClaimKeyGuideTests` compares them) and `Checker`'s exhaustive
/// `switch`, so a new case does not compile until it says where it applies and how it is
/// checked.
public enum ClaimKey: String, CaseIterable, Sendable, CustomStringConvertible {
    case attempts
    case attemptsAt = "attempts-at"
    case firstAttemptAt = "first-attempt-at"
    case endsAt = "ends-at"
    case results
    case outcome
    case outcomes
    case delivered
    case deliveries
    case responses
    case throttlesAt = "throttles-at"
    case maxConcurrency = "max-concurrency"
    case batches
    case batchesAt = "batches-at"
    case triggers
    case receiveCounts = "receive-counts"
    case receivedAt = "received-at"
    case requestIDs = "request-ids"
    case retried
    case order
    case rejected
    case assumptions
    case coldStarts = "cold-starts"
    case initDurations = "init-durations"
    case latency
    case callerAttempts = "caller-attempts"
    case recursionStoppedAt = "recursion-stopped-at"
    case tolerance

    /// The key as written in YAML.
    public var name: String { rawValue }

    public var description: String { rawValue }

    /// The scenarios this claim can describe.
    public var scope: ClaimScope {
        switch self {
        case .batches, .batchesAt, .triggers: .eventSourceMappings
        case .receiveCounts, .receivedAt: .queues
        case .order: .orderedSources
        case .responses, .callerAttempts: .directInvocations
        case .attempts, .attemptsAt, .firstAttemptAt, .endsAt, .results, .outcome, .outcomes, .delivered, .deliveries,
            .throttlesAt, .maxConcurrency, .retried, .rejected, .assumptions, .tolerance, .coldStarts, .initDurations, .latency,
            .recursionStoppedAt, .requestIDs:
            .everyMode
        }
    }

    /// What the value is as written.
    public var form: ClaimForm {
        switch self {
        case .attempts, .maxConcurrency, .callerAttempts, .requestIDs: .count
        case .attemptsAt, .endsAt, .throttlesAt, .batchesAt, .receivedAt, .coldStarts, .initDurations, .latency, .recursionStoppedAt: .times
        case .firstAttemptAt: .time
        case .results, .triggers, .receiveCounts: .words
        case .outcome: .word
        case .outcomes, .delivered: .counts
        case .deliveries, .batches: .list
        case .responses: .map
        case .retried: .boolean
        case .order: .word
        case .rejected: .setting
        case .assumptions: .words
        case .tolerance: .duration
        }
    }

    /// Whether the key is a claim with a verdict (counted in `N passed, N failed`); `tolerance`
    /// only sets how the others compare times.
    public var hasVerdict: Bool {
        switch self {
        case .tolerance:
            false
        case .attempts, .attemptsAt, .firstAttemptAt, .endsAt, .results, .outcome, .outcomes, .delivered, .deliveries, .responses,
            .throttlesAt, .maxConcurrency, .batches, .batchesAt, .triggers, .receiveCounts, .receivedAt, .retried, .order, .rejected,
            .assumptions, .coldStarts, .initDurations, .latency, .callerAttempts, .recursionStoppedAt, .requestIDs:
            true
        }
    }

    /// Whether the value may be written `{ value: …, tolerance: 100ms }` with its own tolerance.
    public var takesTolerance: Bool {
        switch form {
        case .times, .time: true
        case .count, .words, .word, .counts, .list, .map, .boolean, .setting, .duration: false
        }
    }
}

/// The scenarios a claim key can describe.
public enum ClaimScope: Sendable, CaseIterable {
    case everyMode
    case eventSourceMappings
    case queues
    case orderedSources
    case directInvocations

    /// Whether a scenario in `mode` can make this claim.
    public func contains(_ mode: InvocationMode) -> Bool {
        switch self {
        case .everyMode:
            return true
        case .eventSourceMappings:
            return mode.eventSource != nil
        case .queues:
            return mode.eventSource == .queue
        case .directInvocations:
            return mode.eventSource == nil
        case .orderedSources:
            switch mode {
            case .kinesis, .dynamodb, .sqsFIFO, .kafka, .documentdb: return true
            case .sync, .async, .sqs, .mq: return false
            }
        }
    }

    /// The scenarios in words, as the "applies to" error and the guide's table say them.
    public var description: String {
        switch self {
        case .everyMode: "every mode"
        case .eventSourceMappings: "event source mappings"
        case .queues: "SQS queues"
        case .orderedSources: "streams, Kafka topics, DocumentDB and FIFO queues"
        case .directInvocations: "synchronous and asynchronous invocations"
        }
    }
}

/// The shape of a claim's value as written.
public enum ClaimForm: Sendable {
    /// A number, or a bound `{ min, max }`.
    case count
    /// A list of times matched one by one (each a time or a bound `{ min, max }`),
    /// `{ each, first, last }` bounds, or `{ 0s: 3 }` bursts.
    case times
    /// One time, or a bound `{ min, max }`.
    case time
    /// A list of words (`~` skips one).
    case words
    /// One word.
    case word
    /// A map from a word to a count.
    case counts
    /// A list of maps or values, one per item.
    case list
    /// A map from a number to fields.
    case map
    /// `true` or `false`.
    case boolean
    /// The name of an AWS setting.
    case setting
    /// A duration such as `500ms`.
    case duration
}
