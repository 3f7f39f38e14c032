import LambdaSimulator

/// The same trace as an HTML table: the figure's text alternative, row by row.
public enum EventLog {
    public static func html(_ trace: Trace, options: TimelineOptions) -> String {
        let labels = TimelineLabels.forLanguage(options.language)
        var out = "<table class=\"tl-log\">\n<thead><tr><th scope=\"col\">\(SVGWriter.escape(labels.timeColumn))</th>"
        out += "<th scope=\"col\">\(SVGWriter.escape(labels.eventColumn))</th><th scope=\"col\">Rules</th></tr></thead>\n<tbody>\n"
        for entry in trace.entries {
            if case .received = entry.event { continue }
            let rules = entry.rules.names.joined(separator: " ")
            out += "<tr><td>\(SVGWriter.escape(labels.duration(entry.time)))</td><td>\(SVGWriter.escape(Trace.describe(entry.event)))</td>"
            out += "<td>\(SVGWriter.escape(rules))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }
}

/// The three stages in one call: trace -> model -> SVG.
public enum TimelineRenderer {
    public static func svg(_ trace: Trace, options: TimelineOptions) -> String {
        SVGWriter.svg(TimelineLayout.layout(trace, options: options), idPrefix: options.idPrefix)
    }
}
