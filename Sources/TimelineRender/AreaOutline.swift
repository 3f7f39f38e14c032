/// An area's outline, built point by point without the points in the middle of a straight
/// run: flat stretches of many bars become one segment.
///
/// Why as the points come: an outline along 64 bars is 256 points, most of them on flat
/// runs, and gathering them all before dropping most of them cost an array per area and a
/// second pass over it.
struct AreaOutline {
    /// The points kept, in order.
    private(set) var points: [(x: Double, y: Double)] = []

    /// Adds the next point: dropped when it repeats the last one, or replaces the last one
    /// when the last two and it lie on one horizontal or vertical line.
    mutating func add(_ x: Double, _ y: Double) {
        let count = points.count
        guard count > 0 else { return points.append((x, y)) }
        let last = points[count - 1]
        if last.x == x, last.y == y { return }
        if count >= 2 {
            let before = points[count - 2]
            if (before.y == last.y && last.y == y) || (before.x == last.x && last.x == x) {
                points[count - 1] = (x, y)
                return
            }
        }
        points.append((x, y))
    }
}
