/// A readable rendering of a layout, for golden tests of the middle stage.
extension TimelineModel {
    /// A position with at most one decimal (`12`, `-3.5`): the layout's own precision,
    /// finer than the whole pixels the SVG prints.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10)"
        return tenths % 10 == 0 ? whole : whole + ".\(tenths.magnitude % 10)"
    }

    public var dump: String {
        var lines = ["figure \(Self.decimal(width))×\(Self.decimal(height)) gutter \(Self.decimal(gutter)): \(title)"]
        lines.append("desc: \(description)")
        for (index, lane) in lanes.enumerated() {
            lines.append("lane \(index) y=\(Self.decimal(lane.y)): \(lane.name)")
        }
        for segment in segments {
            lines.append("segment \(segment.start)…\(segment.end) ms -> x \(Self.decimal(segment.x0))…\(Self.decimal(segment.x1))")
        }
        for item in breaks {
            lines.append("break x=\(Self.decimal(item.x)) hides \(item.hidden) ms (\(item.label ?? "no label"))")
        }
        lines.append("ticks: " + ticks.map { "\($0.label)@\(Self.decimal($0.x))" }.joined(separator: ", "))
        for mark in marks {
            var span = mark.x0 == mark.x1 ? "x=\(Self.decimal(mark.x0))" : "x=\(Self.decimal(mark.x0))…\(Self.decimal(mark.x1))"
            if !mark.dots.isEmpty { span += " dots " + mark.dots.map(Self.decimal).joined(separator: ",") }
            let label = mark.label.map { " \"\($0)\" at \(Self.decimal(mark.labelX)),\(Self.decimal(mark.labelY))" } ?? " (no label)"
            lines.append("\(mark.kind.rawValue) lane \(mark.lane) \(span)\(label) | \(mark.title)")
        }
        lines.append("legend: " + legend.map(\.rawValue).joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every text's bounding box (estimated), for overlap and view-box checks.
    public var textBoxes: [(text: String, x0: Double, x1: Double, y0: Double, y1: Double)] {
        var boxes: [(String, Double, Double, Double, Double)] = []
        for lane in lanes {
            let width = TextWidth.estimate(lane.name, fontSize: fontSize)
            boxes.append((lane.name, 6, 6 + width, lane.y + 26 - fontSize, lane.y + 26))
        }
        for mark in marks {
            guard let label = mark.label else { continue }
            let width = TextWidth.estimate(label, fontSize: fontSize)
            boxes.append((label, mark.labelX, mark.labelX + width, mark.labelY - fontSize, mark.labelY))
        }
        let axisY = plotTop + Double(lanes.count) * (lanes.first?.height ?? 44) + 16
        for tick in ticks {
            // Drawn at the figure's font size (the page's CSS sets every figure text to 11 px).
            let width = TextWidth.estimate(tick.label, fontSize: fontSize)
            boxes.append((tick.label, tick.x - width / 2, tick.x + width / 2, axisY - fontSize, axisY))
        }
        for item in breaks {
            guard let label = item.label else { continue }
            let width = TextWidth.estimate(label, fontSize: fontSize)
            boxes.append((label, item.x - width / 2, item.x + width / 2, item.labelY - fontSize, item.labelY))
        }
        return boxes
    }
}
