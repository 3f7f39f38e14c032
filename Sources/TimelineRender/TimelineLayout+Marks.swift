import LambdaSimulator

extension TimelineLayout {
    /// The marks of a figure as they are laid out: each put on the axis, its label given
    /// room by a `LabelPlacer`.
    ///
    /// A type of its own so that the kinds of facts can be added in separate functions
    /// while sharing one placer (the order of adding decides which label gets room).
    struct MarkPlacement {
        let axis: TimeAxis
        var placer: LabelPlacer
        private(set) var marks: [TimelineModel.Mark] = []

        init(axis: TimeAxis, placer: LabelPlacer) {
            self.axis = axis
            self.placer = placer
        }

        /// Adds the bars (attempts, waits, batches, blocked shards), which claim label room
        /// before the instants: each kind of fact in the trace's order.
        mutating func addSpans(_ facts: TraceFacts, lanes: LaneSet, labels: TimelineLabels) {
            for wait in facts.waits {
                let lane = lanes.lane(forWaitOf: wait.reason)
                // The label opens the title: the duration is written once for both.
                let label = "\(labels.retryIn) \(labels.duration(wait.end - wait.start))"
                add(
                    .wait, lane: lane, from: wait.start, to: wait.end, label: label,
                    title: "\(label) (\(wait.reason.rawValue)) \(items: wait.items)")
            }
            for blocked in facts.blocked {
                add(
                    .blocked, lane: lanes.shardLane(blocked.shard), from: blocked.start, to: blocked.end, label: labels.blocked,
                    title: "\(lanes.names[lanes.shardLane(blocked.shard)]) \(labels.blocked) \(duration: blocked.end - blocked.start, labels)")
            }
            // X6: a cold start's Init is drawn over the first part of its attempt's bar.
            var coldStarts: [Int64: [TraceFacts.ColdStart]] = [:]
            for cold in facts.coldStarts { coldStarts[cold.time, default: []].append(cold) }
            for attempt in facts.attempts {
                let (kind, word, glyph): (TimelineModel.Kind, String, String) =
                    switch attempt.result {
                    case .ok: (.attemptOK, labels.ok, "✓")
                    case .error: (.attemptError, labels.error, "✗")
                    case .timeout: (.attemptTimeout, labels.timeout, "⌛")
                    }
                let items = ItemRanges.format(attempt.items)
                add(
                    kind, lane: lanes.instanceLane(attempt.instance), from: attempt.start, to: attempt.end,
                    label: "\(glyph) \(items)",
                    title: "\(items) \(labels.attempt) \(attempt.attempt): \(word), \(duration: attempt.end - attempt.start, labels)")
                if let cold = coldStarts[attempt.start]?.first(where: { $0.instance == attempt.instance }) {
                    let last = marks.count - 1
                    marks[last].initX1 = min(axis.x(cold.time + cold.duration), marks[last].x1)
                    marks[last].title += " (\(labels.coldStart) \(labels.duration(cold.duration))\(cold.failed ? " ✗" : ""))"
                }
            }
            for batch in facts.batches {
                let trigger: String =
                    switch batch.trigger {
                    case .window: labels.window
                    case .size: labels.size
                    case .payload: labels.payload
                    case .retry: labels.retry
                    }
                add(
                    .batch, lane: lanes.pollerLane, from: batch.start, to: batch.end, label: "[\(trigger)]",
                    title: "\(items: batch.items) (\(batch.items.count) \(batch.items.count == 1 ? labels.record : labels.records)): \(trigger)")
            }
        }

        /// Adds the instants (arrivals, throttles, failed responses, deliveries, discards),
        /// after the spans so that their labels take the room the bars left.
        mutating func addInstants(_ facts: TraceFacts, lanes: LaneSet, labels: TimelineLabels) {
            addArrivals(facts.arrivals, lanes: lanes, labels: labels)
            // A throttle answered at once by a 429 to the caller (a synchronous call) is
            // labelled there, not twice ("429" above "429" across the lane rule).
            let answered = Set(facts.responses.lazy.filter { $0.status == 429 }.map(\.time))
            // A hand-off SNS, EventBridge or S3 could not make (R2, R7) never reached Lambda's
            // queue: its answer on the caller lane is the whole story.
            let refusedHandOffs = lanes.mode == .async ? Set(facts.responses.lazy.filter { $0.status >= 400 }.map(\.time)) : []
            for throttle in facts.throttles where !refusedHandOffs.contains(throttle.time) {
                add(
                    .throttle, lane: lanes.serviceLane, from: throttle.time, to: throttle.time,
                    label: answered.contains(throttle.time) ? nil : "429",
                    title: "429 \(throttle.reason) \(items: throttle.items)")
            }
            for response in facts.responses where response.status != 200 && response.status != 202 {
                add(
                    .response, lane: lanes.callerLane, from: response.time, to: response.time, label: "\(response.status)",
                    title: "\(labels.response) \(response.status) \(response.error ?? "") #\(response.item)")
            }
            for delivery in facts.deliveries {
                let name = lanes.deliveryName(delivery.route, labels: labels)
                let word = delivery.delivered ? labels.delivered : labels.deliveryFailed
                add(
                    delivery.delivered ? .delivery : .deliveryFailed, lane: lanes.deliveryLane(delivery.route), from: delivery.time, to: delivery.time,
                    // The diamond is the mark's shape; the label says only where it went.
                    label: delivery.condition ?? name,
                    title: "\(name) → \(delivery.target.rawValue): \(word)\(delivery.condition.map { " " + $0 } ?? "") \(items: delivery.items)")
            }
            // L3, L4: drawn where the stopped event waited (Lambda's queue, the SQS queue);
            // what became of it is the delivery or discard beside it, so no label repeats it.
            for stop in facts.recursionStops {
                add(
                    .recursionStop, lane: lanes.serviceLane, from: stop.time, to: stop.time, label: nil,
                    title: "\(labels.loopStopped) \(items: stop.items): \(stop.depth) > 16")
            }
            for discard in facts.discards {
                add(
                    .discard, lane: lanes.discardLane, from: discard.time, to: discard.time, label: labels.discarded,
                    title: "\(labels.discarded): \(discard.reason.rawValue) \(items: discard.items)")
            }
        }

        /// Adds the arrivals, a run of close ones as one mark: dots at each arrival's time,
        /// one label and one tooltip for the run (`#1-24`).
        ///
        /// Why runs: inputs arriving every few milliseconds made a dot, a tooltip and a label
        /// each, labels alternating above and below the lane and most of them dropped, and
        /// were most of the marks (and bytes) of a figure of many inputs. A run is what a
        /// reader sees there anyway: a row of dots, which one label names as a whole.
        private mutating func addArrivals(_ arrivals: [TraceFacts.Arrival], lanes: LaneSet, labels: TimelineLabels) {
            var index = arrivals.startIndex
            while index < arrivals.endIndex {
                let first = arrivals[index]
                var dots = [axis.x(first.time)]
                var end = index + 1
                // Consecutive inputs on the same lane, each dot closer to the last than a short label is wide.
                while end < arrivals.endIndex, arrivals[end].shard == first.shard,
                    arrivals[end].first == arrivals[end - 1].first + arrivals[end - 1].count,
                    axis.x(arrivals[end].time) - dots[dots.count - 1] < TimelineLayout.arrivalRunSpacing
                {
                    dots.append(axis.x(arrivals[end].time))
                    end += 1
                }
                let last = arrivals[end - 1]
                let items = "#\(first.first)" + (last.first + last.count - 1 > first.first ? "-\(last.first + last.count - 1)" : "")
                let label = end - index == 1 && first.count > 1 ? "×\(first.count)" : items
                add(.arrival, lane: lanes.arrivalLane(shard: first.shard), from: first.time, to: first.time, label: label, title: "\(labels.arrival): \(items)")
                if dots.count > 1 {
                    marks[marks.count - 1].dots = dots
                    marks[marks.count - 1].end = last.time
                }
                index = end
            }
        }

        /// Adds one mark: bars at least 4 px wide with their label inside or after them,
        /// instants as a point with the label beside it. The one place that turns times
        /// into x positions and asks the placer for label room.
        private mutating func add(_ kind: TimelineModel.Kind, lane: Int, from start: Int64, to end: Int64, label: String?, title: MarkText) {
            let x0 = axis.x(start)
            var x1 = axis.x(end)
            let isBar =
                switch kind {
                case .attemptOK, .attemptError, .attemptTimeout, .wait, .batch, .blocked, .coldStart: true
                default: false
                }
            if isBar, x1 - x0 < 4 { x1 = x0 + 4 }
            let labelStart = isBar ? x0 : x0 + 7
            let placed = placer.place(
                label, lane: lane, x0: labelStart, x1: isBar ? x1 : labelStart,
                insideBar: kind.isAttempt)
            marks.append(
                TimelineModel.Mark(
                    kind: kind, lane: lane, x0: x0, x1: isBar ? x1 : x0, label: placed.text,
                    labelX: placed.x, labelY: placed.y, title: title.string, start: start, end: end))
        }
    }
}
