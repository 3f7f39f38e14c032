import NotesCore

/// A readable, stable text rendering of a trace, for golden tests and `simulate --format text`.
extension Trace {
    /// One line per entry (`    60100 ms  start  inv 2 on env 1: #1 (attempt 2)  [A3, A11]`),
    /// then the outcomes and the assumptions used.
    public var dump: String {
        var lines: [String] = []
        let width = max(6, String(entries.last?.time ?? 0).count)
        for entry in entries {
            let time = String(entry.time)
            let padded = String(repeating: " ", count: max(0, width - time.count)) + time
            let rules = entry.rules.isEmpty ? "" : "  [" + entry.rules.names.joined(separator: ", ") + "]"
            lines.append("\(padded) ms  \(Self.describe(entry.event))\(rules)")
        }
        lines.append("outcomes:")
        for item in outcomes.keys.sorted() {
            lines.append("  #\(item): " + outcomes[item]!.map(\.rawValue).joined(separator: ", "))
        }
        lines.append("assumptions: " + (assumptionsUsed.isEmpty ? "none" : assumptionsUsed.sorted().map(\.rawValue).joined(separator: ", ")))
        lines.append("max concurrency: \(stats.maxConcurrency)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func items(_ ids: [Int]) -> String {
        ItemRanges.format(ids)
    }

    public static func describe(_ event: TraceEvent) -> String {
        switch event {
        case .arrival(let item, let size, let shard, let group):
            var text = "arrival   #\(item) \(size) B"
            if let shard { text += " shard \(shard)" }
            if let group { text += " group \(group)" }
            return text
        case .response(let item, let status, let error, let reason):
            return "response  #\(item) \(status)" + (error.map { " \($0)" } ?? "") + (reason.map { " (\($0))" } ?? "")
        case .enqueued(let item):
            return "enqueued  #\(item)"
        case .received(let items, let counts):
            return "received  \(ItemRanges.format(items)) receive count \(counts.map(String.init).joined(separator: ","))"
        case .batch(let invocation, let ids, let trigger, let lane):
            return "batch     inv \(invocation) lane \(lane): \(items(ids)) (\(trigger.rawValue))"
        case .start(let invocation, let instance, let ids, let attempt):
            return "start     inv \(invocation) on env \(instance): \(items(ids)) (attempt \(attempt))"
        case .end(let invocation, let instance, let ids, let result, let reported):
            return "end       inv \(invocation) on env \(instance): \(items(ids)) \(result.rawValue)"
                + (reported.isEmpty ? "" : " reported \(items(reported))")
        case .throttled(let ids, let reason):
            return "throttled \(items(ids)) \(reason)"
        case .retryScheduled(let ids, let reason, let delay):
            return "retry     \(items(ids)) in \(DurationText.english(delay)) (\(reason.rawValue))"
        case .visible(let ids):
            return "visible   \(items(ids))"
        case .shardBlocked(let shard, let ids):
            return "blocked   shard \(shard) by \(items(ids))"
        case .shardUnblocked(let shard):
            return "unblocked shard \(shard)"
        case .bisected(let ids, let first, let second):
            return "bisected  \(items(ids)) -> \(items(first)) + \(items(second))"
        case .delivery(let delivery):
            let status = delivery.delivered ? "" : " FAILED"
            let condition = delivery.condition.map { " \($0)" } ?? ""
            let count = delivery.approximateInvokeCount.map { " count \($0)" } ?? ""
            return "delivery  \(delivery.route.rawValue) -> \(delivery.target.rawValue)\(status):\(condition)\(count) \(items(delivery.items))"
        case .discarded(let ids, let reason):
            return "discarded \(items(ids)) (\(reason.rawValue))"
        case .note(let text):
            return "note      \(text)"
        }
    }
}

/// Writes lists of ids compactly: `#1-3,5`.
public enum ItemRanges {
    public static func format(_ ids: [Int]) -> String {
        guard !ids.isEmpty else { return "none" }
        var parts: [String] = []
        var start = ids[0]
        var previous = ids[0]
        for id in ids.dropFirst() {
            if id == previous + 1 {
                previous = id
                continue
            }
            parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
            start = id
            previous = id
        }
        parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
        return "#" + parts.joined(separator: ",")
    }
}
