import NotesCore

/// Stage 3 of a figure: `TimelineModel` -> SVG text, deterministically.
///
/// Colours come only from CSS classes (the page's stylesheet holds the Okabe–Ito palette
/// as custom properties); text inherits `currentColor` from the root; there is no background, no
/// `foreignObject` and no `textLength`. Coordinates are printed as whole CSS pixels.
public enum SVGWriter {
    /// The figure as an SVG document of its own (`notesim simulate --format svg`).
    public static func svg(_ model: TimelineModel, idPrefix: String) -> String {
        let out = MarkupWriter()
        write(model, idPrefix: idPrefix, standalone: true, into: out)
        return out.string
    }

    /// Appends the figure's SVG to `out`: its title and description, the lanes, the time axis
    /// and the marks, in that order (later parts are drawn over earlier ones). Inside a page
    /// (`standalone` false) the page's stylesheet gives the text its size and colour.
    public static func write(_ model: TimelineModel, idPrefix: String, standalone: Bool = false, into out: MarkupWriter) {
        writeHeader(model, idPrefix: idPrefix, standalone: standalone, into: out)
        let plotBottom = model.plotTop + Double(model.lanes.count) * (model.lanes.first?.height ?? 44)
        writeLanes(model, idPrefix: idPrefix, into: out)
        writeAxis(model, plotBottom: plotBottom, into: out)
        writeMarks(model, into: out)
    }

    /// The `<svg>` element's opening, with the accessible title and description.
    private static func writeHeader(_ model: TimelineModel, idPrefix: String, standalone: Bool, into out: MarkupWriter) {
        writeOpening(
            width: model.width, height: model.height, fontSize: model.fontSize, title: model.title, description: model.description,
            idPrefix: idPrefix, standalone: standalone, into: out)
    }

    /// The `<svg>` element's opening for any view: size, role, accessible title and description;
    /// a `standalone` document also names its namespace and sets its text's size and colour,
    /// which inside a page come from the page (HTML needs no namespace, the stylesheet has
    /// `svg.tl { fill: currentColor }` and the text size).
    static func writeOpening(
        width: Double, height: Double, fontSize: Double, title: String, description: String, idPrefix: String, standalone: Bool,
        into out: MarkupWriter
    ) {
        out.raw(standalone ? "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl\" viewBox=\"0 0 " : "<svg class=\"tl\" viewBox=\"0 0 ")
        out.number(width); out.raw(" "); out.number(height)
        out.raw("\" width=\""); out.number(width); out.raw("\" height=\""); out.number(height)
        out.raw("\" role=\"img\" aria-labelledby=\""); out.text(idPrefix); out.raw("-title "); out.text(idPrefix); out.raw("-desc\"")
        // Text inherits its colour from here (one attribute, not one per label); shapes take
        // theirs from the stylesheet's classes, which win over an inherited attribute.
        if standalone { out.raw(" font-size=\""); out.number(fontSize); out.raw("\" fill=\"currentColor\"") }
        out.raw(">\n")
        out.raw("<title id=\""); out.text(idPrefix); out.raw("-title\">"); out.text(title); out.raw("</title>\n")
        out.raw("<desc id=\""); out.text(idPrefix); out.raw("-desc\">"); out.text(description); out.raw("</desc>\n")
    }

    /// Each lane's rule and name, in a group with an id so that the page's fixed lane-name
    /// column (`writeLaneColumn`) can show the names again with `<use>`.
    private static func writeLanes(_ model: TimelineModel, idPrefix: String, into out: MarkupWriter) {
        out.raw("<g class=\"tl-lanes\" id=\""); out.text(idPrefix); out.raw("-lanes\">\n")
        writeRules(model.lanes.map { $0.y + $0.height }, from: model.gutter, to: model.width, into: out)
        out.raw("<g class=\"tl-lane-name\">")
        for lane in model.lanes {
            out.raw("<text x=\"6\" y=\""); out.number(lane.y + 26); out.raw("\">"); out.text(lane.name); out.raw("</text>\n")
        }
        out.raw("</g></g>\n")
    }

    /// The lanes' rules (one at the bottom of each lane) as one path: a `<line>` with its
    /// class per lane repeated 40 bytes that said nothing new.
    static func writeRules(_ ys: [Double], from left: Double, to right: Double, into out: MarkupWriter) {
        out.raw("<path class=\"tl-lane-rule\" d=\"")
        for y in ys {
            out.raw("M"); out.number(left); out.raw(" "); out.number(y); out.raw("H"); out.number(right)
        }
        out.raw("\"/>\n")
    }

    /// The axis ticks as one path and their labels in one group that carries their class and
    /// anchor: a `<line>` and a `<text>` per tick, each with its class, took three times the bytes.
    static func writeTicks(_ ticks: [TimelineModel.Tick], axisY: Double, into out: MarkupWriter) {
        guard !ticks.isEmpty else { return }
        out.raw("<path class=\"tl-tick\" d=\"")
        for tick in ticks {
            out.raw("M"); out.number(tick.x); out.raw(" "); out.number(axisY); out.raw("v4")
        }
        out.raw("\"/>\n<g class=\"tl-tick-label\" text-anchor=\"middle\">")
        for tick in ticks {
            out.raw("<text x=\""); out.number(tick.x); out.raw("\" y=\""); out.number(axisY + 16); out.raw("\">"); out.text(tick.label); out.raw("</text>")
        }
        out.raw("</g>\n")
    }

    /// The axis line, its ticks and labels, and the marks of hidden idle gaps.
    private static func writeAxis(_ model: TimelineModel, plotBottom: Double, into out: MarkupWriter) {
        out.raw("<g class=\"tl-axis\">\n")
        out.raw("<line class=\"tl-axis-line\" x1=\""); out.number(model.gutter); out.raw("\" y1=\""); out.number(plotBottom)
        out.raw("\" x2=\""); out.number(model.width - 4); out.raw("\" y2=\""); out.number(plotBottom); out.raw("\"/>\n")
        writeTicks(model.ticks, axisY: plotBottom, into: out)
        for item in model.breaks {
            let top = model.plotTop - 4
            out.raw("<g class=\"tl-break\"><rect class=\"tl-break-band\" x=\""); out.number(item.x - 6); out.raw("\" y=\""); out.number(top)
            out.raw("\" width=\"12\" height=\""); out.number(plotBottom - top + 6); out.raw("\"/>")
            // The slashes end 3 px under the axis, clear of the tick labels below it.
            // Two slashes 6 px wide, 2 px apart, reaching `breakMarkReach` either side of the break.
            let reach = TimelineLayout.breakMarkReach
            out.raw("<path class=\"tl-break-mark\" d=\"M"); out.number(item.x - reach); out.raw(" "); out.number(plotBottom + 3)
            out.raw(" l6 -12 M"); out.number(item.x + reach - 6); out.raw(" "); out.number(plotBottom + 3); out.raw(" l6 -12\"/>")
            if let label = item.label {
                out.raw("<text class=\"tl-break-label\" x=\""); out.number(item.x); out.raw("\" y=\""); out.number(item.labelY)
                out.raw("\" text-anchor=\"middle\">"); out.text(label); out.raw("</text>")
            }
            out.raw("</g>\n")
        }
        out.raw("</g>\n")
    }

    /// Every mark with its tooltip and label, then the end of the figure.
    private static func writeMarks(_ model: TimelineModel, into out: MarkupWriter) {
        out.raw("<g class=\"tl-marks\">\n")
        let lanes = model.lanes.count
        let marks = model.marks.indices.contains { model.marks[$0].lane >= lanes } ? model.marks.filter { $0.lane < lanes } : model.marks
        writeGroupedByKind(marks, into: out) { mark in
            let lane = model.lanes[mark.lane]
            let top = lane.y + TimelineLayout.barTop
            let middle = top + TimelineLayout.barHeight / 2
            writeShape(of: mark, top: top, middle: middle, into: out)
            if let initX1 = mark.initX1, initX1 > mark.x0 {
                // X6: the Init of a cold start, inside the attempt's mark, under its label.
                out.raw("<rect class=\"tl-init-part\" x=\""); out.number(mark.x0); out.raw("\" y=\""); out.number(top)
                out.raw("\" width=\""); out.number(span(mark.x0, initX1)); out.raw("\" height=\""); out.number(TimelineLayout.barHeight); out.raw("\"/>")
            }
            if let label = mark.label {
                // A label written on its bar (a run wide enough) is black: the page's light
                // text of the dark theme read at about 3:1 on the bars' colours.
                let onBar = mark.kind.isAttempt && mark.labelY > top && mark.labelY <= top + TimelineLayout.barHeight
                out.raw(onBar ? "<text class=\"tl-on-bar\" x=\"" : "<text x=\""); out.number(mark.labelX)
                out.raw("\" y=\""); out.number(mark.labelY); out.raw("\">")
                out.text(label); out.raw("</text>")
            }
        }
        out.raw("</g>\n</svg>\n")
    }

    /// Writes `marks` in one group per kind, kinds in the order they first occur: the group
    /// carries the kind's class (the stylesheet's colours) and each mark is a bare `<g>` with
    /// its tooltip, the shapes and label `writeMark` writes.
    ///
    /// Why: the class on each mark was about 15 bytes of every one of thousands of marks.
    ///
    /// The marks are read in place by index: a `for mark in marks where …` loop copied every
    /// mark (its label and title retained and released) once per kind.
    static func writeGroupedByKind(_ marks: [TimelineModel.Mark], into out: MarkupWriter, mark writeMark: (TimelineModel.Mark) -> Void) {
        var kinds: [TimelineModel.Kind] = []
        for index in marks.indices where !kinds.contains(marks[index].kind) { kinds.append(marks[index].kind) }
        for kind in kinds {
            out.raw("<g class=\"tl-"); out.raw(string: kind.rawValue); out.raw("\">\n")
            for index in marks.indices where marks[index].kind == kind {
                out.raw("<g><title>"); out.text(marks[index].title); out.raw("</title>")
                writeMark(marks[index])
                out.raw("</g>\n")
            }
            out.raw("</g>\n")
        }
    }

    /// The shape of one mark, by its kind.
    static func writeShape(of mark: TimelineModel.Mark, top: Double, middle: Double, into out: MarkupWriter) {
        switch mark.kind {
        case .attemptOK, .attemptError, .attemptTimeout, .batch, .blocked, .coldStart:
            out.raw("<rect x=\""); out.number(mark.x0); out.raw("\" y=\""); out.number(top); out.raw("\" width=\""); out.number(span(mark.x0, mark.x1))
            // Rounded by the stylesheet (`rx`), not by an attribute on each of them.
            out.raw("\" height=\""); out.number(TimelineLayout.barHeight); out.raw("\"/>")
        case .wait:
            out.raw("<path d=\"M"); out.number(mark.x0); out.raw(" "); out.number(middle - 4); out.raw(" v8 M"); out.number(mark.x0); out.raw(" ")
            out.number(middle); out.raw(" H"); out.number(mark.x1); out.raw(" M"); out.number(mark.x1); out.raw(" "); out.number(middle - 4);
            out.raw(" v8\"/>")
        case .throttle:
            // 1 px beyond the bar band: the descenders of a label on the row above end 2 px higher.
            out.raw("<rect x=\""); out.number(mark.x0 - 1.5); out.raw("\" y=\""); out.number(top - 1)
            out.raw("\" width=\"3\" height=\""); out.number(TimelineLayout.barHeight + 2); out.raw("\"/>")
        case .arrival where !mark.dots.isEmpty:
            writeDots(mark.dots, y: middle, into: out)
        case .arrival:
            out.raw("<circle cx=\""); out.number(mark.x0); out.raw("\" cy=\""); out.number(middle); out.raw("\" r=\"3\"/>")
        case .response:
            out.raw("<path d=\"M"); out.number(mark.x0); out.raw(" "); out.number(top); out.raw(" l-5 "); out.number(TimelineLayout.barHeight / 2)
            out.raw(" l5 "); out.number(TimelineLayout.barHeight / 2); out.raw("\"/>")
        case .delivery, .deliveryFailed:
            out.raw("<path d=\"M"); out.number(mark.x0); out.raw(" "); out.number(top - 1); out.raw(" l7 7 l-7 7 l-7 -7 z\"/>")
        case .recursionStop:
            out.raw("<path d=\"M"); out.number(mark.x0 - 4); out.raw(" "); out.number(middle); out.raw(" a4 4 0 1 0 8 0 a4 4 0 1 0 -8 0 M")
            out.number(mark.x0 - 3); out.raw(" "); out.number(middle + 3); out.raw(" l6 -6\"/>")
        case .discard:
            out.raw("<path d=\"M"); out.number(mark.x0 - 4); out.raw(" "); out.number(middle - 4); out.raw(" l8 8 M"); out.number(mark.x0 + 4)
            out.raw(" "); out.number(middle - 4); out.raw(" l-8 8\"/>")
        }
    }

    /// A run of arrivals as one path of dots: each a zero-length line with round caps (the
    /// stylesheet's stroke makes it a circle of the single dot's size), moved to relatively,
    /// about 8 bytes a dot where a `<circle>` took 35.
    private static func writeDots(_ dots: [Double], y: Double, into out: MarkupWriter) {
        // Steps between positions rounded as `number` rounds them, so the dots land where
        // absolute coordinates would put them.
        out.raw("<path d=\"M"); out.number(dots[0]); out.raw(" "); out.number(y); out.raw("h0")
        for index in dots.indices.dropFirst() {
            out.raw("m"); out.number(dots[index].rounded() - dots[index - 1].rounded()); out.raw(" 0h0")
        }
        out.raw("\"/>")
    }

    /// The width between two positions as their rounded ends give it, so that a bar ends
    /// where the positions printed around it put its end.
    static func span(_ x0: Double, _ x1: Double) -> Double {
        x1.rounded() - x0.rounded()
    }

    /// A number as the figure prints it (`MarkupWriter.number`).
    static func n(_ value: Double) -> String {
        let out = MarkupWriter(capacity: 16)
        out.number(value)
        return out.string
    }

    /// Escapes text for XML content and attributes.
    public static func escape(_ text: String) -> String {
        HTMLEscaping.attribute(text)
    }
}
