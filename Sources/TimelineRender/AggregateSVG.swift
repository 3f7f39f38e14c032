import NotesCore

/// Stage 3 of the aggregate view: `AggregateModel` -> SVG, with the same classes, colours and
/// conventions as `SVGWriter` (CSS colours, `currentColor` text, whole pixels).
public enum AggregateSVG {
    /// The figure as an SVG document of its own.
    public static func svg(_ model: AggregateModel, idPrefix: String) -> String {
        let out = MarkupWriter()
        write(model, idPrefix: idPrefix, standalone: true, into: out)
        return out.string
    }

    /// Appends the figure: rows of areas, the concurrency line, the exemplars' lanes and
    /// marks, and the time axis (`standalone` as `SVGWriter.write` has it).
    public static func write(_ model: AggregateModel, idPrefix: String, standalone: Bool = false, into out: MarkupWriter) {
        SVGWriter.writeOpening(
            width: model.width, height: model.height, fontSize: model.fontSize, title: model.title, description: model.description,
            idPrefix: idPrefix, standalone: standalone, into: out)
        // The id lets the page's lane-name column show these names (`SVGWriter.writeLaneColumn`).
        out.raw("<g class=\"tl-lanes\" id=\""); out.text(idPrefix); out.raw("-lanes\">\n")
        let rows = model.rows + [model.concurrency]
        SVGWriter.writeRules(rows.map { $0.y + $0.height } + model.exemplarLanes.map { $0.y + $0.height }, from: model.gutter, to: model.width, into: out)
        for row in rows { writeName(row.name, y: row.y, height: row.height, peak: row.peak, model: model, into: out) }
        for lane in model.exemplarLanes { writeName(lane.name, y: lane.y, height: lane.height, peak: nil, model: model, into: out) }
        out.raw("</g>\n<g class=\"tl-counts\">\n")
        for row in model.rows {
            for area in row.areas {
                out.raw("<path class=\"tl-area tl-"); out.raw(string: area.kind.rawValue); out.raw("\" d=\""); writePoints(area.points, closed: true, into: out)
                out.raw("\"><title>"); out.text(area.title); out.raw("</title></path>\n")
            }
        }
        if let line = model.concurrency.areas.first {
            out.raw("<path class=\"tl-concurrency\" fill=\"none\" stroke=\"currentColor\" d=\""); writePoints(line.points, closed: false, into: out)
            out.raw("\"><title>"); out.text(line.title); out.raw("</title></path>\n")
        }
        out.raw("</g>\n<g class=\"tl-marks\">\n")
        SVGWriter.writeGroupedByKind(model.exemplarMarks.filter { $0.lane < model.exemplarLanes.count }, into: out) { mark in
            let top = model.exemplarLanes[mark.lane].y + 9
            SVGWriter.writeShape(of: mark, top: top, middle: top + TimelineLayout.barHeight / 2, into: out)
        }
        out.raw("</g>\n")
        writeAxis(model, into: out)
        out.raw("</svg>\n")
    }

    /// A row's or lane's name, with the row's scale (its peak per bar) after the name (the
    /// rules are one path, `SVGWriter.writeRules`).
    private static func writeName(_ name: String, y: Double, height: Double, peak: Int?, model: AggregateModel, into out: MarkupWriter) {
        out.raw("<text class=\"tl-lane-name\" x=\"6\" y=\""); out.number(y + height / 2 + 4); out.raw("\">")
        out.text(name); out.raw("</text>")
        if let peak {
            // On the name's baseline, right-aligned in the gutter (`AggregateLayout` makes room).
            out.raw("<text class=\"tl-scale\" x=\""); out.number(model.gutter - 6); out.raw("\" y=\""); out.number(y + height / 2 + 4)
            out.raw("\" text-anchor=\"end\">"); out.raw(string: AggregateLayout.scaleText(peak)); out.raw("</text>")
        }
        out.raw("\n")
    }

    private static func writeAxis(_ model: AggregateModel, into out: MarkupWriter) {
        out.raw("<g class=\"tl-axis\">\n<line class=\"tl-axis-line\" x1=\""); out.number(model.gutter); out.raw("\" y1=\""); out.number(model.axisY)
        out.raw("\" x2=\""); out.number(model.width - 4); out.raw("\" y2=\""); out.number(model.axisY); out.raw("\"/>\n")
        SVGWriter.writeTicks(model.ticks, axisY: model.axisY, into: out)
        out.raw("</g>\n")
    }

    /// `M x y L x y …` in whole pixels, closed with `Z` for an area.
    private static func writePoints(_ points: [(x: Double, y: Double)], closed: Bool, into out: MarkupWriter) {
        for (index, point) in points.enumerated() {
            out.raw(index == 0 ? "M" : " ")
            out.number(point.x); out.raw(" "); out.number(point.y)
        }
        if closed { out.raw(" Z") }
    }
}
