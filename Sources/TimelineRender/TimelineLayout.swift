import LambdaSimulator
import NotesCore

/// Stage 2 of a figure: trace -> `TimelineModel` (lanes, marks, axis, legend).
public enum TimelineLayout {
    static let laneHeight = 44.0
    /// The bar band of a lane: from `y + barTop`, `barHeight` high.
    static let barTop = 16.0
    static let barHeight = 12.0
    static let fontSize = 11.0
    static let plotTop = 34.0
    static let bottomMargin = 30.0
    /// Arrivals closer than this (px) to the one before are drawn as one run: a label such
    /// as `#12` is about 24 px wide, so closer dots could not each be labelled on a row.
    static let arrivalRunSpacing = 24.0
    /// How far an axis break's two slashes reach either side of it (`SVGWriter.writeAxis`
    /// draws them; the label placer keeps the last lane's lowest row clear there).
    static let breakMarkReach = 7.0

    /// Lays out a trace.
    public static func layout(_ trace: Trace, options: TimelineOptions) -> TimelineModel {
        layout(trace, facts: TraceFacts(trace), options: options)
    }

    /// Lays out a trace whose facts the caller already gathered (`TimelineView.choose`
    /// counts marks with them first).
    static func layout(_ trace: Trace, facts: TraceFacts, options: TimelineOptions) -> TimelineModel {
        let labels = TimelineLabels.forLanguage(options.language)
        let lanes = LaneSet(mode: trace.mode, facts: facts, labels: labels)

        let nameWidth = lanes.names.map { TextWidth.estimate($0, fontSize: fontSize) }.max() ?? 40
        let gutter = min(200, max(96, nameWidth + 16))
        var intervals: [(Int64, Int64)] = facts.attempts.map { ($0.start, $0.end) }
        intervals += facts.instants.map { ($0, $0) }
        let axis = TimeAxis(intervals: intervals, linear: options.linearAxis, left: gutter + 8, right: options.width - 16)

        var laneModels: [TimelineModel.Lane] = []
        for (index, name) in lanes.names.enumerated() {
            laneModels.append(TimelineModel.Lane(name: name, y: plotTop + Double(index) * laneHeight, height: laneHeight))
        }
        var placer = LabelPlacer(lanes: laneModels, left: gutter, right: options.width - 4, fontSize: fontSize)
        // The slashes of each break in the axis reach up into the last lane's row below its
        // bars (`SVGWriter.writeAxis`): no label there.
        for item in axis.breaks {
            placer.reserve((item.x - breakMarkReach)...(item.x + breakMarkReach), lane: laneModels.count - 1, row: 2)
        }
        var placement = MarkPlacement(axis: axis, placer: placer)
        // Bars and waits first (they claim label room), instants after.
        placement.addSpans(facts, lanes: lanes, labels: labels)
        placement.addInstants(facts, lanes: lanes, labels: labels)
        let marks = placement.marks

        let ticks = visibleTicks(axis, labels: labels, gutter: gutter, width: options.width)
        let breaks = breakLabels(axis, labels: labels, width: options.width, marks: marks)
        let height = plotTop + Double(laneModels.count) * laneHeight + bottomMargin
        // The kind of every mark, searched for each of the dozen kinds of the legend (a few
        // enum comparisons per mark instead of hashing every mark's kind into a set).
        let kinds = marks.map(\.kind) + (marks.contains { $0.initX1 != nil } ? [.coldStart] : [])
        let description = figureDescription(facts: facts, breaks: breaks, labels: labels)
        return TimelineModel(
            title: options.title, description: description, width: options.width, height: height, gutter: gutter,
            plotTop: plotTop, lanes: laneModels, marks: marks, segments: axis.segments, breaks: breaks, ticks: ticks,
            legend: TimelineModel.Kind.allCases.filter(kinds.contains), fontSize: fontSize
        )
    }

    /// The figure's text description (for screen readers): what the trace did and how the
    /// axis is drawn; not the title, which a screen reader reads just before it
    /// (`aria-labelledby`). Split out of `layout`, which it ends.
    private static func figureDescription(facts: TraceFacts, breaks: [TimelineModel.Break], labels: TimelineLabels) -> String {
        let summary = facts.summary(labels: labels)
        guard !breaks.isEmpty else { return MarkText("\(summary) \(labels.axisLinear)").string }
        let hidden = breaks.map { MarkText("+\(duration: $0.hidden, labels)").string }.joined(separator: ", ")
        return MarkText("\(summary) \(labels.compressedAxis(gaps: breaks.count, hidden: hidden))").string
    }
}
