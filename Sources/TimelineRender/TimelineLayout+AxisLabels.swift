extension TimelineLayout {
    /// The axis ticks whose labels fit: evenly spaced, each label at least 6 px clear of its
    /// neighbours and inside the plot. Split out of `layout` as the one rule for tick labels.
    ///
    /// The spacing starts at 64 px and widens to the widest label plus the gap when labels
    /// would touch ("+100ミリ秒+150ミリ秒" ran together at 64 px), so the ticks thin out
    /// evenly instead of losing every other one.
    static func visibleTicks(_ axis: TimeAxis, labels: TimelineLabels, gutter: Double, width: Double) -> [TimelineModel.Tick] {
        var ticks = fittingTicks(axis.tickTimes(spacing: 64), labels: labels, gutter: gutter, width: width)
        if let widest = ticks.dropped.max(), widest + 6 > 64 {
            ticks = fittingTicks(axis.tickTimes(spacing: widest + 6), labels: labels, gutter: gutter, width: width)
        }
        return timingBareSegments(ticks.kept, axis: axis, labels: labels, gutter: gutter, width: width)
    }

    /// The ticks plus, for each segment left without one, the first tick at a finer step
    /// whose (absolute) label fits: every stretch of the axis then says when it is (the
    /// last, narrow segment of a figure lost its only tick at the right edge: "#2" at an
    /// unnamed time).
    private static func timingBareSegments(
        _ kept: [TimelineModel.Tick], axis: TimeAxis, labels: TimelineLabels, gutter: Double, width: Double
    ) -> [TimelineModel.Tick] {
        var ticks = kept
        var added = false
        func span(_ x: Double, _ text: String) -> ClosedRange<Double> {
            let half = TextWidth.estimate(text, fontSize: fontSize) / 2
            return (x - half)...(x + half)
        }
        for (index, segment) in axis.segments.enumerated() where !ticks.contains(where: { (segment.x0...segment.x1).contains($0.x) }) {
            let fitting = [32.0, 16, 8].lazy.flatMap { axis.tickTimes(spacing: $0).lazy.filter { $0.segment == index } }.first { candidate in
                let room = span(candidate.x, labels.duration(candidate.time))
                let clear = (room.lowerBound - 6)...(room.upperBound + 6)
                return room.lowerBound >= gutter && room.upperBound <= width - 2 && !ticks.contains { span($0.x, $0.label).overlaps(clear) }
            }
            if let fitting {
                ticks.append(TimelineModel.Tick(x: fitting.x, label: labels.duration(fitting.time)))
                added = true
            }
        }
        // The kept ticks are in x order already (each at least 6 px right of the one before).
        return added ? ticks.sorted { $0.x < $1.x } : ticks
    }

    /// The ticks whose labels fit left to right (each 6 px clear of the one before and inside
    /// the plot), and the widths of the labels that did not. The first tick kept in a segment
    /// shows absolute time, the others the time since it (`+20 ms`), so a relative label
    /// never refers to a tick that was left out.
    private static func fittingTicks(
        _ candidates: [(x: Double, time: Int64, segment: Int)], labels: TimelineLabels, gutter: Double, width: Double
    ) -> (kept: [TimelineModel.Tick], dropped: [Double]) {
        var kept: [TimelineModel.Tick] = []
        var dropped: [Double] = []
        kept.reserveCapacity(candidates.count)
        dropped.reserveCapacity(candidates.count)
        var lastRight = -Double.infinity
        var first: (time: Int64, segment: Int)?
        for tick in candidates {
            let base = first.flatMap { $0.segment == tick.segment ? $0.time : nil }
            let text = base.map { "+" + labels.duration(tick.time - $0) } ?? labels.duration(tick.time)
            let half = TextWidth.estimate(text, fontSize: fontSize) / 2
            if tick.x - half > lastRight + 6, tick.x + half <= width - 2, tick.x - half >= gutter {
                kept.append(TimelineModel.Tick(x: tick.x, label: text))
                lastRight = tick.x + half
                if base == nil { first = (tick.time, tick.segment) }
            } else {
                dropped.append(2 * half)
            }
        }
        return (kept, dropped)
    }

    /// The axis breaks with their "+hidden time" labels, each put on the first of two rows
    /// above the plot where it fits (no label where neither has room). Split out of
    /// `layout` as the one rule for break labels.
    ///
    /// A break inside a retry wait whose label shows its whole duration gets no label: the
    /// wait already says how long nothing happened ("+29.9秒" above "再試行まで 30秒" told
    /// the same thing twice). The description still lists every hidden gap.
    static func breakLabels(_ axis: TimeAxis, labels: TimelineLabels, width: Double, marks: [TimelineModel.Mark]) -> [TimelineModel.Break] {
        let labelledWaits = marks.filter { $0.kind == .wait && $0.label?.hasSuffix("…") == false }
        var breaks: [TimelineModel.Break] = []
        var rowRight = [-Double.infinity, -Double.infinity]
        let rowY = [plotTop - 10, plotTop - 22]
        for item in axis.breaks {
            let text = "+" + labels.duration(item.hidden)
            let half = TextWidth.estimate(text, fontSize: fontSize) / 2
            let saidByWait = labelledWaits.contains { $0.x0 < item.x && item.x < $0.x1 }
            let row = saidByWait ? nil : (0..<2).first { item.x - half > rowRight[$0] + 4 && item.x + half <= width && item.x - half >= 0 }
            if let row { rowRight[row] = item.x + half }
            breaks.append(TimelineModel.Break(x: item.x, hidden: item.hidden, label: row.map { _ in text }, labelY: rowY[row ?? 0]))
        }
        return breaks
    }
}
