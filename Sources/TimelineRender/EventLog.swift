import NotesCore
import LambdaSimulator

/// The same trace as an HTML list of events by time: the figure's text alternative, event
/// by event.
public enum EventLog {
    /// The most rows shown inside a figure: about a screenful. A longer log is written as a
    /// page of its own beside the note and linked from the figure.
    public static let inlineRows = 30

    /// The events the log of a trace lists (the kept entries but receives, which the
    /// following starts already show).
    public static func rowCount(_ trace: Trace) -> Int {
        trace.entries.count { entry in
            if case .received = entry.event { return false }
            return true
        }
    }

    public static func html(_ trace: Trace, options: TimelineOptions) -> String {
        let out = MarkupWriter()
        write(trace, options: options, into: out)
        return out.string
    }

    /// Appends the log to `out`: a description list of instants (`<dt>`, the time) and what
    /// happened at each (`<dd>`, one per event, with the rules that explain it in `<i>`).
    ///
    /// Why a list and not a table: a log page holds up to 2,000 rows, and a table row's cells
    /// (`<tr><td>…<td>…<td>`) and its time, which more than half the rows repeat (an arrival,
    /// its response and its start), were a third of each row. Here an instant's time is
    /// written once and an event costs one `<dd>`; the stylesheet still lays the list out in
    /// two columns, and a screen reader reads each event with its time.
    /// Its words are the page's language (`TraceWords`): `start env 1: #1` on an English page,
    /// `開始 環境 1: #1` on a Japanese one; times keep their unit symbols (`1.05 s`) in both.
    public static func write(_ trace: Trace, options: TimelineOptions, into out: MarkupWriter) {
        out.raw("<dl class=\"tl-log\">\n")
        // Read through a buffer: the rows and `ArrivalRuns`' look-ahead at the arrivals after
        // each one read entries by index, through the array's checks, several times a row.
        trace.entries.withUnsafeBufferPointer { entries in
            writeRows(entries, shards: trace.mode.shardNaming, words: TraceWords.forLanguage(options.language), into: out)
        }
        out.raw("</dl>\n")
    }

    /// The list's rows: each instant's `<dt>` and its events' `<dd>`s.
    private static func writeRows(_ entries: UnsafeBufferPointer<TraceEntry>, shards: ShardNaming, words: TraceWords, into out: MarkupWriter) {
        var sink = out
        var time: Int64?
        // The units are taken once: copying their strings for every line of every log retained
        // and released five strings a line.
        let units = DurationText.Units.english
        let ruleIDs = RuleSet.ids
        var index = 0
        while index < entries.count {
            if case .received = entries[index].event {
                index += 1
                continue
            }
            if entries[index].time != time, let spread = ArrivalRuns.spread(entries, from: index) {
                // Arrivals one per instant at a regular pace: one line, as the figure draws one run.
                let last = entries[spread.end - 1].time
                time = last
                out.raw("<dt>"); DurationText.writeExact(entries[index].time, units: units, into: &sink)
                out.raw(" – "); DurationText.writeExact(last, units: units, into: &sink)
                out.raw("<dd>"); out.raw(words.arrivals); out.raw(" ")
                writeArrivals(entries[index], count: spread.count, every: spread.every, words: words, units: units, shards: shards, into: &sink)
                out.raw("\n")
                index = spread.end
                continue
            }
            if entries[index].time != time {
                time = entries[index].time
                out.raw("<dt>"); DurationText.writeExact(entries[index].time, units: units, into: &sink)
            }
            out.raw("<dd>")
            let run = ArrivalRuns.atOneInstant(entries, from: index)
            if run > 1 {
                out.raw(words.arrival); out.raw(" ")
                writeArrivals(entries[index], count: run, every: nil, words: words, units: units, shards: shards, into: &sink)
            } else {
                Trace.describe(entries[index].event, into: out, shards: shards, words: words)
                writeRules(entries[index].rules, ids: ruleIDs, into: out)
            }
            out.raw("\n")
            index += run
        }
    }

    /// A run of `count` arrivals, the first `entry`'s (alike in size, shard, group and rules):
    /// `#1-26, one every 50 ms, 1024 B each, shard 1` (without the pace when they came at once),
    /// or in Japanese `#1-26 (50 msごと) 各 1024 B シャード 1`.
    private static func writeArrivals(
        _ entry: TraceEntry, count: Int, every: Int64?, words: TraceWords, units: borrowing DurationText.Units, shards: ShardNaming,
        into sink: inout MarkupWriter
    ) {
        guard case .arrival(let first, let size, let shard, let group) = entry.event else { return }
        sink.raw("#"); sink.integer(first); sink.raw("-"); sink.integer(first + count - 1)
        if let every {
            sink.raw(words.everyStart); DurationText.writeExact(every, units: units, into: &sink)
            sink.raw(words.everyEnd)
        }
        sink.raw(words.sizeStart); sink.integer(Int(size)); sink.raw(words.sizeEnd)
        let separator: StaticString = every == nil ? " " : words.runSeparator
        if let shard { sink.raw(separator); sink.raw(words.shardWord(shards)); sink.raw(" "); sink.integer(shards.number(shard)) }
        if let group { sink.raw(separator); sink.raw(shard == nil ? words.group : words.key); sink.text(group) }
        writeRules(entry.rules, ids: RuleSet.ids, into: sink)
    }

    /// The rules that explain an entry, in `<i>`, after a space; nothing when none does.
    /// (The rules, not the entry: passing an entry copied its event, retaining its lists.)
    /// A rule's id is letters and digits, written as it is: there is nothing to escape.
    /// The ids are named bit by bit here (bit n is `RuleSet.ids[n]`), with the list read once
    /// per log: a closure per row, and the list's accessor per rule, cost more than the ids.
    private static func writeRules(_ rules: RuleSet, ids: [String], into out: MarkupWriter) {
        var bits = rules.rawValue
        guard bits != 0 else { return }
        out.raw(" <i>")
        while true {
            out.raw(string: ids[bits.trailingZeroBitCount])
            bits &= bits - 1
            guard bits != 0 else { break }
            out.raw(" ")
        }
        out.raw("</i>")
    }
}

/// The three stages in one call: trace -> model -> SVG.
public enum TimelineRenderer {
    public static func svg(_ trace: Trace, options: TimelineOptions) -> String {
        SVGWriter.svg(TimelineLayout.layout(trace, options: options), idPrefix: options.idPrefix)
    }
}
