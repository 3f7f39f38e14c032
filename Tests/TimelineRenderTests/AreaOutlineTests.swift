import Testing

@testable import TimelineRender

/// An outline keeps the corners of a stepped line and drops what lies between them.
@Suite struct AreaOutlineTests {
    private func outline(_ points: [(Double, Double)]) -> [[Double]] {
        var outline = AreaOutline()
        for (x, y) in points { outline.add(x, y) }
        return outline.points.map { [$0.x, $0.y] }
    }

    @Test func dropsRepeatsAndMiddlesOfStraightRuns() {
        // A flat run of three bars, a step up, a bar, then back along the base.
        let points: [(Double, Double)] = [
            (0, 10), (1, 10), (1, 10), (2, 10), (2, 10), (3, 10), (3, 4), (4, 4),
            (4, 20), (3, 20), (3, 20), (2, 20), (0, 20),
        ]
        #expect(outline(points) == [[0, 10], [3, 10], [3, 4], [4, 4], [4, 20], [0, 20]])
    }

    @Test func keepsVerticalRunsToTheirLastPoint() {
        #expect(outline([(5, 1), (5, 2), (5, 3), (6, 3)]) == [[5, 1], [5, 3], [6, 3]])
    }

    @Test func keepsOnePointAndTwoPoints() {
        #expect(outline([]) == [])
        #expect(outline([(1, 1), (1, 1)]) == [[1, 1]])
        #expect(outline([(1, 1), (2, 3)]) == [[1, 1], [2, 3]])
    }
}
