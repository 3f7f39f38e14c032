import NotesCore
import LambdaSimulator

/// The same trace as an HTML table: the figure's text alternative, row by row.
public enum EventLog {
    /// The most rows shown inside a figure: about a screenful. A longer log is written as a
    /// page of its own beside the note and linked from the figure.
    public static let inlineRows = 30

    /// The rows the table of a trace has (the kept entries but receives, which the
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

    /// Appends the table to `out`.
    ///
    /// Rows leave out the optional `</td>` and `</tr>` and the dump's column padding: a log
    /// page holds up to 2,000 rows, and these were a third of each one. (An empty rules
    /// cell stays: without it the row's borders end early.)
    /// Times are in the compact English of the event column and of diagnostics (`850 ms`,
    /// `1 min 3 s`), in every page language.
    public static func write(_ trace: Trace, options: TimelineOptions, into out: MarkupWriter) {
        let labels = TimelineLabels.forLanguage(options.language)
        out.raw("<table class=\"tl-log\">\n<thead><tr><th scope=\"col\">"); out.text(labels.timeColumn); out.raw("</th>")
        out.raw("<th scope=\"col\">"); out.text(labels.eventColumn); out.raw("</th><th scope=\"col\">Rules</th></tr></thead>\n<tbody>\n")
        var sink = out
        for entry in trace.entries {
            if case .received = entry.event { continue }
            out.raw("<tr><td>"); DurationText.write(entry.time, units: .english, into: &sink); out.raw("<td>")
            Trace.describe(entry.event, into: &sink, padded: false)
            out.raw("<td>")
            var separator = false
            entry.rules.forEachName { rule in
                if separator { out.raw(" ") }
                separator = true
                out.text(rule)
            }
            out.raw("\n")
        }
        out.raw("</tbody>\n</table>\n")
    }
}

/// The three stages in one call: trace -> model -> SVG.
public enum TimelineRenderer {
    public static func svg(_ trace: Trace, options: TimelineOptions) -> String {
        SVGWriter.svg(TimelineLayout.layout(trace, options: options), idPrefix: options.idPrefix)
    }
}
