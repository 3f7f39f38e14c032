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
    /// Times are in the compact English of the event column and of diagnostics (`850 ms`,
    /// `1 min 3 s`), in every page language.
    public static func write(_ trace: Trace, options: TimelineOptions, into out: MarkupWriter) {
        out.raw("<dl class=\"tl-log\">\n")
        var sink = out
        var time: Int64?
        let entries = trace.entries
        // The units are made once: copying their strings for every line of every log retained
        // and released five strings a line.
        let units = DurationText.Units.english
        var index = 0
        while index < entries.count {
            if case .received = entries[index].event {
                index += 1
                continue
            }
            if entries[index].time != time {
                time = entries[index].time
                out.raw("<dt>"); DurationText.writeExact(entries[index].time, units: units, into: &sink)
            }
            out.raw("<dd>")
            let run = arrivalRun(entries, from: index)
            if run > 1, case .arrival(let first, let size, let shard, let group) = entries[index].event {
                out.raw("arrival #"); sink.integer(first); out.raw("-"); sink.integer(first + run - 1)
                out.raw(" "); sink.integer(Int(size)); out.raw(" B each")
                if let shard { out.raw(" "); out.raw(trace.mode.shardNaming.word); out.raw(" "); sink.integer(trace.mode.shardNaming.number(shard)) }
                if let group { out.raw(" group "); out.text(group) }
            } else {
                Trace.describe(entries[index].event, into: &sink, padded: false, shards: trace.mode.shardNaming)
            }
            var none = true
            entries[index].rules.forEachName { rule in
                out.raw(none ? " <i>" : " ")
                none = false
                out.text(rule)
            }
            if !none { out.raw("</i>") }
            out.raw("\n")
            index += run
        }
        out.raw("</dl>\n")
    }

    /// How many entries from `start` are arrivals of consecutive items at one instant, alike
    /// in size, shard, group and rules (1 when the entry is not such a run's first): a burst
    /// of arrivals is one line, as the figure draws it as one run of dots.
    static func arrivalRun(_ entries: [TraceEntry], from start: Int) -> Int {
        guard case .arrival(let first, let size, let shard, let group) = entries[start].event else { return 1 }
        var next = start + 1
        while next < entries.count, entries[next].time == entries[start].time, entries[next].rules == entries[start].rules,
            case .arrival(let item, size, shard, group) = entries[next].event, item == first + (next - start)
        {
            next += 1
        }
        return next - start
    }
}

/// The three stages in one call: trace -> model -> SVG.
public enum TimelineRenderer {
    public static func svg(_ trace: Trace, options: TimelineOptions) -> String {
        SVGWriter.svg(TimelineLayout.layout(trace, options: options), idPrefix: options.idPrefix)
    }
}
