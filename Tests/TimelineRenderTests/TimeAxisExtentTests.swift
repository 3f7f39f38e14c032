import Testing

@testable import TimelineRender

/// `TimeAxis.extent`: the span an axis covers, from the earliest start or end to the latest.
@Suite struct TimeAxisExtentTests {
    @Test func theExtentSpansEveryStartAndEnd() {
        #expect(TimeAxis.extent(of: []) == (0, 1_000))
        #expect(TimeAxis.extent(of: [(5, 5)]) == (5, 6))
        #expect(TimeAxis.extent(of: [(10, 20), (-3, 4), (30, 30)]) == (-3, 30))
        #expect(TimeAxis.extent(of: [(7, 2)]) == (2, 7))
        #expect(TimeAxis.extent(of: [(0, 150), (60_000, 60_150)]) == (0, 60_150))
    }
}
