import ScenarioKit
import Testing

/// Issue 23, point 5: execution environments work in every event source mapping, the
/// Kafka, Amazon MQ and DocumentDB ones included (X1, X6): the first batch waits for `Init`,
/// the next one reuses the warm environment.
@Suite struct MappingColdStartTests {
    @Test(arguments: ["kafka", "mq", "documentdb", "kinesis", "sqs"])
    func theFirstBatchIsAColdStartTheNextIsWarm(mode: String) {
        // D2: a DocumentDB mapping needs its database's name.
        let database = mode == "documentdb" ? "EventSourceMapping: { DocumentDBEventSourceConfig: { DatabaseName: shop } }\n" : ""
        let yaml = """
            mode: \(mode)
            \(database)function: { init: 800ms, duration: 100ms }
            records:
              - at: 0s
              - at: 1m
            expect:
              cold-starts: 1
              latency: { value: [900ms, 100ms], tolerance: 0s }
            """
        #expect(ScenarioVerdicts.of(yaml) == ["pass cold-starts", "pass latency"])
    }
}
