extension TimelineLayout {
    /// The axis ticks whose labels fit: left to right, each at least 6 px clear of the one
    /// before and inside the plot. Split out of `layout` as the one rule for tick labels.
    static func visibleTicks(_ axis: TimeAxis, labels: TimelineLabels, gutter: Double, width: Double) -> [TimelineModel.Tick] {
        let tickTexts = axis.ticks(spacing: 64) { labels.duration($0) }
        var ticks: [TimelineModel.Tick] = []
        var lastRight = -Double.infinity
        for tick in tickTexts {
            let half = TextWidth.estimate(tick.label, fontSize: fontSize - 1) / 2
            if tick.x - half > lastRight + 6, tick.x + half <= width - 2, tick.x - half >= gutter {
                ticks.append(tick)
                lastRight = tick.x + half
            }
        }
        return ticks
    }

    /// The axis breaks with their "+hidden time" labels, each put on the first of two rows
    /// above the plot where it fits (no label where neither has room). Split out of
    /// `layout` as the one rule for break labels.
    static func breakLabels(_ axis: TimeAxis, labels: TimelineLabels, width: Double) -> [TimelineModel.Break] {
        var breaks: [TimelineModel.Break] = []
        var rowRight = [-Double.infinity, -Double.infinity]
        let rowY = [plotTop - 10, plotTop - 22]
        for item in axis.breaks {
            let text = "+" + labels.duration(item.hidden)
            let half = TextWidth.estimate(text, fontSize: fontSize) / 2
            let row = (0..<2).first { item.x - half > rowRight[$0] + 4 && item.x + half <= width && item.x - half >= 0 }
            if let row { rowRight[row] = item.x + half }
            breaks.append(TimelineModel.Break(x: item.x, hidden: item.hidden, label: row.map { _ in text }, labelY: rowY[row ?? 0]))
        }
        return breaks
    }
}
