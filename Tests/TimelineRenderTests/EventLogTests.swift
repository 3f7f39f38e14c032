import LambdaSimulator
import Testing
@testable import TimelineRender

/// The event log: one line per event, but a burst of arrivals at one instant is one line,
/// as the figure draws it as one run of dots.
@Suite struct EventLogTests {
    @Test func aBurstOfArrivalsIsOneLine() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 12), ArrivalGroup(at: 5_000)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions())
        #expect(log.contains("<dt>0 ms<dd>arrival #1-12 1024 B each\n<dd>batch inv 1"))
        #expect(!log.contains("arrival #2 "))
        #expect(log.contains("<dd>arrival #13 1024 B"))
    }

    @Test func arrivalsThatDifferAreNotMerged() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0), ArrivalGroup(at: 0, size: 2048)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions())
        #expect(log.contains("<dd>arrival #1 1024 B"))
        #expect(log.contains("<dd>arrival #2 2048 B"))
    }

    @Test func instantsAFewMillisecondsApartReadApart() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 1_050), ArrivalGroup(at: 1_100)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions())
        #expect(log.contains("<dt>1.05 s<dd>arrival #1 1024 B"))
        #expect(log.contains("<dt>1.1 s<dd>arrival #2 1024 B"))
    }
}
