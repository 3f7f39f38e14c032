import LambdaSimulator
import NotesCore

/// Which figure a trace gets: the detailed timeline (one mark per attempt) while a reader
/// can tell its marks apart, the aggregate view (counts over time and a few exemplar paths)
/// beyond.
public enum TimelineView: Sendable {
    case detailed(TimelineModel)
    case aggregate(AggregateModel)

    /// The most marks the detailed view draws. Why 100: on a 720 px figure the plot is about
    /// 600 px wide, so 100 marks spread over it are 6 px apart, about where labels stop fitting
    /// and bars stop being told apart; and at about 250 bytes per mark (shape, tooltip, label)
    /// the SVG stays near 25 KB, inside a figure's 40 KB.
    public static let markLimit = 100
    /// The most lanes the detailed view draws (one per execution environment): beyond, the
    /// figure would be taller than a screen.
    public static let laneLimit = 16
    /// The most bytes a detailed SVG may take before the aggregate view is drawn instead:
    /// marks with long tooltips (batches of many records) can weigh more than the average.
    public static let detailedBytesLimit = 28_000

    /// The view for a trace, laid out.
    public static func choose(_ trace: Trace, options: TimelineOptions) -> TimelineView {
        // Every handler run is a mark: past the limit, the facts need not be gathered.
        guard trace.isComplete, trace.stats.attempts <= markLimit else { return .aggregate(AggregateLayout.layout(trace, options: options)) }
        guard let facts = TraceFacts(entries: trace.entries, endTime: trace.stats.endTime, markLimit: markLimit, laneLimit: laneLimit) else {
            return .aggregate(AggregateLayout.layout(trace, options: options))
        }
        return .detailed(TimelineLayout.layout(trace, facts: facts, options: options))
    }

    /// The mark kinds the legend lists.
    public var legend: [TimelineModel.Kind] {
        switch self {
        case .detailed(let model): model.legend
        case .aggregate(let model): model.legend
        }
    }

    /// Appends the SVG; when a detailed figure comes out over `detailedBytesLimit`, the
    /// aggregate view of the same trace is written instead.
    public static func write(_ trace: Trace, options: TimelineOptions, into out: MarkupWriter) -> TimelineView {
        let view = choose(trace, options: options)
        switch view {
        case .detailed(let model):
            let svg = MarkupWriter(capacity: 8192)
            SVGWriter.write(model, idPrefix: options.idPrefix, into: svg)
            if svg.byteCount <= detailedBytesLimit {
                out.raw(bytes: svg.bytes)
                return view
            }
            let aggregate = AggregateLayout.layout(trace, options: options)
            AggregateSVG.write(aggregate, idPrefix: options.idPrefix, into: out)
            return .aggregate(aggregate)
        case .aggregate(let model):
            AggregateSVG.write(model, idPrefix: options.idPrefix, into: out)
            return view
        }
    }
}
