import LambdaSimulator
import Testing

/// The JSON trace lists cold starts and stopped recursive loops (X1, X2, L3), so a tool that
/// reads `simulate --format json` sees what the figure shows.
@Suite struct TraceJSONTests {
    @Test func coldStartsAreListedWithTheirInit() throws {
        var spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0), ArrivalGroup(at: 60_000)]
        spec.function.initDuration = 800
        let json = try Simulator.simulate(spec).json
        #expect(json.contains(#""coldStarts":[{"time":0,"invocation":1,"instance":1,"items":[1],"initDuration":800,"failed":false}]"#))
        #expect(json.contains(#""recursionStops":[]"#))
    }

    @Test func aStoppedLoopIsListedWithItsDepth() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.loops = true
        spec.queue.maxReceiveCount = 1
        let json = try Simulator.simulate(spec).json
        #expect(json.contains(#""recursionStops":[{"time":"#))
        #expect(json.contains(#""depth":17}"#))
    }
}
