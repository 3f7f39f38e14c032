import NotesCore

/// Places labels so that no two overlap and none leaves the figure: inside a bar when it
/// fits, else beside it, else on the lane's second row, else truncated with `…`, else none
/// (the mark's `<title>` always keeps the whole text).
///
/// A text already drawn in the lane over the same x range is not drawn again (two batches
/// closed by the same trigger at the same time showed "[window]" above and below the bar;
/// the reader saw one thing labelled twice).
struct LabelPlacer {
    private let lanes: [TimelineModel.Lane]
    private let right: Double
    private let fontSize: Double
    /// Occupied x ranges per lane and row. A row's ranges leave room between them, so a row
    /// holds at most about the figure's width over a label's: scanning one stays cheap.
    private var occupied: [[[ClosedRange<Double>]]]
    /// The whole texts placed per lane, with the x range each took, by a hash of the text.
    ///
    /// Why by text: a label is compared only with the places of its own text, and the places
    /// two labels of one text took never overlap (a text already drawn over a range is not
    /// placed there again), so there are about a figure's width over the text's of them. One
    /// list of every label of a lane made placing quadratic in the marks of a long trace.
    /// Why a hash (FNV-1a of the UTF-8): `String` keys are hashed through Unicode
    /// normalization, which cost more than the comparisons the index saves on a figure's
    /// hundred marks; a hash that collides only puts two texts in one list, which compares them.
    /// Why a list of hashes searched in order and not a dictionary: a lane holds at most
    /// `TimelineView.markLimit` labels, and hashing the hash again into a dictionary, twice
    /// for a new text, cost more than comparing it with every other.
    /// Why an index into `drawn` and not the lists themselves: a label's tries read its
    /// text's list and add to it in place.
    private var drawnList: [[(hash: UInt64, list: Int)]]
    /// The lists `drawnList` points into, of every lane.
    private var drawn: [[(text: String, range: ClosedRange<Double>)]] = []

    /// Labels start right of the lane names.
    private let minimumX: Double

    init(lanes: [TimelineModel.Lane], left: Double, right: Double, fontSize: Double) {
        self.lanes = lanes
        self.minimumX = left
        self.right = right
        self.fontSize = fontSize
        occupied = Array(repeating: [[], [], []], count: lanes.count)
        drawnList = Array(repeating: [], count: lanes.count)
    }

    /// The visible text and its baseline position for a mark spanning `x0…x1`.
    mutating func place(_ text: String?, lane: Int, x0: Double, x1: Double, insideBar: Bool) -> (text: String?, x: Double, y: Double) {
        // Row 0 above the bar band, row 1 inside it, row 2 below it (see `TimelineLayout`).
        let laneY = lanes[lane].y
        func rowY(_ row: Int) -> Double { laneY + 12 + 14 * Double(row) }
        guard let text else { return (nil, x0, rowY(0)) }
        let width = TextWidth.estimate(text, fontSize: fontSize)
        let natural = x0...(x0 + width)
        // The text's earlier places (the tries below each check them), found once.
        var hash = FNV1a()
        hash.combine(text)
        let list = drawnListIndex(hash.value, lane: lane)
        func isDrawn(over range: ClosedRange<Double>) -> Bool { drawn[list].contains { $0.range.overlaps(range) && $0.text == text } }
        guard !isDrawn(over: natural) else { return (nil, x0, rowY(0)) }
        // Where the label belongs, wherever it goes (after the tries below, which must not
        // find it there).
        defer { drawn[list].append((text, natural)) }
        // Tried in order (no array of candidates per label: there are thousands of labels).
        // A place is taken when the row is free there and the same text is not drawn over it.
        func claim(row: Int, x: Double) -> Bool {
            let range = x...(x + width)
            guard range.upperBound <= right, range.lowerBound >= minimumX, isFree(range, lane: lane, row: row), !isDrawn(over: range)
            else { return false }
            occupy(range, lane: lane, row: row)
            drawn[list].append((text, range))
            return true
        }
        if insideBar, x1 - x0 >= width + 6, claim(row: 1, x: x0 + 3) { return (text, x0 + 3, rowY(1)) }
        if claim(row: 0, x: x0) { return (text, x0, rowY(0)) }
        if claim(row: 2, x: x0) { return (text, x0, rowY(2)) }
        // Near the right edge: end the label just left of the mark instead.
        let before = x0 - width - 10
        if claim(row: 0, x: before) { return (text, before, rowY(0)) }
        if claim(row: 2, x: before) { return (text, before, rowY(2)) }
        // Truncate to the room left on either row.
        for row in [0, 2] {
            let room = freeRoom(from: x0, lane: lane, row: row)
            if let short = TextWidth.truncate(text, toFit: room, fontSize: fontSize) {
                let range = x0...(x0 + TextWidth.estimate(short, fontSize: fontSize))
                occupy(range, lane: lane, row: row)
                return (short, x0, rowY(row))
            }
        }
        return (nil, x0, rowY(0))
    }

    /// The index in `drawn` of the places of the texts with `hash` in a lane: a new, empty
    /// list the first time.
    private mutating func drawnListIndex(_ hash: UInt64, lane: Int) -> Int {
        if let known = drawnList[lane].first(where: { $0.hash == hash }) { return known.list }
        drawnList[lane].append((hash, drawn.count))
        // Room for the label's natural place and the one it takes.
        var list: [(text: String, range: ClosedRange<Double>)] = []
        list.reserveCapacity(2)
        drawn.append(list)
        return drawn.count - 1
    }

    private func isFree(_ range: ClosedRange<Double>, lane: Int, row: Int) -> Bool {
        !occupied[lane][row].contains { $0.overlaps(range) }
    }

    /// Keeps labels off `range` of a lane's row: something other than a label is drawn there.
    mutating func reserve(_ range: ClosedRange<Double>, lane: Int, row: Int) {
        guard lanes.indices.contains(lane) else { return }
        occupy(range, lane: lane, row: row)
    }

    /// Takes a label's range with 3 px on each side: two neighbours keep 6 px (half an em)
    /// between them, so "429" and "再試行まで 100ミリ秒" read as two labels, not one phrase.
    private mutating func occupy(_ range: ClosedRange<Double>, lane: Int, row: Int) {
        occupied[lane][row].append((range.lowerBound - 3)...(range.upperBound + 3))
    }

    /// How far right of `x` the row is free.
    private func freeRoom(from x: Double, lane: Int, row: Int) -> Double {
        var next = right
        for range in occupied[lane][row] {
            if range.contains(x) { return 0 }
            if range.lowerBound > x, range.lowerBound < next { next = range.lowerBound }
        }
        return next - x
    }
}
