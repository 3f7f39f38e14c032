/// Places labels so that no two overlap and none leaves the figure: inside a bar when it
/// fits, else beside it, else on the lane's second row, else truncated with `…`, else none
/// (the mark's `<title>` always keeps the whole text).
struct LabelPlacer {
    private let lanes: [TimelineModel.Lane]
    private let right: Double
    private let fontSize: Double
    /// Occupied x ranges per lane and row.
    private var occupied: [[[ClosedRange<Double>]]]

    /// Labels start right of the lane names.
    private let minimumX: Double

    init(lanes: [TimelineModel.Lane], left: Double, right: Double, fontSize: Double) {
        self.lanes = lanes
        self.minimumX = left
        self.right = right
        self.fontSize = fontSize
        occupied = Array(repeating: [[], [], []], count: lanes.count)
    }

    /// The visible text and its baseline position for a mark spanning `x0…x1`.
    mutating func place(_ text: String?, lane: Int, x0: Double, x1: Double, insideBar: Bool) -> (text: String?, x: Double, y: Double) {
        let laneY = lanes[lane].y
        // Row 0 above the bar band, row 1 inside it, row 2 below it (see `TimelineLayout`).
        let rows = [laneY + 12, laneY + 26, laneY + 40]
        guard let text else { return (nil, x0, rows[0]) }
        let width = TextWidth.estimate(text, fontSize: fontSize)
        var candidates: [(row: Int, x: Double)] = []
        if insideBar, x1 - x0 >= width + 6 { candidates.append((1, x0 + 3)) }
        candidates.append((0, x0))
        candidates.append((2, x0))
        // Near the right edge: end the label just left of the mark instead.
        candidates.append((0, x0 - width - 10))
        candidates.append((2, x0 - width - 10))
        for candidate in candidates {
            let range = candidate.x...(candidate.x + width)
            if range.upperBound <= right, range.lowerBound >= minimumX, isFree(range, lane: lane, row: candidate.row) {
                occupy(range, lane: lane, row: candidate.row)
                return (text, candidate.x, rows[candidate.row])
            }
        }
        // Truncate to the room left on either row.
        for row in [0, 2] {
            let room = freeRoom(from: x0, lane: lane, row: row)
            if let short = TextWidth.truncate(text, toFit: room, fontSize: fontSize) {
                let range = x0...(x0 + TextWidth.estimate(short, fontSize: fontSize))
                occupy(range, lane: lane, row: row)
                return (short, x0, rows[row])
            }
        }
        return (nil, x0, rows[0])
    }

    private func isFree(_ range: ClosedRange<Double>, lane: Int, row: Int) -> Bool {
        !occupied[lane][row].contains { $0.overlaps(range) }
    }

    private mutating func occupy(_ range: ClosedRange<Double>, lane: Int, row: Int) {
        occupied[lane][row].append((range.lowerBound - 2)...(range.upperBound + 2))
    }

    /// How far right of `x` the row is free.
    private func freeRoom(from x: Double, lane: Int, row: Int) -> Double {
        if occupied[lane][row].contains(where: { $0.contains(x) }) { return 0 }
        let next = occupied[lane][row].map(\.lowerBound).filter { $0 > x }.min() ?? right
        return min(next, right) - x
    }
}
