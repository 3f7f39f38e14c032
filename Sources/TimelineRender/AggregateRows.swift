import LambdaSimulator

/// The rows of the aggregate view: which series each stacks, and how a row becomes areas.
struct AggregateRows {
    var name: String
    /// Bottom to top.
    var series: [(series: TraceAggregates.Series, kind: TimelineModel.Kind, word: String)]

    /// The rows with something in them, in the order a reader follows an input: it arrives,
    /// runs, is refused or waits, is delivered or dropped. Arrivals and attempts always show.
    static func present(in counts: BucketCounts, labels: TimelineLabels, words: AggregateLabels) -> [AggregateRows] {
        let all: [AggregateRows] = [
            AggregateRows(name: words.arrivals, series: [(.arrivals, .arrival, labels.arrival)]),
            AggregateRows(
                name: words.attempts,
                series: [
                    (.attemptsOK, .attemptOK, labels.ok), (.attemptsError, .attemptError, labels.error), (.attemptsTimeout, .attemptTimeout, labels.timeout),
                ]
            ),
            AggregateRows(name: words.throttles, series: [(.throttles, .throttle, labels.throttledWord)]),
            AggregateRows(name: words.retries, series: [(.retries, .wait, words.retries)]),
            AggregateRows(name: labels.onSuccess, series: [(.deliveredOnSuccess, .delivery, labels.delivered)]),
            AggregateRows(name: labels.onFailure, series: [(.deliveredOnFailure, .delivery, labels.delivered)]),
            AggregateRows(name: labels.dlq, series: [(.deliveredDLQ, .delivery, labels.delivered)]),
            AggregateRows(name: labels.redrive, series: [(.deliveredRedrive, .delivery, labels.delivered)]),
            AggregateRows(name: labels.deliveryFailed, series: [(.deliveryFailed, .deliveryFailed, labels.deliveryFailed)]),
            AggregateRows(name: labels.discarded, series: [(.discards, .discard, labels.discarded)]),
        ]
        return all.enumerated().filter { index, row in
            index < 2 || row.series.contains { counts.aggregates.total($0.series) > 0 }
        }.map(\.element)
    }

    /// The row's tallest bar: the most counted in one bar, its series added up.
    func peak(_ counts: BucketCounts) -> Int {
        (0..<counts.bars).map { bar in series.reduce(0) { $0 + counts.count($1.series, bar: bar) } }.max() ?? 0
    }

    /// The row's areas, stacked bottom to top, each bar's height in proportion to the row's peak.
    ///
    /// Each bar's count is read once per series, and each level computed once: a series'
    /// top is the next one's bottom.
    func row(counts: BucketCounts, axis: TimeAxis, y: Double, height: Double, perBar: String) -> AggregateModel.Row {
        let bars = counts.bars
        // Each series' count per bar, series after series, and the bars' stacked totals.
        var values = [Int](repeating: 0, count: series.count * bars)
        var stacked = [Int](repeating: 0, count: bars)
        for (index, item) in series.enumerated() {
            for bar in 0..<bars {
                let count = counts.count(item.series, bar: bar)
                values[index * bars + bar] = count
                stacked[bar] += count
            }
        }
        let peak = stacked.max() ?? 0
        let (top, bottom) = (y + 6, y + height - 4)
        func level(_ count: Int) -> Double { peak == 0 ? bottom : bottom - (bottom - top) * Double(count) / Double(peak) }
        var base = [Int](repeating: 0, count: bars)
        var baseLevels = [Double](repeating: level(0), count: bars)
        var upperLevels = baseLevels
        var areas: [AggregateModel.Area] = []
        // Every series' outline goes along the same bar edges, there and back.
        let edges = Self.barEdges(counts, axis: axis)
        for (index, item) in series.enumerated() {
            var total = 0
            var peakOfSeries: Int?
            for bar in 0..<bars {
                let count = values[index * bars + bar]
                total += count
                peakOfSeries = max(peakOfSeries ?? count, count)
                base[bar] += count
                upperLevels[bar] = level(base[bar])
            }
            defer { swap(&baseLevels, &upperLevels) }
            guard total > 0 else { continue }
            var outline = AreaOutline()
            for bar in 0..<bars {
                outline.add(edges[bar], upperLevels[bar])
                outline.add(edges[bar + 1], upperLevels[bar])
            }
            for bar in (0..<bars).reversed() {
                outline.add(edges[bar + 1], baseLevels[bar])
                outline.add(edges[bar], baseLevels[bar])
            }
            areas.append(
                AggregateModel.Area(
                    kind: item.kind, total: total, title: "\(name): \(item.word) \(total) (≤ \(peakOfSeries ?? 0) \(perBar))",
                    points: outline.points))
        }
        return AggregateModel.Row(name: name, y: y, height: height, peak: peak, total: stacked.reduce(0, +), areas: areas)
    }

    /// The "running at once" row: a step line of each bar's peak.
    static func concurrencyRow(_ counts: BucketCounts, name: String, axis: TimeAxis, y: Double, height: Double) -> AggregateModel.Row {
        let peaks = (0..<counts.bars).map(counts.concurrency(bar:))
        let peak = peaks.max() ?? 0
        let (top, bottom) = (y + 6, y + height - 4)
        var outline = AreaOutline()
        let edges = barEdges(counts, axis: axis)
        for (bar, value) in peaks.enumerated() {
            let level = peak == 0 ? bottom : bottom - (bottom - top) * Double(value) / Double(peak)
            outline.add(edges[bar], level)
            outline.add(edges[bar + 1], level)
        }
        let area = AggregateModel.Area(kind: .attemptOK, total: peak, title: "\(name): ≤ \(peak)", points: outline.points)
        return AggregateModel.Row(name: name, y: y, height: height, peak: peak, total: peak, areas: [area])
    }

    /// The x of each bar's left edge, then of the last bar's right edge (`bars + 1` of them).
    static func barEdges(_ counts: BucketCounts, axis: TimeAxis) -> [Double] {
        (0...counts.bars).map { axis.x(Int64($0) * counts.width) }
    }
}
