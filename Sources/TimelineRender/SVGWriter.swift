import NotesCore

/// Stage 3 of a figure: `TimelineModel` -> SVG text, deterministically.
///
/// Colours come only from CSS classes (the page's stylesheet holds the Okabe–Ito palette
/// as custom properties); text uses `currentColor`; there is no background, no
/// `foreignObject` and no `textLength`. Coordinates are printed with one decimal.
public enum SVGWriter {
    public static func svg(_ model: TimelineModel, idPrefix: String) -> String {
        let titleID = "\(idPrefix)-title"
        let descriptionID = "\(idPrefix)-desc"
        var out = ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl\" viewBox=\"0 0 \(n(model.width)) \(n(model.height))\""
        out += " width=\"\(n(model.width))\" height=\"\(n(model.height))\" role=\"img\" aria-labelledby=\"\(escape(titleID)) \(escape(descriptionID))\""
        out += " font-size=\"\(n(model.fontSize))\">\n"
        out += "<title id=\"\(escape(titleID))\">\(escape(model.title))</title>\n"
        out += "<desc id=\"\(escape(descriptionID))\">\(escape(model.description))</desc>\n"
        let plotBottom = model.plotTop + Double(model.lanes.count) * (model.lanes.first?.height ?? 44)

        out += "<g class=\"tl-lanes\">\n"
        for lane in model.lanes {
            let rule = lane.y + lane.height
            out += "<line class=\"tl-lane-rule\" x1=\"\(n(model.gutter))\" y1=\"\(n(rule))\" x2=\"\(n(model.width))\" y2=\"\(n(rule))\"/>"
            out += "<text class=\"tl-lane-name\" x=\"6\" y=\"\(n(lane.y + 26))\" fill=\"currentColor\">\(escape(lane.name))</text>\n"
        }
        out += "</g>\n"

        out += "<g class=\"tl-axis\">\n"
        out += "<line class=\"tl-axis-line\" x1=\"\(n(model.gutter))\" y1=\"\(n(plotBottom))\" x2=\"\(n(model.width - 4))\" y2=\"\(n(plotBottom))\"/>\n"
        for tick in model.ticks {
            out += "<line class=\"tl-tick\" x1=\"\(n(tick.x))\" y1=\"\(n(plotBottom))\" x2=\"\(n(tick.x))\" y2=\"\(n(plotBottom + 4))\"/>"
            out += "<text class=\"tl-tick-label\" x=\"\(n(tick.x))\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\" fill=\"currentColor\">\(escape(tick.label))</text>\n"
        }
        for item in model.breaks {
            let top = model.plotTop - 4
            out += "<g class=\"tl-break\"><rect class=\"tl-break-band\" x=\"\(n(item.x - 6))\" y=\"\(n(top))\" width=\"12\" height=\"\(n(plotBottom - top + 6))\"/>"
            out += "<path class=\"tl-break-mark\" d=\"M\(n(item.x - 7)) \(n(plotBottom + 6)) l6 -12 M\(n(item.x + 1)) \(n(plotBottom + 6)) l6 -12\"/>"
            if let label = item.label {
                out += "<text class=\"tl-break-label\" x=\"\(n(item.x))\" y=\"\(n(item.labelY))\" text-anchor=\"middle\" fill=\"currentColor\">\(escape(label))</text>"
            }
            out += "</g>\n"
        }
        out += "</g>\n"

        out += "<g class=\"tl-marks\">\n"
        for mark in model.marks {
            guard mark.lane < model.lanes.count else { continue }
            let lane = model.lanes[mark.lane]
            let top = lane.y + TimelineLayout.barTop
            let middle = top + TimelineLayout.barHeight / 2
            out += "<g class=\"tl-mark tl-\(mark.kind.rawValue)\"><title>\(escape(mark.title))</title>"
            switch mark.kind {
            case .attemptOK, .attemptError, .attemptTimeout, .batch, .blocked:
                out += "<rect x=\"\(n(mark.x0))\" y=\"\(n(top))\" width=\"\(n(mark.x1 - mark.x0))\" height=\"\(n(TimelineLayout.barHeight))\" rx=\"2\"/>"
            case .wait:
                out += "<path d=\"M\(n(mark.x0)) \(n(middle - 4)) v8 M\(n(mark.x0)) \(n(middle)) H\(n(mark.x1)) M\(n(mark.x1)) \(n(middle - 4)) v8\"/>"
            case .throttle:
                out += "<rect x=\"\(n(mark.x0 - 1.5))\" y=\"\(n(top - 2))\" width=\"3\" height=\"\(n(TimelineLayout.barHeight + 4))\"/>"
            case .arrival:
                out += "<circle cx=\"\(n(mark.x0))\" cy=\"\(n(middle))\" r=\"3\"/>"
            case .response:
                out += "<path d=\"M\(n(mark.x0)) \(n(top)) l-5 \(n(TimelineLayout.barHeight / 2)) l5 \(n(TimelineLayout.barHeight / 2))\"/>"
            case .delivery, .deliveryFailed:
                out += "<path d=\"M\(n(mark.x0)) \(n(top - 1)) l7 7 l-7 7 l-7 -7 z\"/>"
            case .discard:
                out += "<path d=\"M\(n(mark.x0 - 4)) \(n(middle - 4)) l8 8 M\(n(mark.x0 + 4)) \(n(middle - 4)) l-8 8\"/>"
            }
            if let label = mark.label {
                out += "<text x=\"\(n(mark.labelX))\" y=\"\(n(mark.labelY))\" fill=\"currentColor\">\(escape(label))</text>"
            }
            out += "</g>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// A number with at most one decimal, without a trailing `.0`.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Escapes text for XML content and attributes.
    public static func escape(_ text: String) -> String {
        HTMLEscaping.attribute(text)
    }
}
