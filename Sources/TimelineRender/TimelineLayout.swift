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

    /// Lays out a trace.
    public static func layout(_ trace: Trace, options: TimelineOptions) -> TimelineModel {
        let labels = TimelineLabels.forLanguage(options.language)
        let facts = TraceFacts(trace)
        let lanes = LaneSet(trace: trace, facts: facts, labels: labels)

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
        var marks: [TimelineModel.Mark] = []

        func add(_ kind: TimelineModel.Kind, lane: Int, from start: Int64, to end: Int64, label: String?, title: String) {
            let x0 = axis.x(start)
            var x1 = axis.x(end)
            let isBar = switch kind {
            case .attemptOK, .attemptError, .attemptTimeout, .wait, .batch, .blocked: true
            default: false
            }
            if isBar, x1 - x0 < 4 { x1 = x0 + 4 }
            let labelStart = isBar ? x0 : x0 + 7
            let placed = placer.place(label, lane: lane, x0: labelStart, x1: isBar ? x1 : labelStart, insideBar: kind == .attemptOK || kind == .attemptError || kind == .attemptTimeout)
            marks.append(TimelineModel.Mark(kind: kind, lane: lane, x0: x0, x1: isBar ? x1 : x0, label: placed.text,
                                            labelX: placed.x, labelY: placed.y, title: title, start: start, end: end))
        }

        // Bars and waits first (they claim label room), instants after.
        for wait in facts.waits {
            let lane = lanes.lane(forWaitOf: wait.reason)
            add(.wait, lane: lane, from: wait.start, to: wait.end,
                label: "\(labels.retryIn) \(labels.duration(wait.end - wait.start))",
                title: "\(labels.retryIn) \(labels.duration(wait.end - wait.start)) (\(wait.reason.rawValue)) \(ItemRanges.format(wait.items))")
        }
        for blocked in facts.blocked {
            add(.blocked, lane: lanes.shardLane(blocked.shard), from: blocked.start, to: blocked.end, label: labels.blocked,
                title: "\(labels.shard) \(blocked.shard) \(labels.blocked) \(labels.duration(blocked.end - blocked.start))")
        }
        for attempt in facts.attempts {
            let (kind, word, glyph): (TimelineModel.Kind, String, String) = switch attempt.result {
            case .ok: (.attemptOK, labels.ok, "✓")
            case .error: (.attemptError, labels.error, "✗")
            case .timeout: (.attemptTimeout, labels.timeout, "⌛")
            }
            let items = ItemRanges.format(attempt.items)
            add(kind, lane: lanes.instanceLane(attempt.instance), from: attempt.start, to: attempt.end,
                label: "\(glyph) \(items)",
                title: "\(items) \(labels.attempt) \(attempt.attempt): \(word), \(labels.duration(attempt.end - attempt.start))")
        }
        for batch in facts.batches {
            let trigger: String = switch batch.trigger {
            case .window: labels.window
            case .size: labels.size
            case .payload: labels.payload
            case .retry: labels.retry
            }
            add(.batch, lane: lanes.pollerLane, from: batch.start, to: batch.end, label: "[\(trigger)]",
                title: "\(ItemRanges.format(batch.items)) (\(batch.items.count) \(labels.records)): \(trigger)")
        }
        for arrival in facts.arrivals {
            let label = arrival.count > 1 ? "×\(arrival.count)" : ItemRanges.format([arrival.first])
            add(.arrival, lane: lanes.arrivalLane(shard: arrival.shard), from: arrival.time, to: arrival.time, label: label,
                title: "\(labels.arrival): \(ItemRanges.format(Array(arrival.first..<(arrival.first + arrival.count))))")
        }
        for throttle in facts.throttles {
            add(.throttle, lane: lanes.serviceLane, from: throttle.time, to: throttle.time, label: "429",
                title: "429 \(throttle.reason) \(ItemRanges.format(throttle.items))")
        }
        for response in facts.responses where response.status != 200 && response.status != 202 {
            add(.response, lane: lanes.callerLane, from: response.time, to: response.time, label: "\(response.status)",
                title: "\(labels.response) \(response.status) \(response.error ?? "") #\(response.item)")
        }
        for delivery in facts.deliveries {
            let name = lanes.deliveryName(delivery.route, labels: labels)
            let word = delivery.delivered ? labels.delivered : labels.deliveryFailed
            add(delivery.delivered ? .delivery : .deliveryFailed, lane: lanes.deliveryLane(delivery.route), from: delivery.time, to: delivery.time,
                label: "◆ \(delivery.condition ?? name)",
                title: "\(name) → \(delivery.target.rawValue): \(word) \(delivery.condition ?? "") \(ItemRanges.format(delivery.items))")
        }
        for discard in facts.discards {
            add(.discard, lane: lanes.discardLane, from: discard.time, to: discard.time, label: "× \(labels.discarded)",
                title: "\(labels.discarded): \(discard.reason.rawValue) \(ItemRanges.format(discard.items))")
        }

        let tickTexts = axis.ticks(spacing: 64) { labels.duration($0) }
        var ticks: [TimelineModel.Tick] = []
        var lastRight = -Double.infinity
        for tick in tickTexts {
            let half = TextWidth.estimate(tick.label, fontSize: fontSize - 1) / 2
            if tick.x - half > lastRight + 6, tick.x + half <= options.width - 2, tick.x - half >= gutter {
                ticks.append(tick)
                lastRight = tick.x + half
            }
        }
        var breaks: [TimelineModel.Break] = []
        var rowRight = [-Double.infinity, -Double.infinity]
        let rowY = [plotTop - 10, plotTop - 22]
        for item in axis.breaks {
            let text = "+" + labels.duration(item.hidden)
            let half = TextWidth.estimate(text, fontSize: fontSize) / 2
            let row = (0..<2).first { item.x - half > rowRight[$0] + 4 && item.x + half <= options.width && item.x - half >= 0 }
            if let row { rowRight[row] = item.x + half }
            breaks.append(TimelineModel.Break(x: item.x, hidden: item.hidden, label: row.map { _ in text }, labelY: rowY[row ?? 0]))
        }
        let height = plotTop + Double(laneModels.count) * laneHeight + bottomMargin
        // The kind of every mark, searched for each of the dozen kinds of the legend (a few
        // enum comparisons per mark instead of hashing every mark's kind into a set).
        let kinds = marks.map(\.kind)
        let description: String = {
            var text = "\(options.title): " + facts.summary(labels: labels)
            if breaks.isEmpty {
                text += " " + labels.axisLinear
            } else {
                let hidden = breaks.map { "+" + labels.duration($0.hidden) }.joined(separator: ", ")
                text += " " + labels.compressedAxis(gaps: breaks.count, hidden: hidden)
            }
            return text
        }()
        return TimelineModel(
            title: options.title, description: description, width: options.width, height: height, gutter: gutter,
            plotTop: plotTop, lanes: laneModels, marks: marks, segments: axis.segments, breaks: breaks, ticks: ticks,
            legend: TimelineModel.Kind.allCases.filter(kinds.contains), fontSize: fontSize
        )
    }
}
