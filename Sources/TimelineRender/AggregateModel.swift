/// A figure of counts over time, for traces with too many marks to draw one by one: one row
/// per kind of thing counted (arrivals, attempts by result, throttles, retries, deliveries
/// by route, discards), a row for how many handlers ran at once, and below them the paths
/// of a few exemplar inputs drawn as the detailed timeline draws them.
///
/// Like `TimelineModel`, every coordinate is decided here, so tests check the layout
/// without parsing SVG.
public struct AggregateModel: Sendable, Equatable {
    /// A row of counts: its bars share one scale, whose top is `peak` per bucket.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var y: Double
        public var height: Double
        /// The largest count of one bucket (stacked series added up).
        public var peak: Int
        /// Everything counted in the row over the run.
        public var total: Int
        /// One area per series, bottom to top.
        public var areas: [Area]
    }

    /// One series of a row as a filled outline: `points` go left to right along the top,
    /// then back along the base.
    public struct Area: Sendable, Equatable {
        public var kind: TimelineModel.Kind
        public var total: Int
        public var title: String
        public var points: [(x: Double, y: Double)]

        public static func == (lhs: Area, rhs: Area) -> Bool {
            lhs.kind == rhs.kind && lhs.total == rhs.total && lhs.title == rhs.title
                && lhs.points.elementsEqual(rhs.points) { $0.x == $1.x && $0.y == $1.y }
        }
    }

    public var title: String
    public var description: String
    public var width: Double
    public var height: Double
    public var gutter: Double
    public var plotTop: Double
    /// The width of one bar, in ms.
    public var bucketWidth: Int64
    public var buckets: Int
    public var rows: [Row]
    /// The "running at once" row: its name, place and the step line's points.
    public var concurrency: Row
    /// The exemplars' lanes and marks (lane numbers index `exemplarLanes`).
    public var exemplarLanes: [TimelineModel.Lane]
    public var exemplarMarks: [TimelineModel.Mark]
    public var ticks: [TimelineModel.Tick]
    /// The bottom of the plot, where the time axis is drawn.
    public var axisY: Double
    public var legend: [TimelineModel.Kind]
    public var fontSize: Double
}

/// A readable rendering of the aggregate layout, for golden tests of the middle stage.
extension AggregateModel {
    public var dump: String {
        let n = TimelineModel.decimal
        var lines = ["aggregate \(n(width))×\(n(height)) gutter \(n(gutter)): \(title)", "desc: \(description)"]
        lines.append("bars: \(buckets) of \(bucketWidth) ms")
        for row in rows + [concurrency] {
            lines.append("row y=\(n(row.y)) \(row.name): peak \(row.peak), total \(row.total)")
            for area in row.areas {
                lines.append("  \(area.kind.rawValue) \(area.total) | \(area.title) | " + area.points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " "))
            }
        }
        for (index, lane) in exemplarLanes.enumerated() {
            lines.append("exemplar lane \(index) y=\(n(lane.y)): \(lane.name)")
        }
        for mark in exemplarMarks {
            lines.append("\(mark.kind.rawValue) lane \(mark.lane) x=\(n(mark.x0))…\(n(mark.x1)) | \(mark.title)")
        }
        lines.append("ticks: " + ticks.map { "\($0.label)@\(n($0.x))" }.joined(separator: ", "))
        lines.append("legend: " + legend.map(\.rawValue).joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
