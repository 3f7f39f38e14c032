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
    /// Rows leave out the optional `</td>` and `</tr>`, an empty rules cell and the dump's
    /// column padding: a log page holds up to 2,000 rows, and these were 40 % of each one.
    public static func write(_ trace: Trace, options: TimelineOptions, into out: MarkupWriter) {
        let labels = TimelineLabels.forLanguage(options.language)
        out.raw("<table class=\"tl-log\">\n<thead><tr><th scope=\"col\">"); out.text(labels.timeColumn); out.raw("</th>")
        out.raw("<th scope=\"col\">"); out.text(labels.eventColumn); out.raw("</th><th scope=\"col\">Rules</th></tr></thead>\n<tbody>\n")
        var text = SingleSpaced(base: out.escapedText)
        for entry in trace.entries {
            if case .received = entry.event { continue }
            out.raw("<tr><td>"); out.text(labels.duration(entry.time)); out.raw("<td>")
            text.reset()
            Trace.describe(entry.event, into: &text)
            for (index, rule) in entry.rules.names.enumerated() {
                out.raw(index == 0 ? "<td>" : " ")
                out.text(rule)
            }
            out.raw("\n")
        }
        out.raw("</tbody>\n</table>\n")
    }
}

/// A text stream that writes each run of spaces as one space: the dump pads its event names
/// to a column, which HTML collapses anyway.
private struct SingleSpaced<Base: TextOutputStream>: TextOutputStream {
    var base: Base
    private var afterSpace = false

    init(base: Base) { self.base = base }

    /// Starts a new row (a space at the end of the last one must not swallow the next).
    mutating func reset() { afterSpace = false }

    mutating func write(_ string: String) {
        let startsAfterSpace = afterSpace
        var previous = startsAfterSpace
        let needsSqueeze = string.utf8.contains { byte in
            defer { previous = byte == 0x20 }
            return byte == 0x20 && previous
        }
        if let last = string.utf8.last { afterSpace = last == 0x20 }
        guard needsSqueeze else { return base.write(string) }
        var squeezed = String.UnicodeScalarView()
        var space = startsAfterSpace
        for scalar in string.unicodeScalars {
            if scalar != " " || !space { squeezed.append(scalar) }
            space = scalar == " "
        }
        base.write(String(squeezed))
    }
}

/// The three stages in one call: trace -> model -> SVG.
public enum TimelineRenderer {
    public static func svg(_ trace: Trace, options: TimelineOptions) -> String {
        SVGWriter.svg(TimelineLayout.layout(trace, options: options), idPrefix: options.idPrefix)
    }
}
