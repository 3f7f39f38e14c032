/// Well-formed scenarios: every key belongs to its mode and every value has the right kind,
/// and now and then one value is an extreme of its kind (the 64-bit bounds, one past them,
/// -1, 0).
///
/// Why: the hostile generator puts junk in many places at once, so a scenario almost never
/// reached the arithmetic that extreme numbers broke (the sum of the counts, the account's
/// concurrency minus the reserved one): an earlier key was already wrong. Here an input
/// differs from a valid scenario in one value or a few, which is how those traps showed.
extension ScenarioGenerator {
    /// The input modes and the settings sections each one reads.
    private static let modes: [(mode: String, inputs: String, sections: [String])] = [
        ("sync", "events", ["account", "caller"]),
        ("async", "events", ["account", "EventInvokeConfig", "DeadLetterConfig"]),
        ("sqs", "records", ["account", "queue", "EventSourceMapping"]),
        ("sqs-fifo", "records", ["account", "queue", "EventSourceMapping"]),
        ("kinesis", "records", ["account", "stream", "EventSourceMapping"]),
        ("dynamodb", "records", ["account", "stream", "EventSourceMapping"]),
    ]

    /// What a value is, with its ordinary values and its extremes.
    enum Kind {
        case integer, duration, size

        var ordinary: [String] {
            switch self {
            case .integer: ["1", "2", "3", "10", "100"]
            case .duration: ["0s", "1ms", "100ms", "1s", "1m"]
            case .size: ["1B", "1KB", "256KB"]
            }
        }

        var extremes: [String] {
            switch self {
            case .integer: ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "-1", "0"]
            case .duration: ["9223372036854775807ms", "-9223372036854775808ms", "100001d", "-1ms", "0s", "7d"]
            case .size: ["9223372036854775807B", "1025GB", "-1B", "0B", "6291457B"]
            }
        }
    }

    /// The block's lines: a mode, a function, inputs of the right key, up to two of the
    /// mode's sections and an assumption or `until`.
    mutating func strictLines() -> [String] {
        let (mode, inputs, sections) = choices.pick(Self.modes)
        var function = ["duration: " + value(.duration)]
        // Failures that end: a retry loop is the hostile generator's part (and a timeout).
        if choices.chance(96) { function.append("fails: " + choices.pick(["never", "[1]", "[2]"])) }
        if choices.chance(64) { function.append("Timeout: " + value(.integer)) }
        let reserves = choices.chance(64)
        if reserves { function.append("ReservedConcurrentExecutions: " + value(.integer)) }
        var lines = ["mode: " + mode, "function: { " + function.joined(separator: ", ") + " }", inputs + ":"]
        // A title with a control character: diagnostics that quote it must escape it.
        if choices.chance(16) { lines.insert("title: " + choices.pick(["\"a\\u001B[31mred\"", "\"line\\nbreak\"", "\"%0A::error::x\""]), at: 0) }
        for _ in 0..<(1 + choices.below(3)) {
            var fields = ["at: " + value(.duration)]
            if choices.chance(128) { fields.append("count: " + value(.integer)) }
            if choices.chance(64) { fields.append("every: " + value(.duration)) }
            if choices.chance(48) { fields.append("size: " + value(.size)) }
            lines.append("  - { " + fields.joined(separator: ", ") + " }")
        }
        // Each section at most once (a section named twice is a duplicate key the reader
        // rejects before any value is read); the account's concurrency comes with a reserved
        // one more often, since their difference is what extreme values broke.
        var left = sections
        if reserves, choices.chance(128) { lines.append(strictSection(left.removeFirst())) }
        for _ in 0..<choices.below(3) where !left.isEmpty { lines.append(strictSection(left.remove(at: choices.below(left.count)))) }
        switch choices.below(4) {
        case 0: lines.append("until: " + value(.duration))
        case 1: lines.append("assume: { " + choices.pick(["stream-retry-delay", "throttle-backoff", "record-overhead"]) + ": " + value(.duration) + " }")
        default: break
        }
        return lines
    }

    /// A value of `kind`: ordinary, about one time in eight an extreme, and about one time in
    /// a hundred a flow list nested at a boundary depth (100 levels is the reader's bound;
    /// 20,000 once overflowed the stack).
    private mutating func value(_ kind: Kind) -> String {
        if choices.chance(3) {
            let depth = choices.pick([99, 100, 101, 1_000, 20_000])
            return String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        return choices.chance(32) ? choices.pick(kind.extremes) : choices.pick(kind.ordinary)
    }

    /// One settings section, with one of its numeric fields.
    private mutating func strictSection(_ name: String) -> String {
        let fields: [String: [String]] = [
            "account": ["ConcurrentExecutions"],
            "caller": ["retries"],
            "EventInvokeConfig": ["MaximumRetryAttempts", "MaximumEventAgeInSeconds"],
            "DeadLetterConfig": [],
            "queue": ["VisibilityTimeout", "MessageRetentionPeriod"],
            "stream": ["shards", "RetentionPeriodHours"],
            "EventSourceMapping": ["BatchSize", "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts"],
        ]
        guard let field = fields[name].flatMap({ $0.isEmpty ? nil : choices.pick($0) }) else { return name + ": { TargetArn: sqs }" }
        return name + ": { " + field + ": " + value(.integer) + " }"
    }
}
