import LambdaSimulator
import Testing
@testable import TimelineRender

/// The event log: one line per event, but a burst of arrivals at one instant, or arrivals
/// one per instant at a regular pace, are one line, as the figure draws one run of dots.
@Suite struct EventLogTests {
    @Test func aBurstOfArrivalsIsOneLine() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 12), ArrivalGroup(at: 5_000)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        #expect(log.contains("<dt>0 ms<dd>arrival #1-12 1024 B each\n<dd>batch lane 0: #1-10"))
        #expect(!log.contains("arrival #2 "))
        #expect(log.contains("<dd>arrival #13 1024 B"))
    }

    @Test func arrivalsThatDifferAreNotMerged() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0), ArrivalGroup(at: 0, size: 2048)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        #expect(log.contains("<dd>arrival #1 1024 B"))
        #expect(log.contains("<dd>arrival #2 2048 B"))
    }

    @Test func instantsAFewMillisecondsApartReadApart() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 1_050), ArrivalGroup(at: 1_100)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        #expect(log.contains("<dt>1.05 s<dd>arrival #1 1024 B"))
        #expect(log.contains("<dt>1.1 s<dd>arrival #2 1024 B"))
    }

    /// Eight records 50 ms apart wait for a 1 s batching window (a batch is ten): nothing
    /// else happens at their instants, so they are one line with the first and last time and
    /// the pace.
    @Test func arrivalsAtARegularPaceAreOneLineWithTheirPace() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.mapping.batchingWindowSeconds = 1
        spec.arrivals = [ArrivalGroup(at: 0, count: 8, every: 50)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        #expect(log.contains("<dt>0 ms – 350 ms<dd>arrivals #1-8, one every 50 ms, 1024 B each\n<dt>1 s<dd>batch lane 0: #1-8"))
        #expect(!log.contains("arrival #2 "))
    }

    /// The same records without a window: each arrival is polled at its own instant, where
    /// an invocation starts too, so no run has its instants to itself.
    @Test func arrivalsSharingTheirInstantsWithOtherEventsStayApart() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: 4, every: 500)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        #expect(!log.contains("arrivals #"))
        #expect(log.contains("<dt>0 ms<dd>arrival #1 1024 B\n"))
        #expect(log.contains("<dt>1.5 s<dd>arrival #4 1024 B\n"))
    }

    /// Runs are exact: an irregular pace, or fewer than three, stay one line each.
    @Test func onlyThreeOrMoreAtOnePaceAreJoined() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.mapping.batchingWindowSeconds = 5
        spec.arrivals = [
            ArrivalGroup(at: 0), ArrivalGroup(at: 50), ArrivalGroup(at: 150), ArrivalGroup(at: 1_000, count: 2, every: 100),
            ArrivalGroup(at: 2_000, count: 3, every: 100),
        ]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        for line in ["<dt>0 ms<dd>arrival #1 ", "<dt>50 ms<dd>arrival #2 ", "<dt>150 ms<dd>arrival #3 ", "<dt>1 s<dd>arrival #4 ", "<dt>1.1 s<dd>arrival #5 "] {
            #expect(log.contains(line))
        }
        #expect(log.contains("<dt>2 s – 2.2 s<dd>arrivals #6-8, one every 100 ms, 1024 B each\n"))
    }

    /// On a Japanese page the log reads in Japanese: its events' words and a run of arrivals
    /// with its pace; times keep their unit symbols (`ms`, `s`), as in any language.
    @Test func aJapanesePageReadsItsLogInJapanese() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.mapping.batchingWindowSeconds = 1
        spec.arrivals = [ArrivalGroup(at: 0, count: 8, every: 50)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "ja"))
        #expect(log.contains("<dt>0 ms – 350 ms<dd>到着 #1-8 (50 msごと) 各 1024 B\n<dt>1 s<dd>バッチ レーン 0: #1-8 (window)"))
        #expect(log.contains("<dd>開始 環境 1: #1-8 <i>E1</i>"))
        #expect(log.contains("<dd>終了 環境 1: #1-8 ok"))
        #expect(!log.contains("env "), "no English word is left")
    }

    /// An asynchronous retry on a Japanese page: the wait after a plus, as the figure's axis
    /// writes a span; a second attempt says its number.
    @Test func aJapaneseRetryReadsWithItsWait() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.function.fails = .always
        spec.arrivals = [ArrivalGroup(at: 0)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "ja-JP"))
        #expect(log.contains("<dd>再試行 #1 +1 min (function-error) <i>A3</i>\n<dt>1 min 0.1 s<dd>開始 環境 1: #1 (試行 2)"))
    }
}
