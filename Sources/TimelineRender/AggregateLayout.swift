import LambdaSimulator
import NotesCore

/// Stage 2 of a figure for a large trace: `TraceAggregates` and exemplars -> `AggregateModel`.
public enum AggregateLayout {
    static let rowHeight = 34.0
    static let exemplarLaneHeight = 30.0
    /// The most bars across: a bar is then at least 9 px wide on a 720 px figure, and an
    /// area's outline costs about 1.5 KB.
    static let maximumBars = 64
    /// The most marks drawn per exemplar: its first attempts, waits and where it ended.
    static let marksPerExemplar = 16
    /// Above the first row: no break labels to make room for, as the axis is linear.
    static let plotTop = 8.0

    /// Lays out the counts and exemplars of a trace.
    public static func layout(_ trace: Trace, options: TimelineOptions) -> AggregateModel {
        let labels = TimelineLabels.forLanguage(options.language)
        let words = AggregateLabels.forLanguage(options.language)
        let counts = BucketCounts(trace.aggregates, maximumBars: maximumBars)
        let exemplars = trace.exemplars.map { ($0, words.exemplarName($0, labels: labels)) }
        let rowSpecs = AggregateRows.present(in: counts, labels: labels, words: words)
        let scales = rowSpecs.map { spec in (spec.name, spec.peak(counts)) } + [(words.concurrency, counts.aggregates.peakConcurrency)]
        let gutter = self.gutter(rows: scales, lanes: exemplars.map(\.1))
        let span = Int64(counts.bars) * counts.width
        let axis = TimeAxis(intervals: [(0, span)], linear: true, left: gutter + 8, right: options.width - 16)
        var y = plotTop
        var rows: [AggregateModel.Row] = []
        for spec in rowSpecs {
            rows.append(spec.row(counts: counts, axis: axis, y: y, height: rowHeight, perBar: words.perBar(labels.duration(counts.width))))
            y += rowHeight
        }
        let concurrency = AggregateRows.concurrencyRow(counts, name: words.concurrency, axis: axis, y: y, height: rowHeight)
        y += rowHeight
        var lanes: [TimelineModel.Lane] = []
        var marks: [TimelineModel.Mark] = []
        for (index, (exemplar, name)) in exemplars.enumerated() {
            lanes.append(TimelineModel.Lane(name: name, y: y, height: exemplarLaneHeight))
            marks += exemplarMarks(exemplar, lane: index, laneY: y, axis: axis, labels: labels, endTime: trace.stats.endTime)
            y += exemplarLaneHeight
        }
        let ticks = TimelineLayout.visibleTicks(axis, labels: labels, gutter: gutter, width: options.width)
        let kinds = rows.flatMap { $0.areas.map(\.kind) } + marks.map(\.kind)
        let description = words.description(
            trace: trace, bucket: labels.duration(counts.width), bars: counts.bars,
            exemplars: exemplars.map(\.1), labels: labels)
        return AggregateModel(
            title: options.title, description: description, width: options.width, height: y + TimelineLayout.bottomMargin, gutter: gutter,
            plotTop: plotTop, bucketWidth: counts.width, buckets: counts.bars, rows: rows, concurrency: concurrency,
            exemplarLanes: lanes, exemplarMarks: marks, ticks: ticks, axisY: y, legend: TimelineModel.Kind.allCases.filter(kinds.contains),
            fontSize: TimelineLayout.fontSize)
    }

    /// The scale of a row as written after its name: its tallest bar's count.
    static func scaleText(_ peak: Int) -> String { "≤ \(peak)" }

    /// Room for every row's name and scale, and every exemplar lane's name.
    private static func gutter(rows: [(name: String, peak: Int)], lanes: [String]) -> Double {
        let font = TimelineLayout.fontSize
        let widest = max(
            rows.map { TextWidth.estimate($0.name, fontSize: font) + 12 + TextWidth.estimate(scaleText($0.peak), fontSize: font - 1) }.max() ?? 40,
            lanes.map { TextWidth.estimate($0, fontSize: font) }.max() ?? 40)
        return min(260, max(96, widest + 16))
    }

    /// An exemplar's first attempts, waits, deliveries and discards, without labels (its
    /// lane's name says which input it is; each mark's title tells its story).
    private static func exemplarMarks(
        _ exemplar: Exemplar, lane: Int, laneY: Double, axis: TimeAxis, labels: TimelineLabels, endTime: Int64
    ) -> [TimelineModel.Mark] {
        let facts = TraceFacts(entries: exemplar.entries, endTime: endTime)
        var marks: [TimelineModel.Mark] = []
        func add(_ kind: TimelineModel.Kind, _ start: Int64, _ end: Int64, _ title: MarkText) {
            guard marks.count < marksPerExemplar else { return }
            let x0 = axis.x(start)
            let x1 = start == end ? x0 : max(axis.x(end), x0 + 2)
            marks.append(
                TimelineModel.Mark(kind: kind, lane: lane, x0: x0, x1: x1, label: nil, labelX: x0, labelY: laneY, title: title.string, start: start, end: end))
        }
        for attempt in facts.attempts {
            let (kind, word): (TimelineModel.Kind, String) =
                switch attempt.result {
                case .ok: (.attemptOK, labels.ok)
                case .error: (.attemptError, labels.error)
                case .timeout: (.attemptTimeout, labels.timeout)
                }
            add(kind, attempt.start, attempt.end, "#\(exemplar.item) \(labels.attempt) \(attempt.attempt): \(word), \(duration: attempt.start, labels)")
        }
        for throttle in facts.throttles { add(.throttle, throttle.time, throttle.time, "429 \(throttle.reason), \(duration: throttle.time, labels)") }
        for delivery in facts.deliveries {
            add(
                delivery.delivered ? .delivery : .deliveryFailed, delivery.time, delivery.time,
                "\(delivery.route.rawValue)\(delivery.condition.map { " " + $0 } ?? ""), \(duration: delivery.time, labels)")
        }
        for discard in facts.discards {
            add(.discard, discard.time, discard.time, "\(labels.discarded): \(discard.reason.rawValue), \(duration: discard.time, labels)")
        }
        return marks.sorted { ($0.start, $0.x0) < ($1.start, $1.x0) }
    }
}

/// The aggregates' buckets regrouped to at most `maximumBars` bars of equal width.
struct BucketCounts {
    let aggregates: TraceAggregates
    /// Buckets of the aggregates per bar.
    let group: Int
    let bars: Int
    /// The width of one bar, in ms.
    let width: Int64

    init(_ aggregates: TraceAggregates, maximumBars: Int) {
        self.aggregates = aggregates
        let used = max(1, aggregates.usedBuckets)
        group = (used + maximumBars - 1) / maximumBars
        bars = (used + group - 1) / group
        width = aggregates.bucketWidth * Int64(group)
    }

    /// The count of `series` in bar `bar`.
    func count(_ series: TraceAggregates.Series, bar: Int) -> Int {
        (bar * group..<min((bar + 1) * group, aggregates.usedBuckets)).reduce(0) { $0 + aggregates.count(series, bucket: $1) }
    }

    /// The most handlers running at once in bar `bar` (0 for a bar of no bucket). Folded
    /// over the buckets: an array of them per bar cost more than the row it draws.
    func concurrency(bar: Int) -> Int {
        let buckets = bar * group..<min((bar + 1) * group, aggregates.usedBuckets)
        guard !buckets.isEmpty else { return 0 }
        return buckets.reduce(Int.min) { max($0, aggregates.concurrency(bucket: $1)) }
    }
}
