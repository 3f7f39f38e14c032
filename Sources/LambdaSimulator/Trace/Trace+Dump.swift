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

    /// One event as a line of text (`start     inv 2 on env 1: #1 (attempt 2)`).
    public static func describe(_ event: TraceEvent) -> String {
        var text = ""
        describe(event, into: &text)
        return text
    }

    /// Writes `describe(event)` piece by piece: every figure's event log lists every event,
    /// so no String is made per line.
    public static func describe(_ event: TraceEvent, into out: inout some TextOutputStream) {
        switch event {
        case .arrival(let item, let size, let shard, let group):
            out.write("arrival   #"); out.write(String(item)); out.write(" "); out.write(String(size)); out.write(" B")
            if let shard { out.write(" shard "); out.write(String(shard)) }
            if let group { out.write(" group "); out.write(group) }
        case .response(let item, let status, let error, let reason):
            out.write("response  #"); out.write(String(item)); out.write(" "); out.write(String(status))
            if let error { out.write(" "); out.write(error) }
            if let reason { out.write(" ("); out.write(reason); out.write(")") }
        case .enqueued(let item):
            out.write("enqueued  #"); out.write(String(item))
        case .received(let items, let counts):
            out.write("received  "); ItemRanges.write(items, into: &out); out.write(" receive count ")
            for (index, count) in counts.enumerated() {
                if index > 0 { out.write(",") }
                out.write(String(count))
            }
        case .batch(let invocation, let ids, let trigger, let lane):
            out.write("batch     inv "); out.write(String(invocation)); out.write(" lane "); out.write(String(lane)); out.write(": ")
            ItemRanges.write(ids, into: &out); out.write(" ("); out.write(trigger.rawValue); out.write(")")
        case .start(let invocation, let instance, let ids, let attempt):
            out.write("start     inv "); out.write(String(invocation)); out.write(" on env "); out.write(String(instance)); out.write(": ")
            ItemRanges.write(ids, into: &out); out.write(" (attempt "); out.write(String(attempt)); out.write(")")
        case .end(let invocation, let instance, let ids, let result, let reported):
            out.write("end       inv "); out.write(String(invocation)); out.write(" on env "); out.write(String(instance)); out.write(": ")
            ItemRanges.write(ids, into: &out); out.write(" "); out.write(result.rawValue)
            if !reported.isEmpty { out.write(" reported "); ItemRanges.write(reported, into: &out) }
        case .throttled(let ids, let reason):
            out.write("throttled "); ItemRanges.write(ids, into: &out); out.write(" "); out.write(reason)
        case .retryScheduled(let ids, let reason, let delay):
            out.write("retry     "); ItemRanges.write(ids, into: &out); out.write(" in "); out.write(DurationText.english(delay))
            out.write(" ("); out.write(reason.rawValue); out.write(")")
        case .visible(let ids):
            out.write("visible   "); ItemRanges.write(ids, into: &out)
        case .shardBlocked(let shard, let ids):
            out.write("blocked   shard "); out.write(String(shard)); out.write(" by "); ItemRanges.write(ids, into: &out)
        case .shardUnblocked(let shard):
            out.write("unblocked shard "); out.write(String(shard))
        case .bisected(let ids, let first, let second):
            out.write("bisected  "); ItemRanges.write(ids, into: &out); out.write(" -> "); ItemRanges.write(first, into: &out)
            out.write(" + "); ItemRanges.write(second, into: &out)
        case .delivery(let delivery):
            out.write("delivery  "); out.write(delivery.route.rawValue); out.write(" -> "); out.write(delivery.target.rawValue)
            if !delivery.delivered { out.write(" FAILED") }
            out.write(":")
            if let condition = delivery.condition { out.write(" "); out.write(condition) }
            if let count = delivery.approximateInvokeCount { out.write(" count "); out.write(String(count)) }
            out.write(" "); ItemRanges.write(delivery.items, into: &out)
        case .discarded(let ids, let reason):
            out.write("discarded "); ItemRanges.write(ids, into: &out); out.write(" ("); out.write(reason.rawValue); out.write(")")
        case .note(let text):
            out.write("note      "); out.write(text)
        }
    }
}

/// Writes lists of ids compactly: `#1-3,5`.
public enum ItemRanges {
    public static func format(_ ids: [Int]) -> String {
        var text = ""
        write(ids, into: &text)
        return text
    }

    /// Writes `format(ids)` into `out`.
    public static func write(_ ids: [Int], into out: inout some TextOutputStream) {
        guard var start = ids.first else { return out.write("none") }
        out.write("#")
        var previous = start
        func range() {
            out.write(String(start))
            if start != previous { out.write("-"); out.write(String(previous)) }
        }
        for id in ids.dropFirst() {
            if id == previous + 1 {
                previous = id
                continue
            }
            range()
            out.write(",")
            start = id
            previous = id
        }
        range()
    }
}
