/// Maps simulated milliseconds to x positions on a segmented axis: active stretches share
/// one linear scale; idle gaps longer than a threshold are cut out and drawn as breaks.
struct TimeAxis {
    /// Pixels between two cut-out segments.
    static let breakWidth = 28.0

    private(set) var segments: [TimelineModel.Segment] = []
    private(set) var breaks: [(x: Double, hidden: Int64)] = []

    /// Builds the axis for the given busy intervals and instants over `[left, right]` px.
    init(intervals: [(Int64, Int64)], linear: Bool, left: Double, right: Double, threshold: Int64 = 2_000) {
        let (first, last) = Self.extent(of: intervals)
        var spans: [(Int64, Int64)] = []
        if linear {
            spans = [(first, last)]
        } else {
            // Sweep: a gap longer than the threshold with nothing running becomes a break.
            let sorted = intervals.sorted { $0.0 < $1.0 }
            var spanStart = sorted.first?.0 ?? first
            var coveredUntil = sorted.first?.1 ?? first
            for interval in sorted.dropFirst() {
                if interval.0 - coveredUntil > threshold {
                    spans.append((spanStart, coveredUntil))
                    spanStart = interval.0
                }
                coveredUntil = max(coveredUntil, interval.1)
            }
            spans.append((spanStart, coveredUntil))
        }
        // Padding: 5 % of each span, at least 10 ms (and 50 ms for an instant).
        let padded = spans.map { span -> (Int64, Int64) in
            let pad = max(10, (span.1 - span.0) / 20, span.1 == span.0 ? 50 : 0)
            return (span.0 - pad, span.1 + pad)
        }
        let total = Double(padded.reduce(0) { $0 + ($1.1 - $1.0) })
        let available = right - left - Double(padded.count - 1) * Self.breakWidth
        let scale = available / max(total, 1)
        var x = left
        for (index, span) in padded.enumerated() {
            let width = Double(span.1 - span.0) * scale
            segments.append(TimelineModel.Segment(start: span.0, end: span.1, x0: x, x1: x + width))
            x += width
            if index + 1 < padded.count {
                breaks.append((x + Self.breakWidth / 2, padded[index + 1].0 - span.1))
                x += Self.breakWidth
            }
        }
    }

    /// The earliest time of the intervals and the latest (at least 1 ms later); 0 and 1 s
    /// without any. Found in one pass: listing every start and end first made an array per
    /// interval on every figure.
    static func extent(of intervals: [(Int64, Int64)]) -> (first: Int64, last: Int64) {
        guard let head = intervals.first else { return (0, 1_000) }
        var first = min(head.0, head.1)
        var latest = max(head.0, head.1)
        for interval in intervals.dropFirst() {
            first = min(first, interval.0, interval.1)
            latest = max(latest, interval.0, interval.1)
        }
        return (first, max(latest, first + 1))
    }

    /// The x of a time (times inside a break map to the break's middle).
    func x(_ time: Int64) -> Double {
        for (index, segment) in segments.enumerated() {
            if time <= segment.end || index == segments.count - 1 {
                if time < segment.start {
                    return index == 0 ? segment.x0 : segment.x0 - Self.breakWidth / 2
                }
                let fraction = Double(time - segment.start) / Double(max(1, segment.end - segment.start))
                return segment.x0 + min(1, fraction) * (segment.x1 - segment.x0)
            }
        }
        return segments.last?.x1 ?? 0
    }

    /// Tick steps a reader counts in: 1-2-5 steps of milliseconds up to a second, then
    /// seconds, minutes and hours in the steps a clock face is divided by, then days in 1-2-5
    /// steps. An axis over ten minutes reads "+2 min, +4 min", not "+100 s, +200 s".
    static let tickSteps: [Int64] = {
        let second: Int64 = 1_000
        let minute = 60 * second
        let hour = 60 * minute
        let day = 24 * hour
        var steps: [Int64] = [1, 2, 5, 10, 20, 50, 100, 200, 500]
        steps += [1, 2, 5, 10, 15, 30].map { $0 * second } + [1, 2, 5, 10, 15, 30].map { $0 * minute }
        steps += [1, 2, 3, 6, 12].map { $0 * hour }
        for power in [1, 10, 100, 1_000] as [Int64] { steps += [1, 2, 5].map { $0 * power * day } }
        return steps
    }()

    /// The first of `tickSteps` that is at least `spacing` pixels wide (the longest otherwise).
    static func tickStep(pixelsPerMillisecond: Double, spacing: Double) -> Int64 {
        tickSteps.first { Double($0) * pixelsPerMillisecond >= spacing } ?? tickSteps[tickSteps.count - 1]
    }

    /// Tick times at one of `tickSteps` at least `spacing` px wide, per segment,
    /// with the segment each is in (the labels, absolute or relative, are the caller's).
    func tickTimes(spacing: Double) -> [(x: Double, time: Int64, segment: Int)] {
        var ticks: [(x: Double, time: Int64, segment: Int)] = []
        // About a dozen fit a figure at the narrowest spacing: room for them at once.
        ticks.reserveCapacity(16)
        for (index, segment) in segments.enumerated() {
            let pixelsPerMillisecond = (segment.x1 - segment.x0) / Double(max(1, segment.end - segment.start))
            let chosen = Self.tickStep(pixelsPerMillisecond: pixelsPerMillisecond, spacing: spacing)
            var time = ((segment.start + chosen - 1) / chosen) * chosen
            if segment.start < 0 { time = (segment.start / chosen) * chosen }
            while time <= segment.end {
                if time >= segment.start { ticks.append((x(time), time, index)) }
                time += chosen
            }
        }
        return ticks
    }
}
