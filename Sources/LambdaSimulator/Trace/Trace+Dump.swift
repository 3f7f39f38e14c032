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
            var line = ""
            Self.describe(entry.event, into: &line, shards: mode.shardNaming)
            lines.append("\(padded) ms  \(line)\(rules)")
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

    /// `describe` into markup as an event log's line (unpadded and terse, in `words`),
    /// compiled for the writer: a log describes every event of a trace, and through the
    /// generic sink each of a line's dozen pieces went through the protocol's table.
    public static func describe(_ event: TraceEvent, into out: MarkupWriter, shards: ShardNaming, words: TraceWords = .english) {
        var sink = out
        describe(event, into: &sink, padded: false, terse: true, shards: shards, words: words)
    }

    /// Writes `describe(event)` piece by piece: every figure's event log lists every event,
    /// so no String is made per line or per number. `padded` aligns what follows the event's
    /// name in a column, as the text dump does; an HTML table has its own columns.
    /// `shards` names a stream's shard or a Kafka topic's partition (`InvocationMode.shardNaming`);
    /// `words` are the line's words, English or Japanese (`TraceWords`). `terse` (an event
    /// log's line, `start env 1: #1-10`) leaves out what a reader follows otherwise: the
    /// invocation numbers (an environment runs one invocation at a time, and the items name
    /// what it ran) and a first attempt's number. A 2,000-line log is a fifth lighter for it,
    /// which a Japanese log, at three bytes a character, needs to weigh what an English one did.
    public static func describe(
        _ event: TraceEvent, into out: inout some TextSink, padded: Bool = true, terse: Bool = false, shards: ShardNaming = .shard,
        words: TraceWords = .english
    ) {
        func head(_ name: StaticString) {
            out.literal(name)
            for _ in 0..<(padded ? max(1, 10 - name.utf8CodeUnitCount) : 1) { out.literal(" ") }
        }
        /// `inv 2 on env 1: `, or tersely `env 1: `.
        func invocation(_ invocation: Int, on instance: Int) {
            if terse {
                out.literal(words.environment); out.integer(instance); out.literal(": ")
                return
            }
            out.literal("inv "); out.integer(invocation); out.literal(" on env "); out.integer(instance); out.literal(": ")
        }
        switch event {
        case .arrival(let item, let size, let shard, let group):
            head(words.arrival); writeArrival(item, size: size, shard: shard, group: group, into: &out, shards: shards, words: words)
        case .response(let item, let status, let error, let reason):
            head(words.response); out.literal("#"); out.integer(item); out.literal(" "); out.integer(status)
            if let error { out.literal(" "); out.text(error) }
            if let reason { out.literal(" ("); out.text(reason); out.literal(")") }
        case .enqueued(let item):
            head(words.enqueued); out.literal("#"); out.integer(item)
        case .received(let items, let counts):
            head(words.received); ItemRanges.write(items, into: &out); out.literal(words.receiveCount)
            for (index, count) in counts.enumerated() {
                if index > 0 { out.literal(",") }
                out.integer(count)
            }
        case .batch(let number, let ids, let trigger, let lane):
            head(words.batch)
            if !terse { out.literal("inv "); out.integer(number); out.literal(" lane ") } else { out.literal(words.laneAlone) }
            out.integer(lane); out.literal(": "); ItemRanges.write(ids, into: &out); out.literal(" ("); out.text(trigger.rawValue); out.literal(")")
        case .start(let number, let instance, let ids, let attempt):
            head(words.start); invocation(number, on: instance)
            ItemRanges.write(ids, into: &out)
            if !terse || attempt > 1 { out.literal(words.attempt); out.integer(attempt); out.literal(")") }
        case .end(let number, let instance, let ids, let result, let reported):
            head(words.end); invocation(number, on: instance)
            ItemRanges.write(ids, into: &out); out.literal(" "); out.text(result.rawValue)
            if !reported.isEmpty { out.literal(words.reported); ItemRanges.write(reported, into: &out) }
        case .throttled(let ids, let reason):
            head(words.throttled); ItemRanges.write(ids, into: &out); out.literal(" "); out.text(reason)
        case .retryScheduled(let ids, let reason, let delay):
            head(words.retry); ItemRanges.write(ids, into: &out); out.literal(words.retryIn); DurationText.write(delay, units: .english, into: &out)
            out.literal(" ("); out.text(reason.rawValue); out.literal(")")
        case .visible(let ids):
            head(words.visible); ItemRanges.write(ids, into: &out)
        case .shardBlocked(let shard, let ids):
            head(words.blocked); out.literal(words.shardWord(shards)); out.literal(" "); out.integer(shards.number(shard)); out.literal(words.blockedBy)
            ItemRanges.write(ids, into: &out)
        case .shardUnblocked(let shard):
            head(words.unblocked); out.literal(words.shardWord(shards)); out.literal(" "); out.integer(shards.number(shard))
        case .bisected(let ids, let first, let second):
            head(words.bisected); ItemRanges.write(ids, into: &out); out.literal(" -> "); ItemRanges.write(first, into: &out)
            out.literal(" + "); ItemRanges.write(second, into: &out)
        case .delivery(let delivery):
            head(words.delivery); writeDelivery(delivery, into: &out, words: words)
        case .discarded(let ids, let reason):
            head(words.discarded); ItemRanges.write(ids, into: &out); out.literal(" ("); out.text(reason.rawValue); out.literal(")")
        case .coldStart(let number, let instance, let ids, let duration, let failed):
            head(words.coldStart); invocation(number, on: instance)
            ItemRanges.write(ids, into: &out); out.literal(words.coldStartTook); DurationText.write(duration, units: .english, into: &out)
            if failed { out.literal(words.failed) }
        case .recursionStopped(let ids, let depth):
            head(words.stopped); ItemRanges.write(ids, into: &out); out.literal(words.loopAt); out.integer(depth); out.literal(words.loopAtEnd)
        case .provisioned(let instances, let initDuration):
            head(words.ready); out.literal(words.provisioned); ItemRanges.write(instances, into: &out)
            out.literal(words.initAhead); DurationText.write(initDuration, units: .english, into: &out); out.literal(words.initAheadEnd)
        case .note(let text):
            head(words.note); out.text(text)
        }
    }

    /// An arrival after its name: `#1 1024 B shard 1 key a`. A record of a stream or topic
    /// names its partition key; a message its FIFO group.
    private static func writeArrival(
        _ item: Int, size: Int64, shard: Int?, group: String?, into out: inout some TextSink, shards: ShardNaming, words: TraceWords
    ) {
        out.literal("#"); out.integer(item); out.literal(" "); out.integer(Int(size)); out.literal(" B")
        if let shard { out.literal(" "); out.literal(words.shardWord(shards)); out.literal(" "); out.integer(shards.number(shard)) }
        if let group { out.literal(" "); out.literal(shard == nil ? words.group : words.key); out.text(group) }
    }

    /// A delivery after its name: `DLQ -> sqs: RetryAttemptsExhausted count 3 #5`.
    private static func writeDelivery(_ delivery: Delivery, into out: inout some TextSink, words: TraceWords) {
        out.text(delivery.route.rawValue); out.literal(" -> "); out.text(delivery.target.rawValue)
        if !delivery.delivered { out.literal(words.failed) }
        out.literal(":")
        if let condition = delivery.condition { out.literal(" "); out.text(condition) }
        if let count = delivery.approximateInvokeCount { out.literal(words.count); out.integer(count) }
        out.literal(" "); ItemRanges.write(delivery.items, into: &out)
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
    public static func write(_ ids: [Int], into out: inout some TextSink) {
        guard var start = ids.first else { return out.literal("none") }
        out.literal("#")
        var previous = start
        func range() {
            out.integer(start)
            if start != previous { out.literal("-"); out.integer(previous) }
        }
        for id in ids.dropFirst() {
            if id == previous + 1 {
                previous = id
                continue
            }
            range()
            out.literal(",")
            start = id
            previous = id
        }
        range()
    }
}
